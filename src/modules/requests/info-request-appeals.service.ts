/**
 * 行政复议 / 行政诉讼 records linked to cases, the source of the annual report's table 四
 * (国办公开办函〔2021〕30号): kind, filing date, the body that hears it, result.
 */
import { z } from 'zod';
import type { CallContext } from '../../lib/actor.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { optionalChecked, optionalText, parseInput } from '../../lib/validation.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { InfoRequestService } from './info-request.service.ts';
import type { AppealRow, InfoRequestRecordsRepository } from './info-request-records.repository.ts';

/** Kinds, in table 四's column-block order. Keys are persisted. */
export const APPEAL_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  review: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_review: '行政诉讼（复议后起诉）',
};

/** Results, in table 四's column order (总计 is computed). Keys are persisted. */
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
};

const date = (label: string) =>
  optionalChecked(
    label,
    (v) => (isValidPlainDate(v) ? null : '日期格式应为 YYYY-MM-DD，例如 2026-03-02'),
    10,
  );
const oneOf = (label: string, values: readonly string[]) =>
  optionalChecked(label, (v) => (values.includes(v) ? null : `请选择${label}`), 40);

const appealSchema = z.object({
  kind: oneOf('类型', APPEAL_KINDS),
  filedOn: date('申请或起诉日期'),
  body: optionalText('复议机关或人民法院', 100),
  result: oneOf('结果', APPEAL_RESULTS),
  concludedOn: date('审结日期'),
});

export class InfoRequestAppealService {
  constructor(
    private readonly d: InfoRequestDeps & {
      records: InfoRequestRecordsRepository;
      service: InfoRequestService;
    },
  ) {}

  /** Records a 复议 or 诉讼 about case `id`. */
  async record(ctx: CallContext, id: number, raw: unknown): Promise<void> {
    const { row } = await this.d.service.getForHandling(ctx, id);
    const v = parseInput(appealSchema, raw);
    const today = todayInShanghai(this.d.clock.now());
    const result = (v.result ?? 'pending') as AppealResult;
    const problems = [
      ...(v.kind ? [] : [{ field: 'kind', message: '请选择类型' }]),
      ...(!v.filedOn
        ? [{ field: 'filedOn', message: '请填写申请或起诉日期' }]
        : v.filedOn > today
          ? [{ field: 'filedOn', message: '申请或起诉日期不能晚于今天' }]
          : []),
      ...(v.body ? [] : [{ field: 'body', message: '请填写复议机关或人民法院' }]),
      ...(result !== 'pending' && !v.concludedOn
        ? [{ field: 'concludedOn', message: '已审结的请填写审结日期' }]
        : []),
      ...(v.concludedOn && v.filedOn && (v.concludedOn < v.filedOn || v.concludedOn > today)
        ? [{ field: 'concludedOn', message: '审结日期应在申请或起诉之后、不晚于今天' }]
        : []),
    ];
    if (problems.length) throw AppError.validation(problems);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.records.insertAppeal(trx, {
        request_id: id,
        kind: v.kind as string,
        filed_on: v.filedOn as string,
        body: v.body as string,
        result,
        concluded_on: result === 'pending' ? null : v.concludedOn,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'request.appeal',
        targetType: 'info_request',
        targetId: id,
        summary: `政府信息公开申请 ${row.reference}：登记${APPEAL_KIND_LABELS[v.kind as AppealKind]}（${APPEAL_RESULT_LABELS[result]}）`,
      });
    });
  }

  /**
   * Records the result of a pending 复议/诉讼. Field names carry the record id (`result-<id>`,
   * `concludedOn-<id>`) because the case page shows one such form per pending record.
   */
  async conclude(ctx: CallContext, appealId: number, raw: Record<string, unknown>): Promise<number> {
    const appeal = await this.d.records.appeal(appealId);
    if (!appeal) throw AppError.notFound('复议或诉讼记录');
    const { row } = await this.d.service.getForHandling(ctx, appeal.request_id);
    const result = String(raw[`result-${appealId}`] ?? '');
    const concludedOn = String(raw[`concludedOn-${appealId}`] ?? '').trim();
    const today = todayInShanghai(this.d.clock.now());
    const problems = [
      ...(['upheld', 'corrected', 'other'].includes(result)
        ? []
        : [{ field: `result-${appealId}`, message: '请选择审结结果' }]),
      ...(!isValidPlainDate(concludedOn) || concludedOn < appeal.filed_on || concludedOn > today
        ? [
            {
              field: `concludedOn-${appealId}`,
              message: '审结日期应为 YYYY-MM-DD，在申请或起诉之后、不晚于今天',
            },
          ]
        : []),
    ];
    if (problems.length) throw AppError.validation(problems);
    if (appeal.result !== 'pending') throw AppError.conflict('该记录已审结');
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.records.updateAppeal(trx, appealId, { result, concluded_on: concludedOn });
      await this.d.audit.record(trx, ctx, {
        action: 'request.appeal_concluded',
        targetType: 'info_request',
        targetId: row.id,
        summary: `政府信息公开申请 ${row.reference}：${APPEAL_KIND_LABELS[appeal.kind as AppealKind]}已于 ${concludedOn} 审结（${APPEAL_RESULT_LABELS[result as AppealResult]}）`,
      });
    });
    return appeal.request_id;
  }

  async list(id: number): Promise<AppealRow[]> {
    return this.d.records.appeals(id);
  }
}
