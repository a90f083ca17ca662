/**
 * 规范性文件库 and 政策解读: the vocabulary (keys persisted, labels shown) and the kinds' metadata.
 * Legal background: ../shared/domain/regulations.md §6 (国办发〔2017〕47号 marks amended, repealed or expired
 * documents on the original; 有效期 and 清理 are local rules; 三同步 and the 3-working-day rule for 解读).
 */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { choice, optionalChecked, optionalText } from '../../lib/validation.ts';

// ── Kinds ────────────────────────────────────────────────────────────────────────────────────────────

/** Document kinds of the library (documents.kind; never renamed once used). */
export const POLICY_KINDS = ['regulation', 'normative', 'policy'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_KIND_LABELS: Record<PolicyKind, string> = {
  regulation: '规章',
  normative: '行政规范性文件',
  policy: '其他政策文件',
};
export const isPolicyKind = (k: string | null | undefined): k is PolicyKind =>
  (POLICY_KINDS as readonly string[]).includes(k ?? '');

/** The 政策解读 kind. */
export const INTERPRETATION_KIND = 'interpretation';

/** Template key of the 政策解读 column in each unit's 政府信息公开 tree (column-template.ts). */
export const INTERPRETATION_COLUMN_KEY = 'policy_interpretation';
/** Template key of 条例 第二十条 (一) 行政法规、规章和规范性文件: where library documents are filed. */
export const LIBRARY_COLUMN_KEY = 'art20_01';

// ── Validity: events, states, certainty ─────────────────────────────────────────────────────────────

/**
 * Events of a document's validity (policy_validity_events.event_type). Each has a date and, where the law
 * needs one (修改, 废止, 宣布失效, 部分失效), the document that did it.
 */
export const VALIDITY_EVENTS = [
  'took_effect', // 施行
  'amended', // 修改 (by a named later document: the edition chain)
  'repealed', // 废止
  'expired', // 失效 (有效期届满)
  'declared_invalid', // 宣布失效
  'suspended', // 暂停执行
  'resumed', // 恢复执行
  'partially_invalid', // 部分失效
] as const;
export type ValidityEvent = (typeof VALIDITY_EVENTS)[number];
export const VALIDITY_EVENT_LABELS: Record<ValidityEvent, string> = {
  took_effect: '施行',
  amended: '修改',
  repealed: '废止',
  expired: '失效（有效期届满）',
  declared_invalid: '宣布失效',
  suspended: '暂停执行',
  resumed: '恢复执行',
  partially_invalid: '部分失效',
};
/** Events that must name the document that caused them (a 废止 without its source is refused). */
export const EVENTS_NEEDING_SOURCE: readonly ValidityEvent[] = [
  'amended',
  'repealed',
  'declared_invalid',
  'partially_invalid',
];

/** Derived states (policy_entries.state). 暂停执行 is a state of its own: the text stands but is not applied. */
export const VALIDITY_STATES = [
  'not_yet_effective', // 尚未生效
  'in_force', // 现行有效
  'amended', // 已修改
  'partially_invalid', // 部分失效
  'suspended', // 暂停执行
  'repealed', // 已废止
  'expired', // 已失效 (有效期届满 or 宣布失效)
] as const;
export type ValidityState = (typeof VALIDITY_STATES)[number];
export const VALIDITY_STATE_LABELS: Record<ValidityState, string> = {
  not_yet_effective: '尚未生效',
  in_force: '现行有效',
  amended: '已修改',
  partially_invalid: '部分失效',
  suspended: '暂停执行',
  repealed: '已废止',
  expired: '已失效',
};
/** States in which (some of) the text still applies: counted as 现行有效 in the library's 目录 and table 二. */
export const STATES_IN_FORCE: readonly ValidityState[] = ['in_force', 'amended', 'partially_invalid'];
/** States after which nothing of the text applies any more (no later event changes them, except a cancellation). */
export const FINAL_STATES: readonly ValidityState[] = ['repealed', 'expired'];

/**
 * How sure a state is: 'official' — an event with its source document or a date the document itself
 * states; 'inferred' — computed by a rule (有效期 from the province's setting, expiry reached);
 * 'presumed' — nothing says otherwise (e.g. an imported entry marked 有效 with no events): shown as presumed.
 */
export const CERTAINTIES = ['official', 'inferred', 'presumed'] as const;
export type Certainty = (typeof CERTAINTIES)[number];
export const CERTAINTY_LABELS: Record<Certainty, string> = {
  official: '有据可查',
  inferred: '按规则推定',
  presumed: '未见相反记录，推定',
};

/** Where the 有效期至 of an entry comes from (policy_entries.expiry_source). */
export const EXPIRY_SOURCES = ['metadata', 'text', 'rule', 'none'] as const;
export type ExpirySource = (typeof EXPIRY_SOURCES)[number];

// ── 清理 ─────────────────────────────────────────────────────────────────────────────────────────────

/** Decisions of a 清理 batch, and the event each lands on the document (继续有效 lands none). */
export const CLEANUP_DECISIONS = ['keep', 'amend', 'repeal', 'declare_invalid'] as const;
export type CleanupDecision = (typeof CLEANUP_DECISIONS)[number];
export const CLEANUP_DECISION_LABELS: Record<CleanupDecision, string> = {
  keep: '继续有效',
  amend: '修改',
  repeal: '废止',
  declare_invalid: '宣布失效',
};
// The states of a batch are in cleanup.model.ts (CLEANUP_BATCH_STATES).

// ── 政策解读 ─────────────────────────────────────────────────────────────────────────────────────────

/** Forms of a 解读 (data; seed 000 asks for at least two per new policy). */
export const INTERPRETATION_FORMS = [
  'text',
  'graphic',
  'audio_video',
  'qa',
  'h5',
  'press_conference',
  'online_interview',
  'expert',
  'media',
] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图解',
  audio_video: '音视频解读',
  qa: '问答',
  h5: 'H5',
  press_conference: '新闻发布会',
  online_interview: '在线访谈',
  expert: '专家解读',
  media: '媒体解读',
};

// ── Kind metadata ────────────────────────────────────────────────────────────────────────────────────

const checkDate = (v: string) => (isValidPlainDate(v) ? null : '应为有效日期，例如 2026-03-02');
const date = (label: string) => optionalChecked(label, checkDate, 10);

/**
 * Metadata of 规章 / 行政规范性文件 / 其他政策文件 (documents.kind_metadata_json). 制定机关 and 发文字号 are
 * the core 发文机关 (one or more) and 发文字号 fields. The 有效性 is not a field: it is derived from events.
 */
export const policyMetadataSchema = z
  .object({
    registrationNumber: optionalText('统一登记号', 60),
    publishedOn: date('公布日期'),
    effectiveOn: date('施行日期'),
    expiresOn: date('有效期至'),
    interpretationPlan: optionalText('解读方案', 4000),
    noInterpretationReason: optionalText('无需解读的理由', 500),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.publishedOn && v.effectiveOn && v.effectiveOn < v.publishedOn)
      add('effectiveOn', '施行日期不能早于公布日期');
    if (v.expiresOn && v.effectiveOn && v.expiresOn < v.effectiveOn)
      add('expiresOn', '有效期至不能早于施行日期');
    else if (v.expiresOn && v.publishedOn && v.expiresOn < v.publishedOn)
      add('expiresOn', '有效期至不能早于公布日期');
  });
export type PolicyMetadata = z.infer<typeof policyMetadataSchema>;

/** Metadata of a 政策解读. Which policies it interprets are `interpretation_of` relations, not metadata. */
export const interpretationMetadataSchema = z.object({
  form: choice('解读形式', INTERPRETATION_FORMS),
  interpreter: optionalText('解读人', 100),
  byPrincipal: z.preprocess(
    (v) => (v === '' || v == null ? 'no' : v),
    choice('是否主要负责人解读', ['yes', 'no']),
  ),
});
export type InterpretationMetadata = z.infer<typeof interpretationMetadataSchema>;
