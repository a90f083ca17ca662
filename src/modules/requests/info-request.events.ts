/**
 * Per-event input, extra checks and effects of the case workflow (the table itself is in
 * info-request.workflow.ts). Each spec turns validated input into a row patch and the sentence the
 * applicant sees on the status page — never personal data in that sentence.
 */
import type { Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/dates.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import { optionalChecked, optionalIntField, optionalText } from '../../lib/validation.ts';
import { consultationPauseEnd } from './info-request.clock.ts';
import {
  DECISION_KEYS,
  DECISIONS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  type Decision,
  letterFor,
  type ReplyType,
} from './info-request.model.ts';
import type { ConsultationRow, InfoRequestRepository, InfoRequestRow } from './info-request.repository.ts';
import type { InfoRequestTable } from './info-request.tables.ts';
import type { EventInput, WorkflowEvent } from './info-request.workflow.ts';

/** Longest 补正 period staff may set (a "reasonable period", 条例 第三十条; house limit). */
const MAX_CORRECTION_PERIOD_WORKING_DAYS = 60;

const plainDate = (label: string) =>
  optionalChecked(
    label,
    (v) => (isValidPlainDate(v) ? null : '日期格式应为 YYYY-MM-DD，例如 2026-03-02'),
    10,
  );
const oneOf = (label: string, values: readonly string[]) =>
  optionalChecked(label, (v) => (values.includes(v) ? null : `请选择${label}`), 60);

/** What an event's effect may look at. */
export interface EffectContext {
  trx: Transaction<DB>;
  repo: InfoRequestRepository;
  row: InfoRequestRow;
  consultations: ConsultationRow[];
  calendar: WorkingDayCalendar;
  today: string;
  now: string;
  actorUserId: number | null;
  /** Looks a unit up; inside the transaction pass `trx` (SQLite has a single connection). */
  unitName: (id: number, q?: Transaction<DB>) => Promise<{ name: string; active: boolean } | null>;
}

export interface Effect {
  patch: Updateable<InfoRequestTable>;
  /** Public timeline sentence; `due` is the due date after the change. */
  note: (due: string | null) => string;
}

/** Input schema, extra checks and effect of one event. */
export interface EventSpec<S extends z.ZodType> {
  schema: S;
  guardInput: (v: z.infer<S>) => EventInput;
  check?: (v: z.infer<S>, x: Omit<EffectContext, 'trx'>) => Promise<FieldProblem[]> | FieldProblem[];
  effect: (v: z.infer<S>, x: EffectContext) => Promise<Effect> | Effect;
  /** The kind of letter this event sends to the applicant (e-mailed when mail is configured). */
  sendsLetter?: (x: Omit<EffectContext, 'trx'>) => string | null;
}

const spec = <S extends z.ZodType>(s: EventSpec<S>): EventSpec<S> => s;
const none = z.object({});
const problem = (field: string, message: string): FieldProblem[] => [{ field, message }];
const dueText = (due: string | null) => (due ? `，答复期限至 ${due}` : '');
const openConsultation = (x: { consultations: ConsultationRow[] }) =>
  x.consultations.find((c) => c.ended === 0);

const receivedSchema = z.object({ receivedOn: plainDate('收到日期') });

/** The letter that carries the decision of `row` (none before a decision). */
function replyLetterKind(row: InfoRequestRow): string | null {
  return row.decision ? letterFor(row.decision as Decision, (row.reply_type ?? 'other') as ReplyType) : null;
}

function answerEffect(v: { answeredOn?: string | null; deliveryMethod?: string | null }): Effect {
  return {
    patch: { answered_on: v.answeredOn, answer_delivery: v.deliveryMethod },
    note: () =>
      `已于 ${v.answeredOn} 以${DELIVERY_METHOD_LABELS[v.deliveryMethod as keyof typeof DELIVERY_METHOD_LABELS]}方式答复`,
  };
}

export const EVENT_SPECS = {
  confirm: spec({
    schema: receivedSchema,
    guardInput: (v) => ({ receivedOn: v.receivedOn }),
    check: (v, x) =>
      v.receivedOn && v.receivedOn < todayInShanghai(new Date(x.row.submitted_at))
        ? problem('receivedOn', '收到申请的日期不能早于提交日期')
        : [],
    effect: (v, x) => ({
      patch: { received_on: v.receivedOn, handler_user_id: x.actorUserId },
      note: (due) => `已确认收到申请，收到申请日期为 ${v.receivedOn}${dueText(due)}`,
    }),
  }),
  request_correction: spec({
    schema: z.object({
      periodWorkingDays: optionalIntField('补正期限（工作日）', {
        min: 1,
        max: MAX_CORRECTION_PERIOD_WORKING_DAYS,
      }),
    }),
    guardInput: () => ({}),
    check: (v) =>
      v.periodWorkingDays === undefined ? problem('periodWorkingDays', '请填写补正期限（工作日）') : [],
    effect: (v, x) => {
      const end = x.calendar.addWorkingDays(x.today, v.periodWorkingDays ?? 0);
      return {
        patch: { correction_requested_on: x.today, correction_period_end: end },
        note: () => `已发出补正通知，请于 ${end} 前补正；答复期限自收到补正之日起重新计算`,
      };
    },
  }),
  receive_correction: spec({
    schema: receivedSchema,
    guardInput: (v) => ({ receivedOn: v.receivedOn }),
    check: (v, x) =>
      v.receivedOn && x.row.correction_requested_on && v.receivedOn < x.row.correction_requested_on
        ? problem('receivedOn', '收到补正的日期不能早于补正通知日期')
        : [],
    effect: (v) => ({
      patch: { correction_received_on: v.receivedOn },
      note: (due) => `${v.receivedOn} 收到补正，答复期限重新计算${dueText(due)}`,
    }),
  }),
  correction_overdue: spec({
    schema: none,
    guardInput: () => ({}),
    effect: (_v, x) => ({
      patch: { decision: 'other_correction_overdue', reply_type: 'art30', closed_on: x.today },
      note: () => '申请人未在补正期限内补正，视为放弃申请，本机关不再处理（条例第三十条）',
    }),
  }),
  start_consultation: spec({
    schema: z.object({
      partyKind: oneOf('征求意见对象类型', ['third_party', 'agency']),
      partyName: optionalText('征求意见对象', 100),
      sentOn: plainDate('发函日期'),
    }),
    guardInput: () => ({}),
    check: (v, x) => [
      ...(v.partyKind ? [] : problem('partyKind', '请选择征求意见对象类型')),
      ...(v.partyName ? [] : problem('partyName', '请填写征求意见对象')),
      ...(!v.sentOn
        ? problem('sentOn', '请填写发函日期')
        : v.sentOn > x.today || (x.row.received_on !== null && v.sentOn < x.row.received_on)
          ? problem('sentOn', '发函日期应在收到申请之后、不晚于今天')
          : []),
    ],
    effect: async (v, x) => {
      await x.repo.insertConsultation(x.trx, {
        request_id: x.row.id,
        party_kind: v.partyKind ?? 'third_party',
        party_name: v.partyName ?? '',
        sent_on: v.sentOn ?? x.today,
        replied_on: null,
        created_at: x.now,
      });
      return {
        patch: {},
        note: () =>
          `${v.sentOn} 起征求${v.partyKind === 'agency' ? '有关行政机关' : '第三方'}意见，所需时间不计入答复期限`,
      };
    },
  }),
  end_consultation: spec({
    schema: z.object({ repliedOn: plainDate('收到意见日期') }),
    guardInput: () => ({}),
    check: (v, x) => {
      const open = openConsultation(x);
      if (!open) return problem('_', '没有进行中的征求意见');
      if (v.repliedOn) {
        return v.repliedOn < open.sent_on || v.repliedOn > x.today
          ? problem('repliedOn', '收到意见的日期应在发函之后、不晚于今天')
          : [];
      }
      const limit = consultationPauseEnd(x.calendar, { sentOn: open.sent_on, repliedOn: null });
      return x.today <= limit
        ? problem('repliedOn', `征求意见期限至 ${limit} 尚未届满，请填写收到意见的日期`)
        : [];
    },
    effect: async (v, x) => {
      const open = openConsultation(x);
      if (open) await x.repo.endConsultation(x.trx, open.id, v.repliedOn);
      return { patch: {}, note: (due) => `征求意见结束，恢复计算答复期限${dueText(due)}` };
    },
  }),
  extend: spec({
    schema: z.object({
      extensionWorkingDays: optionalIntField('延长的工作日数'),
      reason: optionalText('延期理由', 500),
    }),
    guardInput: (v) => ({ extensionWorkingDays: v.extensionWorkingDays }),
    check: (v) => (v.reason ? [] : problem('reason', '请填写延期理由')),
    effect: (v, x) => ({
      patch: {
        extension_working_days: v.extensionWorkingDays ?? 0,
        extension_reason: v.reason,
        extension_approved_by: x.actorUserId,
      },
      note: (due) => `经批准延长答复期限 ${v.extensionWorkingDays} 个工作日${dueText(due)}`,
    }),
  }),
  draft_reply: spec({
    schema: z.object({
      decision: oneOf('处理结果', DECISION_KEYS),
      replyType: optionalText('答复类型', 20),
      replySummary: optionalText('答复要点', 5000),
    }),
    guardInput: (v) => ({ decision: v.decision as Decision | null }),
    check: (v) => {
      if (!v.decision || !v.replyType) return [];
      const allowed: readonly string[] = DECISIONS[v.decision as Decision].replyTypes;
      return allowed.includes(v.replyType) ? [] : problem('replyType', '答复类型与处理结果不符');
    },
    effect: (v, x) => {
      const decision = v.decision as Decision;
      const replyType: ReplyType = (v.replyType as ReplyType | null) ?? DECISIONS[decision].replyTypes[0];
      return {
        patch: {
          decision,
          reply_type: replyType,
          reply_summary: v.replySummary,
          drafted_by: x.actorUserId,
          review_passed_by: null,
        },
        note: () => '正在拟定答复',
      };
    },
  }),
  submit_review: spec({
    schema: none,
    guardInput: () => ({}),
    effect: () => ({ patch: {}, note: () => '答复正在审核' }),
  }),
  pass_review: spec({
    schema: none,
    guardInput: () => ({}),
    effect: (_v, x) => ({ patch: { review_passed_by: x.actorUserId }, note: () => '答复已通过审核' }),
  }),
  return_draft: spec({
    schema: z.object({ reason: optionalText('退回理由', 500) }),
    guardInput: () => ({}),
    effect: () => ({ patch: { review_passed_by: null }, note: () => '答复正在修改' }),
  }),
  answer: spec({
    schema: z.object({
      deliveryMethod: oneOf('送达方式', DELIVERY_METHODS),
      answeredOn: plainDate('答复日期'),
    }),
    guardInput: () => ({}),
    check: (v, x) => [
      ...(v.deliveryMethod ? [] : problem('deliveryMethod', '请选择送达方式')),
      ...(!v.answeredOn
        ? problem('answeredOn', '请填写答复日期')
        : v.answeredOn > x.today || (x.row.received_on !== null && v.answeredOn < x.row.received_on)
          ? problem('answeredOn', '答复日期应在收到申请之后、不晚于今天')
          : []),
    ],
    sendsLetter: (x) => replyLetterKind(x.row),
    effect: async (v, x) => {
      const letter = replyLetterKind(x.row);
      // The reply letter goes out with the answer: from now on the applicant sees it.
      if (letter) await x.repo.markLettersSent(x.trx, x.row.id, letter, v.answeredOn ?? x.today);
      return answerEffect(v);
    },
  }),
  fee_unpaid: spec({
    schema: none,
    guardInput: () => ({}),
    effect: (_v, x) => ({
      patch: { decision: 'other_fee_unpaid', reply_type: 'art42', closed_on: x.today },
      note: () => '申请人未在缴费期限内缴纳信息处理费，视为放弃申请，本机关不再处理（条例第四十二条）',
    }),
  }),
  close: spec({
    schema: none,
    guardInput: () => ({}),
    effect: (_v, x) => ({ patch: { closed_on: x.today }, note: () => '已办结' }),
  }),
  transfer: spec({
    schema: z.object({ targetUnitId: optionalIntField('转办单位', { min: 1 }) }),
    guardInput: (v) => ({ targetUnitId: v.targetUnitId ?? null }),
    check: async (v, x) => {
      if (v.targetUnitId === undefined) return [];
      const unit = await x.unitName(v.targetUnitId);
      if (!unit?.active) return problem('targetUnitId', '转办单位不存在或已停用');
      return v.targetUnitId === x.row.unit_id ? problem('targetUnitId', '不能转给本单位') : [];
    },
    effect: async (v, x) => {
      const unit = await x.unitName(v.targetUnitId ?? 0, x.trx);
      return {
        patch: { transferred_to_unit_id: v.targetUnitId },
        note: () => `申请已转送${unit?.name ?? '其他单位'}办理`,
      };
    },
  }),
  mark_not_this_agency: spec({
    schema: z.object({ responsibleAgency: optionalText('负责公开的行政机关', 200) }),
    guardInput: (v) => ({ responsibleAgency: v.responsibleAgency }),
    effect: (v) => ({
      patch: {
        responsible_agency: v.responsibleAgency,
        decision: 'unavailable_not_held',
        reply_type: 'art36_5',
      },
      note: () =>
        `所申请信息不属于本机关负责公开，负责公开的机关为${v.responsibleAgency}（条例第三十六条第（五）项）`,
    }),
  }),
} satisfies Record<WorkflowEvent, EventSpec<z.ZodType>>;
