/**
 * Letters as use-cases: intake (the public form of a box, 找错 included) and the reads the staff and the
 * writer need. The workflow's events are in letter.transitions.ts. Personal data is encrypted here
 * (writer_enc) and masked for lists (writer_masked); it never goes into the audit log or the logs in clear.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai, yearOf } from '../../lib/calendar/dates.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import {
  type FieldCipher,
  hashLookupCode,
  lookupCodeMatches,
  newLookupCode,
} from '../../lib/field-cipher.ts';
import { checkUpload, type FileKind, type UploadRule } from '../../lib/file-types.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import { maskName } from '../../lib/validators/contact.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { ATTACHMENT_MAX_BYTES, letterReference, MAX_ATTACHMENTS, type WriterData } from './letter.model.ts';
import { type LetterInput, parseLetterForm } from './letter.schemas.ts';
import { computeLetterDue, type LetterDue, limitFor } from './letter-clock.ts';
import { LETTER_SETTINGS, type LetterLimits } from './letter-settings.ts';
import type { ChannelRow, LetterRow, LettersRepository } from './letters.repository.ts';

/** Attachments: images, PDF and Word, each up to ATTACHMENT_MAX_BYTES, checked by content. */
export const ATTACHMENT_RULE: UploadRule = {
  allowed: ['jpg', 'png', 'pdf', 'doc', 'docx'],
  maxBytes: ATTACHMENT_MAX_BYTES,
};

export interface LetterFile {
  fileName: string;
  content: Buffer;
}

/** What the writer is shown after submitting (and what a double submit returns again). */
export interface LetterReceipt {
  id: number;
  reference: string;
  lookupCode: string;
  dueOn: string;
  created: boolean;
}

export interface LetterServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  calendar: CalendarService;
  mail: MailOutbox;
  repo: LettersRepository;
  settings: SettingsStore;
  cipher: FieldCipher;
  formSecret: string;
  // ── outputs ──
  /** 找错: the unit that owns a page (L2's page-owner.ts); null or absent = the box's unit routes it. */
  pageOwner?: ((pageUrl: string) => Promise<number | null>) | undefined;
  // ── end outputs ──
}

/** ref_type of the receipt e-mail in the outbox. */
export const RECEIPT_MAIL_REF = 'letter_receipt';

export class LetterService {
  constructor(private readonly d: LetterServiceDeps) {}

  /** The settings in force. */
  async limits(): Promise<LetterLimits> {
    return this.d.settings.readGroup(LETTER_SETTINGS);
  }

  /**
   * A letter from the public form of `channelId`. Automated-looking posts are refused as a whole;
   * otherwise every problem of the fields and the files is reported at once and nothing is stored.
   * A double submit (same idempotency key) returns the first letter.
   */
  async submit(
    ctx: CallContext,
    channelId: number,
    fields: Record<string, unknown>,
    files: readonly LetterFile[] = [],
    minFillMs?: number,
  ): Promise<LetterReceipt> {
    const channel = await this.d.repo.channel(channelId);
    if (channel?.active !== 1) throw AppError.notFound('信箱');
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const problems: FieldProblem[] = [];
    const kinds = this.checkFiles(files, problems);
    const parsed = parseLetterForm(fields, channel.kind === 'site_error');
    if (!parsed.ok) problems.unshift(...parsed.problems);
    if (problems.length || !parsed.ok) throw AppError.validation(problems);
    const replay = await this.replay(parsed.input.idempotencyKey, channel.id);
    if (replay) return replay;
    try {
      return await this.insertNew(ctx, channel, parsed.input, files, kinds);
    } catch (e) {
      // Two concurrent submissions with the same key: the unique index let one through.
      const again = await this.replay(parsed.input.idempotencyKey, channel.id);
      if (again) return again;
      throw e;
    }
  }

  private checkFiles(files: readonly LetterFile[], problems: FieldProblem[]): FileKind[] {
    const kinds: FileKind[] = [];
    if (files.length > MAX_ATTACHMENTS) {
      problems.push({ field: 'attachments', message: `附件最多 ${MAX_ATTACHMENTS} 个` });
      return kinds;
    }
    for (const f of files) {
      try {
        kinds.push(checkUpload('attachments', '附件', f.fileName, f.content, ATTACHMENT_RULE));
      } catch (e) {
        if (!isAppError(e)) throw e;
        problems.push(...e.problems);
      }
    }
    return kinds;
  }

  private async replay(key: string | null, channelId: number): Promise<LetterReceipt | null> {
    if (!key) return null;
    const row = await this.d.repo.findByIdempotencyKey(key);
    if (!row) return null;
    if (row.channel_id !== channelId) throw AppError.conflict('该提交标识已被使用，请刷新页面后重新填写');
    return {
      id: row.id,
      reference: row.reference,
      lookupCode: this.d.cipher.decrypt(row.lookup_code_enc),
      dueOn: row.due_on,
      created: false,
    };
  }

  private async insertNew(
    ctx: CallContext,
    channel: ChannelRow,
    input: LetterInput,
    files: readonly LetterFile[],
    kinds: FileKind[],
  ): Promise<LetterReceipt> {
    const now = this.d.clock.now();
    const at = now.toISOString();
    const today = todayInShanghai(now);
    const lookupCode = newLookupCode();
    const limits = await this.limits();
    const calendar = await this.d.calendar.calendar();
    const due = computeLetterDue(
      calendar,
      today,
      'received',
      limitFor({ ...input, simple: false }, channel, limits),
    );
    // ── outputs ── 找错: routed to the unit that owns the page when page-owner.ts is wired.
    const owner = input.pageUrl && this.d.pageOwner ? await this.d.pageOwner(input.pageUrl) : null;
    // ── end outputs ──
    const receipt = await this.d.db.transaction().execute(async (trx) => {
      const reference = letterReference(yearOf(today), await this.d.repo.nextSerial(trx, yearOf(today)));
      const row = await this.d.repo.insert(trx, {
        reference,
        lookup_code_hash: hashLookupCode(lookupCode),
        lookup_code_enc: this.d.cipher.encrypt(lookupCode),
        idempotency_key: input.idempotencyKey,
        channel_id: channel.id,
        type: input.type,
        title: input.title,
        body: input.body,
        writer_enc: this.d.cipher.encrypt(JSON.stringify(input.writer)),
        writer_masked: input.writer.name ? maskName(input.writer.name) : '网友',
        consent_publish: input.consentPublish ? 1 : 0,
        page_url: input.pageUrl,
        error_kind: input.errorKind,
        status: owner ? 'assigned' : 'received',
        unit_id: owner,
        received_at: at,
        received_on: today,
        clock_started_on: today,
        due_on: due.dueOn,
        limit_working_days: due.limit.days,
        updated_at: at,
      });
      for (const [i, f] of files.entries()) {
        await this.d.repo.insertAttachment(trx, {
          letter_id: row.id,
          file_name: f.fileName.slice(0, 200),
          file_kind: kinds[i] ?? 'pdf',
          size: f.content.length,
          content_enc: this.d.cipher.encrypt(f.content.toString('base64')),
          created_at: at,
        });
      }
      await this.d.repo.addEvent(trx, {
        letter_id: row.id,
        kind: 'received',
        from_unit_id: null,
        to_unit_id: null,
        note: `收到来信（${channel.name}），答复期限至 ${due.dueOn}`,
        actor_id: null,
        at,
      });
      if (owner)
        await this.d.repo.addEvent(trx, {
          letter_id: row.id,
          kind: 'routed',
          from_unit_id: null,
          to_unit_id: owner,
          note: '按出错页面的所属单位自动分办',
          actor_id: null,
          at,
        });
      await this.d.audit.record(trx, ctx, {
        action: 'letter.receive',
        targetType: 'letter',
        targetId: row.id,
        summary: `收到来信 ${reference}（${channel.name}）`,
        after: { reference, channelId: channel.id, type: input.type, dueOn: due.dueOn, files: files.length },
      });
      await this.enqueueReceipt(trx, input.writer, row, lookupCode, channel);
      return { id: row.id, reference, lookupCode, dueOn: due.dueOn, created: true };
    });
    return receipt;
  }

  /** The e-mail with 编号 and 查询码, when mail is configured and an address was given. */
  private async enqueueReceipt(
    trx: Transaction<DB>,
    writer: WriterData,
    row: LetterRow,
    lookupCode: string,
    channel: ChannelRow,
  ): Promise<void> {
    if (!this.d.mail.enabled || !writer.email) return;
    await this.d.mail.enqueue(trx, {
      kind: 'letter_receipt',
      ref: { type: RECEIPT_MAIL_REF, id: row.id },
      to: writer.email,
      // The subject is stored in clear: the 编号 only, never the writer or the code.
      subject: `来信已收到：编号 ${row.reference}`,
      text: [
        `您好，您写给“${channel.name}”的来信已收到。`,
        `编号：${row.reference}`,
        `查询码：${lookupCode}`,
        `答复期限：${row.due_on}`,
        '请妥善保存编号和查询码，凭编号和查询码可在网站“来信查询”页面查看办理进度和答复。',
      ].join('\n'),
    });
  }

  /** The due date of a letter as it stands, with its explanation (recomputed from the row's facts). */
  async dueOf(row: LetterRow, channel?: ChannelRow): Promise<LetterDue> {
    const ch = channel ?? (await this.d.repo.channel(row.channel_id));
    if (!ch) throw AppError.notFound('信箱');
    const calendar = await this.d.calendar.calendar();
    const limits = await this.limits();
    const start = row.follow_up_at
      ? 'follow_up'
      : row.clock_started_on !== row.received_on
        ? 'transfer'
        : 'received';
    return computeLetterDue(
      calendar,
      row.clock_started_on,
      start,
      limitFor({ type: row.type, simple: row.simple === 1 }, ch, limits),
    );
  }

  /** The writer's data in clear, for those who handle the letter (the caller checks the permission). */
  writerOf(row: LetterRow): WriterData {
    return JSON.parse(this.d.cipher.decrypt(row.writer_enc)) as WriterData;
  }

  /** Decrypts a stored value of this module (attachments). */
  decrypt(stored: string): string {
    return this.d.cipher.decrypt(stored);
  }

  /** The letter of a 编号 and 查询码; the same error for an unknown number and a wrong code. */
  async findForWriter(reference: string, code: string): Promise<LetterRow> {
    const row = await this.d.repo.findByReference(reference.trim().toUpperCase());
    if (!row || !lookupCodeMatches(code, row.lookup_code_hash))
      throw AppError.validation([{ field: 'reference', message: '编号或查询码不正确，请核对后重新输入' }]);
    return row;
  }
}
