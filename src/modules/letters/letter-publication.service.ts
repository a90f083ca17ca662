/**
 * Publication of replies (issue 13 item 1): "Published replies: only with the writer's consent, personal data
 * masked, after review; spam/duplicates/不属于受理范围 closed with a reason and not published". Staff who hold
 * 'letter.review' on the handling unit (or on the box's unit, the 政务公开办) read the masked title, letter and
 * reply (letter-mask.ts proposes them), may edit them, and publish; they may unpublish with a reason. Each
 * change writes the letter_events row and the audit event in one transaction.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput, requiredText } from '../../lib/validation.ts';
import { MAX_BODY_LENGTH, MAX_REASON_LENGTH, MAX_REPLY_LENGTH, MAX_TITLE_LENGTH } from './letter.model.ts';
import { type MaskResult, maskPersonalData, mergeFound } from './letter-mask.ts';
import { LetterOutputsRepository } from './letter-outputs.repository.ts';

/** 审核员 and the 政务公开办 review publications (letters.actions.ts). */
export const REVIEW_ACTION: Action = 'letter.review';

export interface PublicationDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
}

/** What the review page shows: the proposal (or the saved public version) and why it may not be published. */
export interface PublicationDraft {
  letterId: number;
  revision: number;
  published: boolean;
  title: string;
  body: string;
  reply: string;
  /** What the masking found in the original texts (for "已遮盖：…"). */
  found: MaskResult['found'];
  /** Every reason it cannot be published now (empty when it can). */
  blockers: string[];
}

/** Control characters (NUL and the like; tab and newlines are text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const noNul = (label: string, max: number) =>
  requiredText(label, max).refine((v) => !CONTROL_CHARS.test(v), {
    message: `${label}不能包含控制字符`,
  });

const publishSchema = z.object({
  title: noNul('公开标题', MAX_TITLE_LENGTH),
  body: noNul('公开的来信内容', MAX_BODY_LENGTH),
  reply: noNul('公开的答复内容', MAX_REPLY_LENGTH * 2),
  revision: z.coerce.number().int().min(1),
});
const unpublishSchema = z.object({
  reason: noNul('撤下原因', MAX_REASON_LENGTH),
  revision: z.coerce.number().int().min(1),
});

type LetterRow = NonNullable<Awaited<ReturnType<LetterOutputsRepository['findLetter']>>>;

/** The follow-up and its answer are published after the first exchange, marked. */
export const FOLLOW_UP_HEADING = '【追问】';
export const FOLLOW_UP_REPLY_HEADING = '【追问答复】';

export class LetterPublicationService {
  readonly repo: LetterOutputsRepository;
  constructor(private readonly d: PublicationDeps) {
    this.repo = new LetterOutputsRepository(d.db);
  }

  /** Every reason the letter cannot be published (Whitehall: list them all, so the page can show them). */
  blockers(letter: LetterRow, replies: readonly unknown[]): string[] {
    const out: string[] = [];
    if (letter.status === 'closed') out.push('该来信已关闭（无效来信），不予公开');
    else if (letter.status !== 'answered') out.push('该来信尚未答复，答复发出后才能公开');
    if (letter.status !== 'closed' && replies.length === 0) out.push('该来信没有已发出的答复');
    if (letter.consent_publish !== 1) out.push('来信人未同意公开，不能公开');
    return out;
  }

  private assertReviewer(ctx: CallContext, letter: LetterRow, unitPath: string | null, channelPath: string) {
    const ok =
      (unitPath !== null && can(ctx.actor, REVIEW_ACTION, unitPath)) ||
      can(ctx.actor, REVIEW_ACTION, channelPath);
    if (!ok) throw AppError.forbidden(`您没有审核公开“${letter.reference}”的权限`);
  }

  private async load(id: number) {
    const letter = await this.repo.findLetter(id);
    if (!letter) throw AppError.notFound('来信');
    const channelUnit = await this.d.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', letter.channel_unit_id)
      .executeTakeFirstOrThrow();
    return { letter, channelPath: channelUnit.path };
  }

  /** The texts to review: the saved public version, or the masked original (letter, follow-up, replies). */
  async draft(ctx: CallContext, id: number): Promise<PublicationDraft> {
    const { letter, channelPath } = await this.load(id);
    this.assertReviewer(ctx, letter, letter.unit_path, channelPath);
    const replies = await this.repo.sentReplies(id);
    const names = await this.writerNames(letter);
    const mask = (s: string) => maskPersonalData(s, { names });
    const title = mask(letter.title);
    const bodyText = letter.follow_up
      ? `${letter.body}\n\n${FOLLOW_UP_HEADING}\n${letter.follow_up}`
      : letter.body;
    const body = mask(bodyText);
    const replyText = replies
      .map((r, i) => (i === 0 ? r.body : `${FOLLOW_UP_REPLY_HEADING}\n${r.body}`))
      .join('\n\n');
    const reply = mask(replyText);
    return {
      letterId: id,
      revision: letter.revision,
      published: letter.published_at !== null,
      title: letter.public_title ?? title.text,
      body: letter.public_body ?? body.text,
      reply: letter.public_reply ?? reply.text,
      found: mergeFound(title.found, body.found, reply.found),
      blockers: this.blockers(letter, replies),
    };
  }

  /**
   * The writer's name to mask. The name itself is only in the encrypted writer data, which this part of
   * the module does not read; the caller of `draft` may pass names through `withNames`. By default the
   * masked name's first character cannot find the name, so the reviewer checks it (docs say so).
   */
  private nameSource: ((letterId: number) => Promise<string[]>) | null = null;
  /** Lets the letters core supply the decrypted writer name for masking (never stored or logged). */
  withNames(source: (letterId: number) => Promise<string[]>): this {
    this.nameSource = source;
    return this;
  }
  private async writerNames(letter: LetterRow): Promise<string[]> {
    return this.nameSource ? this.nameSource(letter.id) : [];
  }

  /** Publishes the reviewed texts. Refused (nothing changed) when a blocker applies or the input is bad. */
  async publish(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const input = parseInput(publishSchema, raw);
    const { letter, channelPath } = await this.load(id);
    this.assertReviewer(ctx, letter, letter.unit_path, channelPath);
    const replies = await this.repo.sentReplies(id);
    const blockers = this.blockers(letter, replies);
    if (blockers.length) throw AppError.validation(blockers.map((message) => ({ field: '_', message })));
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.setPublic(trx, id, input.revision, {
        published_at: now,
        public_title: input.title,
        public_body: input.body,
        public_reply: input.reply,
        updated_at: now,
      });
      if (!ok) throw AppError.conflict('该来信已被他人修改，请重新打开后再审核');
      const again = letter.published_at !== null;
      await this.repo.addEvent(trx, {
        letter_id: id,
        kind: 'published',
        note: again ? '更新公开内容' : null,
        actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'letter.publish',
        targetType: 'letter',
        targetId: id,
        summary: `${again ? '更新公开的' : '公开'}来信“${letter.reference}”及其答复（已遮盖个人信息）`,
        before: again
          ? {
              public_title: letter.public_title,
              public_body: letter.public_body,
              public_reply: letter.public_reply,
            }
          : { published_at: null },
        after: {
          public_title: input.title,
          public_body: input.body,
          public_reply: input.reply,
          published_at: now,
        },
      });
    });
  }

  /** Takes a published letter off the site, with a reason. */
  async unpublish(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const input = parseInput(unpublishSchema, raw);
    const { letter, channelPath } = await this.load(id);
    this.assertReviewer(ctx, letter, letter.unit_path, channelPath);
    if (letter.published_at === null)
      throw AppError.validation([{ field: '_', message: '该来信尚未公开，无需撤下' }]);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.setPublic(trx, id, input.revision, { published_at: null, updated_at: now });
      if (!ok) throw AppError.conflict('该来信已被他人修改，请重新打开后再操作');
      await this.repo.addEvent(trx, {
        letter_id: id,
        kind: 'unpublished',
        note: input.reason,
        actor_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'letter.unpublish',
        targetType: 'letter',
        targetId: id,
        summary: `撤下公开的来信“${letter.reference}”：${input.reason}`,
        before: { published_at: letter.published_at },
        after: { published_at: null, reason: input.reason },
      });
    });
  }

  /** The public list (newest first), filtered by box and unit. */
  listPublished(f: { channelId?: number | null; unitId?: number | null; page: number; perPage: number }) {
    return this.repo.listPublished({
      channelId: f.channelId ?? null,
      unitId: f.unitId ?? null,
      limit: f.perPage,
      offset: (Math.max(1, f.page) - 1) * f.perPage,
    });
  }

  findPublished(id: number) {
    return this.repo.findPublished(id);
  }

  publishedFacets() {
    return this.repo.publishedFacets();
  }

  /** Newest published replies, for the 互动交流 hub. */
  async recentPublic(
    limit: number,
  ): Promise<{ title: string; href: string; date: string | null; note: string | null }[]> {
    const { rows } = await this.repo.listPublished({ limit, offset: 0 });
    return rows.map((r) => ({
      title: r.public_title ?? r.reference,
      href: `/letters/replies/${r.id}`,
      date: r.published_at ? todayInShanghai(new Date(r.published_at)) : null,
      note: r.unit_name ? `${r.unit_name}已答复` : '已答复',
    }));
  }
}
