/** 政府信息 (documents): metadata vocabularies and the input shape of the document form. */
import { z } from 'zod';
import { isValidPlainDate } from '../../../lib/calendar/index.ts';
import {
  choice,
  optionalChecked,
  optionalIntField,
  optionalText,
  requiredText,
} from '../../../lib/validation.ts';

/** 文种: the fifteen kinds of 党政机关公文处理工作条例 第八条, plus 其他 for everything else. */
export const GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '其他',
] as const;

/** 公开方式 (keys persisted). */
export const DISCLOSURE_MODES = ['proactive', 'on_request', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** Grounds for non-disclosure (keys persisted), 条例 第十四至十六条 (regulations §3). */
export const WITHHOLDING_GROUNDS = [
  'art14_state_secret',
  'art14_prohibited_by_law',
  'art14_security_stability',
  'art15_trade_secret_privacy',
  'art16_internal_affairs',
  'art16_process_information',
  'art16_enforcement_files',
] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];
export const WITHHOLDING_GROUND_LABELS: Record<WithholdingGround, string> = {
  art14_state_secret: '属于国家秘密（条例第十四条）',
  art14_prohibited_by_law: '法律、行政法规禁止公开（条例第十四条）',
  art14_security_stability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（条例第十四条）',
  art15_trade_secret_privacy: '涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害（条例第十五条）',
  art16_internal_affairs: '属于人事管理、后勤管理、内部工作流程等内部事务信息（条例第十六条）',
  art16_process_information: '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息（条例第十六条）',
  art16_enforcement_files: '属于行政执法案卷信息（条例第十六条）',
};

/** 撤回 reasons (keys persisted): data, shown with the 已撤回 notice. */
export const WITHDRAWAL_REASONS = ['publishing_error', 'expired', 'superseded', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
export const WITHDRAWAL_REASON_LABELS: Record<WithdrawalReason, string> = {
  publishing_error: '发布错误',
  expired: '已失效',
  superseded: '内容已更新',
  other: '其他',
};

/** 保密审查 conclusions (keys persisted). */
export const CONFIDENTIALITY_CONCLUSIONS = ['disclose', 'redact', 'withhold'] as const;
export type ConfidentialityConclusion = (typeof CONFIDENTIALITY_CONCLUSIONS)[number];
export const CONFIDENTIALITY_CONCLUSION_LABELS: Record<ConfidentialityConclusion, string> = {
  disclose: '可以公开',
  redact: '删除涉密或隐私内容后公开',
  withhold: '不予公开',
};

/**
 * 有效性 (keys persisted): 国办发〔2017〕47号 (政府网站发展指引) requires marking amended, repealed or expired
 * documents on the original; the values are those real sites use (regulations §6).
 */
export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
  amended: '已修改',
};
/** The marks that tell a reader the text no longer applies as written (a notice tops the public page). */
export const NOT_IN_FORCE_VALIDITIES: readonly Validity[] = ['expired', 'repealed', 'amended'];

const checkDate = (v: string) => (isValidPlainDate(v) ? null : '应为有效日期，例如 2026-03-02');
const list = (label: string, max: number, each: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\n,，、;；]+/) : v === undefined || v === null ? [] : v),
    z
      .array(z.string().trim().max(each, `${label}每项不能超过 ${each} 个字符`))
      .transform((items) => [...new Set(items.filter((i) => i !== ''))])
      .pipe(z.array(z.string()).max(max, `${label}最多 ${max} 项`)),
  );
const ids = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int('栏目选择有误').positive('栏目选择有误')),
);

/** 有效性 · 施行日期 · 废止日期: part of the document form and of the 变更有效性 form of a published document. */
const validityFields = {
  validity: z.preprocess((v) => (v === '' ? null : v), choice('有效性', VALIDITIES).nullish()),
  effectiveOn: optionalChecked('施行日期', checkDate, 10),
  repealedOn: optionalChecked('废止日期', checkDate, 10),
};

/**
 * The rules between the validity fields (and 成文日期). Errors: 废止 without 废止日期; a 废止日期 on a document
 * that is not marked 废止 (the date would contradict the mark); a 废止日期 before the 施行日期 or before the
 * 成文日期 (a text cannot be repealed before it exists or applies). Fine: a 施行日期 before the 成文日期 —
 * retroactive application is lawful for provisions that favour citizens (立法法 第一百零四条), and tax and
 * subsidy notices often say "自 X 年 1 月 1 日起执行"; a 施行日期 without 有效性.
 */
function validityProblems(
  v: {
    validity?: Validity | null;
    effectiveOn?: string | null;
    repealedOn?: string | null;
    writtenOn?: string | null;
  },
  ctx: z.RefinementCtx,
): void {
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.validity === 'repealed' && !v.repealedOn) add('repealedOn', '有效性为“废止”时须填写废止日期');
  if (v.validity !== 'repealed' && v.repealedOn) add('repealedOn', '只有有效性为“废止”的信息才填写废止日期');
  if (v.repealedOn && v.effectiveOn && v.repealedOn < v.effectiveOn)
    add('repealedOn', '废止日期不能早于施行日期');
  else if (v.repealedOn && v.writtenOn && v.repealedOn < v.writtenOn)
    add('repealedOn', '废止日期不能早于成文日期');
}

/** The 变更有效性 form of a published document: the three fields, checked against its 成文日期. */
export function validityInputSchema(writtenOn: string | null) {
  return z
    .object({ ...validityFields, note: optionalText('变更说明', 500) })
    .superRefine((v, ctx) => validityProblems({ ...v, writtenOn }, ctx));
}
export type ValidityInput = z.infer<ReturnType<typeof validityInputSchema>>;

/** Fields of the document form (metadata of issue 3 §3; 索引号 and 发布日期 are assigned at publication). */
export const documentInputSchema = z
  .object({
    title: requiredText('标题', 300),
    topicId: optionalIntField('主题分类', { min: 1 }),
    genre: z.union([z.literal('').transform(() => null), choice('文种', GENRES)]).nullish(),
    docNumber: optionalText('发文字号', 60),
    issuers: list('发文机关', 10, 100),
    writtenOn: optionalChecked('成文日期', checkDate, 10),
    formedOn: optionalChecked('信息形成日期', checkDate, 10),
    disclosureMode: choice('公开方式', DISCLOSURE_MODES),
    withheldGround: z
      .union([z.literal('').transform(() => null), choice('不予公开依据', WITHHOLDING_GROUNDS)])
      .nullish(),
    keywords: list('关键词', 20, 30),
    summary: optionalText('内容概述', 2000),
    source: optionalText('来源', 100),
    bodyHtml: optionalText('正文', 2_000_000),
    columnIds: ids,
    ...validityFields,
  })
  .superRefine((v, ctx) => {
    validityProblems(v, ctx);
    if (v.disclosureMode === 'withheld' && !v.withheldGround)
      ctx.addIssue({
        code: 'custom',
        path: ['withheldGround'],
        message: '不予公开须选择依据（条例第十四至十六条）',
      });
    if (v.disclosureMode !== 'withheld' && v.withheldGround)
      ctx.addIssue({
        code: 'custom',
        path: ['withheldGround'],
        message: '只有不予公开的信息才填写不予公开依据',
      });
  });
export type DocumentInput = z.infer<typeof documentInputSchema>;
