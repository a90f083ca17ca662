/**
 * 清理 batches (issue 11 §4): the batch's states, the selection criteria and the decisions form.
 * Legal background: ../shared/domain/regulations.md §6 — 清理 is a local rule (e.g. 《河南省行政规范性文件
 * 管理办法》): the 制定机关 reviews its documents, decides 继续有效 / 修改 / 废止 / 宣布失效, and publishes
 * the result with the catalogues; 国办发〔2017〕47号 asks that the documents be marked accordingly.
 */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { optionalChecked, optionalText, requiredText } from '../../lib/validation.ts';
import {
  CLEANUP_DECISIONS,
  type CleanupDecision,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  type PolicyKind,
  STATES_IN_FORCE,
  VALIDITY_STATES,
  type ValidityState,
} from './policy.model.ts';

/**
 * States of a batch (policy_cleanups.state). `approved`: the result document exists as a draft and goes
 * through 主动公开's review; the decisions land on the documents when it is published.
 */
export const CLEANUP_BATCH_STATES = ['drafting', 'in_review', 'approved', 'published'] as const;
export type CleanupBatchState = (typeof CLEANUP_BATCH_STATES)[number];
export const CLEANUP_BATCH_STATE_LABELS: Record<CleanupBatchState, string> = {
  drafting: '清理中',
  in_review: '待审核',
  approved: '已审核，结果文件待发布',
  published: '已公布',
};

/**
 * The workflow as data: which state each step starts from, where it leads, its label and the right it
 * needs on the batch's unit (docs/workflows/policy-cleanup.md shows this table; a unit test compares).
 */
export const CLEANUP_STEPS = {
  edit: { from: ['drafting'], to: 'drafting', label: '填写结论、增减文件', action: 'policy.manage' },
  submit: { from: ['drafting'], to: 'in_review', label: '提交审核', action: 'policy.manage' },
  return: { from: ['in_review'], to: 'drafting', label: '退回修改', action: 'content.approve' },
  approve: { from: ['in_review'], to: 'approved', label: '审核通过', action: 'content.approve' },
  publish: { from: ['approved'], to: 'published', label: '结果文件发布', action: 'content.approve' },
} as const satisfies Record<
  string,
  { from: readonly CleanupBatchState[]; to: CleanupBatchState; label: string; action: string }
>;
export type CleanupStep = keyof typeof CLEANUP_STEPS;

/** The default selection: documents whose text still applies, and suspended ones (to decide their fate). */
export const DEFAULT_CLEANUP_STATES: readonly ValidityState[] = [...STATES_IN_FORCE, 'suspended'];

/** Decisions that need a reason (继续有效 does not). */
export const DECISIONS_NEEDING_REASON: readonly CleanupDecision[] = ['amend', 'repeal', 'declare_invalid'];

/** The validity event a decision lands on the document when the result is published (none for 继续有效, 修改). */
export const DECISION_EVENTS: Record<CleanupDecision, 'repealed' | 'declared_invalid' | null> = {
  keep: null,
  // The amending document records the 修改 when it is published.
  amend: null,
  repeal: 'repealed',
  declare_invalid: 'declared_invalid',
};

const checkDate = (v: string) => (isValidPlainDate(v) ? null : '应为有效日期，例如 2026-03-02');
/** Checkbox values: one string, several, or none. */
const many = <T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values, { message: `${label}的选项无效` })),
  );

/** What selects the documents of a batch (also stored as criteria_json). */
export const criteriaSchema = z
  .object({
    unitId: z.preprocess(
      (v) => (v === '' || v == null ? undefined : Number(v)),
      z.number({ message: '请选择清理的单位' }).int().positive('请选择清理的单位'),
    ),
    includeSubtree: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()),
    kinds: many('文件类型', POLICY_KINDS).transform((v) => (v.length ? v : [...POLICY_KINDS])),
    publishedFrom: optionalChecked('公布日期起', checkDate, 10),
    publishedTo: optionalChecked('公布日期止', checkDate, 10),
    states: many('有效性', VALIDITY_STATES).transform((v) => (v.length ? v : [...DEFAULT_CLEANUP_STATES])),
  })
  .superRefine((v, ctx) => {
    if (v.publishedFrom && v.publishedTo && v.publishedTo < v.publishedFrom)
      ctx.addIssue({ code: 'custom', path: ['publishedTo'], message: '公布日期止不能早于公布日期起' });
  });
export type CleanupCriteria = z.infer<typeof criteriaSchema>;

/** The batch form: title, basis (依据) and the criteria. */
export const batchInputSchema = z.object({
  title: requiredText('清理名称', 200),
  basis: optionalText('清理依据', 500),
});

/** The 退回 form. */
export const returnInputSchema = z.object({ note: requiredText('退回意见', 1000) });

/** One row of the decisions form, as typed (`item.<docId>.decision` / `.reason`). */
export interface DecisionRowInput {
  documentId: number;
  decision: string;
  reason: string;
}

/** Reads the rows of the decisions form from the body, for the documents of the batch only. */
export function decisionRows(body: unknown, documentIds: readonly number[]): DecisionRowInput[] {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return documentIds.map((documentId) => ({
    documentId,
    decision: text(b[`item.${documentId}.decision`]),
    reason: text(b[`item.${documentId}.reason`]),
  }));
}

export const isCleanupDecision = (v: string): v is CleanupDecision =>
  (CLEANUP_DECISIONS as readonly string[]).includes(v);

/** 规章 / 行政规范性文件 / 规章和行政规范性文件 …: the documents a batch covers, for its result's title. */
export function kindsPhrase(kinds: readonly PolicyKind[]): string {
  const labels = POLICY_KINDS.filter((k) => kinds.includes(k)).map((k) =>
    k === 'policy' ? '其他政策文件' : POLICY_KIND_LABELS[k],
  );
  if (labels.length <= 1) return labels[0] ?? '行政规范性文件';
  return `${labels.slice(0, -1).join('、')}和${labels.at(-1)}`;
}

/** “××关于公布行政规范性文件清理结果的决定” (the shape of the real results, e.g. 陕州区, 惠济区). */
export function resultTitle(unitName: string, kinds: readonly PolicyKind[]): string {
  return `${unitName}关于公布${kindsPhrase(kinds)}清理结果的决定`;
}
