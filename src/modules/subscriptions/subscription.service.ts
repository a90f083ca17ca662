/**
 * 政策找人 use-cases of a subscriber: subscribe (double opt-in: a confirmation mail with a signed single-use
 * link; nothing else is ever sent before it is used), confirm, change the choices through the signed
 * manage link, unsubscribe in one step; and the daily purge of unconfirmed subscriptions. The address is
 * encrypted at rest, deduplicated by a keyed hash, and appears in audit events and logs only masked.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { maskEmail } from '../../lib/mail/mail-address.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import { parseInput } from '../../lib/validation.ts';
import { validateEmail } from '../../lib/validators/index.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { CONSENT_TEXT, choicesSchema, type SubscriptionChoices } from './subscription.model.ts';
import { SubscriptionRepository, type SubscriptionRow } from './subscription.repository.ts';
import { linkValid, newNonce, tokenId } from './subscription-links.ts';
import { confirmationMail, manageUrls } from './subscription-mails.ts';
import { SUBSCRIPTION_SETTINGS } from './subscription-settings.ts';

export interface SubscriptionDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  mail: Pick<MailOutbox, 'enabled' | 'enqueue'>;
  /** Absolute base URL for links in mails (unset: links are relative to the site). */
  publicUrl: string | undefined;
  siteName: string;
  units: Pick<UnitDirectory, 'activeUnits'>;
  topics: { list(): Promise<{ id: number; name: string; active: number }[]> };
  settings: SettingsStore;
  formSecret: string;
  encryptionKey: Uint8Array;
}

const PURGER: CallContext = { actor: systemActor('订阅清理'), meta: NO_REQUEST };
/** A pending subscription's confirmation is sent again at most this often (anti-flooding, platform rule). */
export const RESEND_CONFIRMATION_AFTER_MS = 10 * 60_000;
const LINK_INVALID = '链接无效或已失效（订阅可能已确认或已退订）';

export const choicesOf = (r: SubscriptionRow): SubscriptionChoices => ({
  topics: JSON.parse(r.topics_json) as number[],
  units: JSON.parse(r.units_json) as number[],
  audiences: JSON.parse(r.audiences_json) as SubscriptionChoices['audiences'],
  kinds: JSON.parse(r.kinds_json) as SubscriptionChoices['kinds'],
});

const choiceColumns = (c: SubscriptionChoices) => ({
  topics_json: JSON.stringify(c.topics),
  units_json: JSON.stringify(c.units),
  audiences_json: JSON.stringify(c.audiences),
  kinds_json: JSON.stringify(c.kinds),
});

/** A new pending subscription (its confirm nonce is set by the caller). */
const newRow = (emailEnc: string, hash: string, masked: string, c: SubscriptionChoices, now: string) => ({
  state: 'pending',
  email_enc: emailEnc,
  email_hash: hash,
  email_masked: masked,
  ...choiceColumns(c),
  confirm_nonce: null,
  manage_nonce: newNonce(),
  consent_text: CONSENT_TEXT,
  created_at: now,
  confirmed_at: null,
  unsubscribed_at: null,
  last_sent_at: null,
  updated_at: now,
});

const sameChoices = (a: SubscriptionChoices, b: SubscriptionChoices) => {
  const key = (c: SubscriptionChoices) =>
    JSON.stringify([c.topics, c.units, c.audiences, c.kinds].map((l) => [...l].map(String).sort()));
  return key(a) === key(b);
};

export class SubscriptionService {
  readonly repo: SubscriptionRepository;
  readonly cipher: FieldCipher;

  constructor(readonly d: SubscriptionDeps) {
    this.repo = new SubscriptionRepository(d.db);
    this.cipher = new FieldCipher(d.encryptionKey);
  }

  /** Keyed hash of a normalised address (dedupe without the address in clear). */
  emailHash(normalised: string): string {
    return createHmac('sha256', Buffer.from(this.d.encryptionKey))
      .update(`subscription-email:${normalised.toLowerCase()}`)
      .digest('hex');
  }

  /** The choices a form or feed query may name: active topics and units. */
  async schema() {
    const [topics, units] = await Promise.all([this.d.topics.list(), this.d.units.activeUnits()]);
    return choicesSchema({
      topicIds: new Set(topics.filter((t) => t.active).map((t) => t.id)),
      unitIds: new Set(units.map((u) => u.id)),
    });
  }

  /** Parses choices (feed query or form); throws a validation error naming the field. */
  async parseChoices(raw: unknown): Promise<SubscriptionChoices> {
    return parseInput(await this.schema(), raw);
  }

  /**
   * Subscribes an address: checks the anti-abuse fields, the address, the consent and the choices, then
   * stores a pending subscription and enqueues the confirmation mail in one transaction with the audit
   * event. The same address with the same choices again creates nothing new: a confirmed subscription is
   * left alone, a pending one gets a fresh confirmation mail (at most every RESEND_CONFIRMATION_AFTER_MS,
   * so the form cannot be used to flood someone else's mailbox).
   */
  async subscribe(ctx: CallContext, fields: Record<string, unknown>, minFillMs?: number): Promise<void> {
    const d = this.d;
    const { address, choices } = await this.checkInput(fields, minFillMs);
    const hash = this.emailHash(address);
    const live = await this.repo.liveByHash(hash);
    const same = live.find((r) => sameChoices(choicesOf(r), choices));
    const nowMs = d.clock.now().getTime();
    if (same?.state === 'confirmed') return; // nothing to do; no mail tells a stranger anything
    if (same && nowMs - Date.parse(same.updated_at) < RESEND_CONFIRMATION_AFTER_MS) return;
    const { maxPerAddress } = await d.settings.readGroup(SUBSCRIPTION_SETTINGS);
    if (!same && live.length >= maxPerAddress)
      throw AppError.validation([
        {
          field: 'email',
          message: `该邮箱的订阅已达上限（${maxPerAddress} 个），请通过订阅邮件中的“管理订阅”链接修改已有订阅`,
        },
      ]);
    const now = new Date(nowMs).toISOString();
    const masked = maskEmail(address);
    await d.db.transaction().execute(async (trx) => {
      const confirmNonce = newNonce();
      const id = same
        ? same.id
        : await this.repo.insert(trx, newRow(this.cipher.encrypt(address), hash, masked, choices, now));
      await trx
        .updateTable('subscriptions')
        .set({ confirm_nonce: confirmNonce, updated_at: now })
        .where('id', '=', id)
        .execute();
      await d.mail.enqueue(trx, {
        ...confirmationMail(this.linkContext(), id, confirmNonce),
        to: address,
        kind: 'subscription.confirm',
        ref: { type: 'subscription', id },
      });
      await d.audit.record(trx, ctx, {
        action: 'subscription.create',
        targetType: 'subscription',
        targetId: id,
        summary: `${masked} 申请订阅政策信息，已发送确认邮件`,
      });
    });
  }

  /** The checked address and choices of the form, or every problem at once (named by field). */
  private async checkInput(fields: Record<string, unknown>, minFillMs?: number) {
    const d = this.d;
    const abuse = abuseProblem(d.formSecret, fields, d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    if (!d.mail.enabled)
      throw AppError.validation([
        { field: '_', message: '本网站暂未开通邮件发送，无法邮件订阅；您可以使用下方的 Atom 订阅地址' },
      ]);
    const problems: FieldProblem[] = [];
    const email = validateEmail(String(fields.email ?? ''));
    if (!email.ok) problems.push({ field: 'email', message: email.reason });
    if (String(fields.consent ?? '') !== 'yes')
      problems.push({ field: 'consent', message: '请勾选同意接收订阅邮件' });
    let choices: SubscriptionChoices | null = null;
    try {
      choices = await this.parseChoices(fields);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'validation') throw e;
      problems.push(...e.problems);
    }
    if (problems.length || !email.ok || !choices) throw AppError.validation(problems);
    return { address: email.normalised, choices };
  }

  linkContext() {
    return {
      secret: this.d.formSecret,
      base: (this.d.publicUrl ?? '').replace(/\/$/, ''),
      site: this.d.siteName,
    };
  }

  /** Confirms the subscription of a confirmation link (works once). */
  async confirm(ctx: CallContext, token: string): Promise<SubscriptionRow> {
    const row = await this.byLink('confirm', token);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.confirm(trx, row.id, row.confirm_nonce ?? '', now)))
        throw new AppError('validation', LINK_INVALID);
      await this.d.audit.record(trx, ctx, {
        action: 'subscription.confirm',
        targetType: 'subscription',
        targetId: row.id,
        summary: `${row.email_masked} 确认了政策信息订阅`,
      });
      return { ...row, state: 'confirmed', confirm_nonce: null, confirmed_at: now };
    });
  }

  /** Checks a confirmation link without using it (the page with the button). */
  async checkConfirm(token: string): Promise<void> {
    await this.byLink('confirm', token);
  }

  /** The live subscription of a manage / unsubscribe link. */
  async forManage(token: string): Promise<SubscriptionRow> {
    return this.byLink('manage', token);
  }

  /** Changes the choices through the manage link (bad choices: messages naming the field, nothing changed). */
  async changeChoices(ctx: CallContext, token: string, fields: Record<string, unknown>): Promise<void> {
    const row = await this.byLink('manage', token);
    const choices = await this.parseChoices(fields);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.repo.updateChoices(trx, row.id, choiceColumns(choices), now);
      await this.d.audit.record(trx, ctx, {
        action: 'subscription.change',
        targetType: 'subscription',
        targetId: row.id,
        summary: `${row.email_masked} 修改了订阅内容`,
        before: choicesOf(row),
        after: choices,
      });
    });
  }

  /** Unsubscribes (one step, from the link of any mail) and erases the address. */
  async unsubscribe(ctx: CallContext, token: string): Promise<void> {
    const row = await this.byLink('manage', token);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.repo.unsubscribe(trx, row.id, now))) throw new AppError('validation', LINK_INVALID);
      await this.d.audit.record(trx, ctx, {
        action: 'subscription.unsubscribe',
        targetType: 'subscription',
        targetId: row.id,
        summary: `${row.email_masked} 退订了政策信息订阅，邮箱地址已删除`,
      });
    });
  }

  /** Deletes unconfirmed subscriptions older than the setting's days (daily job). */
  async purgePending(): Promise<number> {
    const { pendingPurgeDays } = await this.d.settings.readGroup(SUBSCRIPTION_SETTINGS);
    const before = new Date(this.d.clock.now().getTime() - pendingPurgeDays * 86_400_000).toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const n = await this.repo.purgePending(trx, before);
      if (n)
        await this.d.audit.record(trx, PURGER, {
          action: 'subscription.purge',
          targetType: 'subscription',
          summary: `删除 ${n} 个超过 ${pendingPurgeDays} 天未确认的订阅及其邮箱地址`,
          after: { purged: n, before },
        });
      return n;
    });
  }

  /** The manage and unsubscribe links of a row (for mails). */
  urlsOf(row: SubscriptionRow) {
    return manageUrls(this.linkContext(), row.id, row.manage_nonce ?? '');
  }

  private async byLink(purpose: 'confirm' | 'manage', token: string): Promise<SubscriptionRow> {
    const id = tokenId(token);
    const row = id === null ? undefined : await this.repo.byId(id);
    const nonce = row ? (purpose === 'confirm' ? row.confirm_nonce : row.manage_nonce) : null;
    if (!row || !linkValid(this.d.formSecret, purpose, row.id, nonce, token))
      throw new AppError('validation', LINK_INVALID);
    return row;
  }
}
