/**
 * 收费通知 (条例 第四十二条; 国办函〔2020〕109号): one method per application — 按件 by the
 * application's ordinal among the applicant's applications in the natural month, or 按量 by pages.
 * The applicant pays within the unit's payment period (default 20 working days from the day after
 * the notice); unpaid notices close the case as 其他处理 2 in the daily job.
 */
import { z } from 'zod';
import type { CallContext } from '../../lib/actor.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { optionalChecked, optionalIntField, parseInput } from '../../lib/validation.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { InfoRequestRow } from './info-request.repository.ts';
import type { InfoRequestService } from './info-request.service.ts';
import { OPEN_STATES, type State } from './info-request.workflow.ts';
import type { FeeRow, InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import type { InfoRequestSettingsService } from './info-request-settings.service.ts';
import { computeProcessingFee, type FeeInput, formatYuan } from './processing-fee.ts';

const noticeSchema = z.object({
  method: optionalChecked(
    '计收方式',
    (v) => (['per_application', 'per_page'].includes(v) ? null : '请选择计收方式'),
    20,
  ),
  pages: optionalIntField('页数', { min: 0, max: 1_000_000 }),
});
const paidSchema = z.object({
  paidOn: optionalChecked('缴费日期', (v) => (isValidPlainDate(v) ? null : '日期格式应为 YYYY-MM-DD'), 10),
});

/** First and last instant (ISO, UTC) of the China natural month containing `iso`. */
export function chinaMonthBounds(iso: string): { from: string; to: string } {
  const china = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth();
  const from = new Date(Date.UTC(y, m, 1) - 8 * 3600_000).toISOString();
  const to = new Date(Date.UTC(y, m + 1, 1) - 8 * 3600_000 - 1).toISOString();
  return { from, to };
}

export class InfoRequestFeeService {
  constructor(
    private readonly d: InfoRequestDeps & {
      records: InfoRequestRecordsRepository;
      settings: InfoRequestSettingsService;
      service: InfoRequestService;
    },
  ) {}

  /** The 按件 ordinal of a case: its place among the applicant's applications that month. */
  async ordinalInMonth(row: InfoRequestRow): Promise<number> {
    if (!row.applicant_key) return 1;
    const { from } = chinaMonthBounds(row.submitted_at);
    return this.d.records.applicationsOfApplicant(row.applicant_key, from, {
      submittedAt: row.submitted_at,
      id: row.id,
    });
  }

  /** Issues a fee notice for case `id`; the amount comes from processing-fee.ts. */
  async issueNotice(ctx: CallContext, id: number, raw: unknown): Promise<FeeRow> {
    const { row } = await this.d.service.getForHandling(ctx, id);
    const v = parseInput(noticeSchema, raw);
    const problems = [
      ...(v.method ? [] : [{ field: 'method', message: '请选择计收方式' }]),
      ...(v.method === 'per_page' && v.pages === undefined
        ? [{ field: 'pages', message: '请填写页数' }]
        : []),
    ];
    if (!OPEN_STATES.includes(row.state as State) || row.state === 'awaiting_correction')
      problems.push({ field: '_', message: '只有办理中的申请可以发出收费通知' });
    if ((await this.d.records.fees(id)).some((f) => f.status === 'unpaid'))
      problems.push({ field: '_', message: '该申请已有未缴费的收费通知' });
    if (problems.length) throw AppError.validation(problems);
    const input: FeeInput =
      v.method === 'per_page'
        ? { method: 'per_page', pages: v.pages ?? 0 }
        : { method: 'per_application', ordinalInMonth: await this.ordinalInMonth(row) };
    const fee = computeProcessingFee(input);
    if (fee.amountFen === 0) {
      throw AppError.validation([
        { field: 'method', message: '按所选方式计算的信息处理费为 0 元，无需发出收费通知' },
      ]);
    }
    const today = todayInShanghai(this.d.clock.now());
    const settings = await this.d.settings.forUnit(row.unit_id);
    const calendar = await this.d.calendar.calendar();
    const payBy = calendar.addWorkingDays(today, settings.feePaymentWorkingDays);
    return this.d.db.transaction().execute(async (trx) => {
      const created = await this.d.records.insertFee(trx, {
        request_id: id,
        method: fee.method,
        quantity: input.method === 'per_page' ? input.pages : input.ordinalInMonth,
        amount_fen: fee.amountFen,
        breakdown: JSON.stringify(fee.lines),
        notice_on: today,
        pay_by: payBy,
        paid_on: null,
        status: 'unpaid',
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'request.fee_notice',
        targetType: 'info_request',
        targetId: id,
        summary: `政府信息公开申请 ${row.reference}：收费通知 ${formatYuan(fee.amountFen)} 元，缴费期限至 ${payBy}`,
        after: { method: fee.method, amountFen: fee.amountFen, payBy },
      });
      return created;
    });
  }

  /** Records the payment of the case's unpaid notice. */
  async markPaid(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.d.service.getForHandling(ctx, id);
    const fee = (await this.d.records.fees(id)).find((f) => f.status === 'unpaid');
    if (!fee) throw AppError.validation([{ field: '_', message: '没有待缴费的收费通知' }]);
    const today = todayInShanghai(this.d.clock.now());
    const paidOn = parseInput(paidSchema, raw).paidOn ?? today;
    if (paidOn > today || paidOn < fee.notice_on)
      throw AppError.validation([{ field: 'paidOn', message: '缴费日期应在收费通知之后、不晚于今天' }]);
    await this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.records.setFeeStatus(trx, fee.id, 'unpaid', { status: 'paid', paid_on: paidOn })))
        throw AppError.conflict('该收费通知的状态已变化，请刷新后重试');
      await this.d.audit.record(trx, ctx, {
        action: 'request.fee_paid',
        targetType: 'info_request',
        targetId: id,
        summary: `政府信息公开申请 ${row.reference}：已于 ${paidOn} 缴纳信息处理费 ${formatYuan(fee.amount_fen)} 元`,
      });
    });
  }

  async list(id: number): Promise<FeeRow[]> {
    return this.d.records.fees(id);
  }
}
