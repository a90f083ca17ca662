/**
 * Letters (文书) of a case: editable templates, filling them from the case, numbering per unit and
 * year (示范县发改依告〔2026〕3号), attaching them to the case and sending them. The reply letter is
 * marked sent by the answer event; the applicant sees sent letters on the status page.
 */
import { z } from 'zod';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { isValidPlainDate, todayInShanghai, yearOf } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import { optionalChecked, optionalText, parseInput } from '../../lib/validation.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import {
  DECISIONS,
  type Decision,
  LETTER_TEMPLATES,
  type LetterTemplate,
  letterFor,
  REPLY_TYPE_LABELS,
  type ReplyType,
} from './info-request.model.ts';
import type { InfoRequestRow } from './info-request.repository.ts';
import type { InfoRequestService } from './info-request.service.ts';
import { letterMailFor } from './info-request-letter.mail.tsx';
import {
  DEFAULT_TEMPLATES,
  fillPlaceholders,
  LETTER_KINDS,
  letterNumber,
} from './info-request-letter.templates.ts';
import type { InfoRequestRecordsRepository, LetterRow } from './info-request-records.repository.ts';
import type { InfoRequestSettingsService } from './info-request-settings.service.ts';
import { formatYuan } from './processing-fee.ts';

/** Which version of a template is in force: the unit's own, the edited global one, or the built-in. */
export type TemplateSource = 'unit' | 'global' | 'default';

export interface LetterTemplateView {
  kind: LetterTemplate;
  title: string;
  body: string;
  /** True unless the built-in default is in force. */
  edited: boolean;
  source: TemplateSource;
}

const templateSchema = z.object({
  title: optionalText('文书标题', 50),
  body: optionalText('文书正文', 10_000),
});

const sentSchema = z.object({
  sentOn: optionalChecked('发送日期', (v) => (isValidPlainDate(v) ? null : '日期格式应为 YYYY-MM-DD'), 10),
});

/** Chinese date as letters write it: 2026年3月2日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export class InfoRequestLetterService {
  constructor(
    private readonly d: InfoRequestDeps & {
      records: InfoRequestRecordsRepository;
      settings: InfoRequestSettingsService;
      service: InfoRequestService;
      /** Outgoing mail (app.mail); absent in tests that build the services themselves. */
      mail?: MailOutbox;
    },
  ) {}

  /**
   * The templates in force for a unit's cases (its own version, else the global one, else the
   * built-in default); without a unit, the global ones.
   */
  async templates(unitId?: number): Promise<LetterTemplateView[]> {
    const saved = new Map((await this.d.records.templates()).map((t) => [t.kind, t]));
    const own = new Map(
      (unitId === undefined ? [] : await this.d.records.unitTemplates(unitId)).map((t) => [t.kind, t]),
    );
    return LETTER_KINDS.map((kind) => {
      const s = own.get(kind) ?? saved.get(kind);
      const source: TemplateSource = own.has(kind) ? 'unit' : saved.has(kind) ? 'global' : 'default';
      return {
        kind,
        title: s?.title ?? LETTER_TEMPLATES[kind],
        body: s?.body ?? DEFAULT_TEMPLATES[kind],
        edited: source !== 'default',
        source,
      };
    });
  }

  /** The template of `kind` in force for a unit (or the global one). */
  async template(kind: string, unitId?: number): Promise<LetterTemplateView> {
    const t = (await this.templates(unitId)).find((x) => x.kind === kind);
    if (!t) throw AppError.notFound('文书模板');
    return t;
  }

  /**
   * Saves an edited template (政务公开管理员): the global one, or with `unitId` the unit's own version
   * (needs disclosure.manage on that unit), which its cases use from then on.
   */
  async saveTemplate(ctx: CallContext, kind: string, raw: unknown, unitId?: number): Promise<void> {
    const unit = await this.managedUnit(ctx, unitId);
    const current = await this.template(kind, unitId);
    const v = parseInput(templateSchema, raw);
    const problems = [
      ...(v.title ? [] : [{ field: 'title', message: '请填写文书标题' }]),
      ...(v.body ? [] : [{ field: 'body', message: '请填写文书正文' }]),
    ];
    if (problems.length) throw AppError.validation(problems);
    if (unit)
      return this.saveUnitTemplate(ctx, unit, current, { title: v.title as string, body: v.body as string });
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.records.saveTemplate(trx, {
        kind,
        title: v.title as string,
        body: v.body as string,
        updated_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        updated_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'request.letter_template',
        targetType: 'letter_template',
        targetId: kind,
        summary: `修改文书模板“${current.title}”`,
        before: { title: current.title, body: current.body },
        after: { title: v.title, body: v.body },
      });
    });
  }

  /** Removes a unit's own version of a template: its cases use the global one again. */
  async resetTemplate(ctx: CallContext, kind: string, unitId: number): Promise<void> {
    const unit = await this.managedUnit(ctx, unitId);
    if (!unit) throw AppError.forbidden();
    const current = await this.template(kind, unitId);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.records.deleteUnitTemplate(trx, unit.id, kind))) {
        throw AppError.conflict('本单位没有单独的模板，已在使用全局模板');
      }
      await this.d.audit.record(trx, ctx, {
        action: 'request.unit_letter_template_reset',
        targetType: 'unit',
        targetId: unit.id,
        summary: `“${unit.name}”的文书模板“${current.title}”恢复使用全局模板`,
        before: { kind, title: current.title, body: current.body },
      });
    });
  }

  private async saveUnitTemplate(
    ctx: CallContext,
    unit: { id: number; name: string },
    current: LetterTemplateView,
    v: { title: string; body: string },
  ): Promise<void> {
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.records.saveUnitTemplate(trx, {
        unit_id: unit.id,
        kind: current.kind,
        ...v,
        updated_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'request.unit_letter_template',
        targetType: 'unit',
        targetId: unit.id,
        summary: `修改“${unit.name}”的文书模板“${v.title}”（本单位适用）`,
        before: { kind: current.kind, source: current.source, title: current.title, body: current.body },
        after: { kind: current.kind, ...v },
      });
    });
  }

  /** The unit whose templates the actor edits (null = the global ones); checks the permission. */
  private async managedUnit(ctx: CallContext, unitId?: number) {
    if (unitId === undefined) {
      if (!can(ctx.actor, 'disclosure.manage')) throw AppError.forbidden();
      return null;
    }
    const unit = await this.d.unitDirectory.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (!can(ctx.actor, 'disclosure.manage', unit.path)) throw AppError.forbidden();
    return unit;
  }

  /** The letter kinds that fit the case now (the reply letter first once a decision is chosen). */
  suggestedKinds(row: InfoRequestRow): LetterTemplate[] {
    const reply = row.decision
      ? letterFor(row.decision as Decision, (row.reply_type ?? 'other') as ReplyType)
      : null;
    const process: LetterTemplate[] = [];
    if (row.state === 'awaiting_correction') process.push('correction_notice');
    if (row.state === 'extended') process.push('extension_notice');
    if (row.state === 'consulting') process.push('consultation_letter');
    if (row.state === 'not_this_agency') process.push('not_this_agency_notice');
    return [...new Set([...(reply ? [reply] : []), ...process, ...LETTER_KINDS])];
  }

  /** Produces a numbered letter of `kind` from its template and attaches it to case `id`. */
  async issue(ctx: CallContext, id: number, raw: unknown): Promise<LetterRow> {
    const kind = String((raw as Record<string, unknown>)?.kind ?? '');
    if (!(LETTER_KINDS as string[]).includes(kind)) {
      throw AppError.validation([{ field: 'kind', message: '请选择文书种类' }]);
    }
    const c = await this.d.service.getForHandling(ctx, id);
    const settings = await this.d.settings.forUnit(c.row.unit_id);
    // The unit's own version of the template when it has one (numbering stays per unit and year).
    const template = await this.template(kind, c.row.unit_id);
    const today = todayInShanghai(this.d.clock.now());
    const values = await this.values(c.row, settings.acceptingBody, today);
    // {申请人} stays a placeholder in the stored letter: staff see the name, the public status page
    // a masked one (see withApplicant), so no personal data sits in clear in the letters table.
    const body = fillPlaceholders(template.body, values);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const serial = await this.d.records.nextLetterSerial(trx, c.row.unit_id, yearOf(today));
      const number = letterNumber(settings.letterPrefix, yearOf(today), serial);
      const letter = await this.d.records.insertLetter(trx, {
        request_id: id,
        kind,
        number,
        title: template.title,
        body,
        issued_on: today,
        sent_on: null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'request.letter',
        targetType: 'info_request',
        targetId: id,
        summary: `政府信息公开申请 ${c.row.reference}：生成${template.title}（${number}）`,
        after: { kind, number },
      });
      return letter;
    });
  }

  /** Marks a letter sent: from then on the applicant sees it on the status page. */
  async markSent(ctx: CallContext, letterId: number, raw: unknown): Promise<LetterRow> {
    const letter = await this.d.records.letter(letterId);
    if (!letter) throw AppError.notFound('文书');
    const { row, applicant } = await this.d.service.getForHandling(ctx, letter.request_id);
    const today = todayInShanghai(this.d.clock.now());
    const sentOn = parseInput(sentSchema, raw).sentOn ?? today;
    if (sentOn > today || sentOn < letter.issued_on) {
      throw AppError.validation([{ field: 'sentOn', message: '发送日期应在出具之后、不晚于今天' }]);
    }
    // Also e-mailed (letter as HTML + .docx) when SMTP is configured and the applicant gave an
    // address; enqueued in the same transaction, so the mail exists iff the letter is marked sent.
    const message = await letterMailFor(this.d.mail, letter, applicant, {
      reference: row.reference,
      agency: (await this.d.settings.forUnit(row.unit_id)).acceptingBody,
    });
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.records.markLetterSent(trx, letterId, sentOn)))
        throw AppError.conflict('该文书已发送');
      const queued = message && this.d.mail ? await this.d.mail.enqueue(trx, message) : undefined;
      await this.d.audit.record(trx, ctx, {
        action: 'request.letter_sent',
        targetType: 'info_request',
        targetId: row.id,
        summary: `政府信息公开申请 ${row.reference}：${letter.title}（${letter.number}）已于 ${sentOn} 送达${queued ? `，并以电子邮件发送至 ${queued.recipient}` : ''}`,
        ...(queued ? { after: { mailId: queued.id } } : {}),
      });
    });
    return { ...letter, sent_on: sentOn };
  }

  /** A letter, with the applicant's name filled in, for a member of staff who may handle its case. */
  async forHandling(ctx: CallContext, letterId: number): Promise<LetterRow> {
    const letter = await this.d.records.letter(letterId);
    if (!letter) throw AppError.notFound('文书');
    const { applicant } = await this.d.service.getForHandling(ctx, letter.request_id);
    return { ...letter, body: withApplicant(letter.body, applicant.name) };
  }

  private async values(row: InfoRequestRow, agency: string, today: string): Promise<Record<string, string>> {
    const decision = row.decision ? DECISIONS[row.decision as Decision] : null;
    const fee = (await this.d.records.fees(row.id)).at(-1);
    const consultation = (await this.d.repo.consultations(row.id)).at(-1);
    const cd = (d: string | null | undefined) => (d ? chineseDate(d) : '');
    return {
      受理编号: row.reference,
      收到日期: cd(row.received_on),
      答复期限: cd(row.due_date),
      申请内容: [row.info_name, row.info_doc_number, row.info_description].filter(Boolean).join('；'),
      办理机关: agency,
      落款日期: cd(today),
      决定依据: decision
        ? `${decision.reportLabel.replace(/^[（(].*?[）)]|^\d+\./, '')}（${REPLY_TYPE_LABELS[(row.reply_type ?? 'other') as ReplyType].split('：')[0]}）`
        : '',
      答复要点: row.reply_summary ?? '',
      补正期限: cd(row.correction_period_end),
      延长天数: String(row.extension_working_days),
      延期理由: row.extension_reason ?? '',
      征求意见对象: consultation?.party_name ?? '',
      收费金额: fee ? formatYuan(fee.amount_fen) : '',
      收费明细: fee ? feeBreakdownText(fee.breakdown) : '',
      缴费期限: fee ? cd(fee.pay_by) : '',
      负责机关: row.responsible_agency ?? '',
    };
  }
}

/** Fills the {申请人} placeholder kept in stored letters (a masked name on public pages). */
function withApplicant(body: string, name: string): string {
  return fillPlaceholders(body, { 申请人: name });
}

/** "31–100 页部分 70 × 10.00 元 = 700.00 元；…" from a stored breakdown. */
export function feeBreakdownText(json: string): string {
  const lines = JSON.parse(json) as {
    label: string;
    quantity: number;
    unitPriceFen: number;
    amountFen: number;
  }[];
  return lines
    .map((l) => `${l.label} ${l.quantity} × ${formatYuan(l.unitPriceFen)} 元 = ${formatYuan(l.amountFen)} 元`)
    .join('；');
}
