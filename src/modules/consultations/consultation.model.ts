/**
 * 意见征集 / 决策预公开: bases (as data, with their minimum windows), states and steps (the workflow as a
 * table, docs/interaction-consultations.md), comment moderation and 采纳 decisions.
 */
import { daysBetween } from '../../lib/calendar/index.ts';

export const CONSULTATION_BASES = ['major_decision', 'rule_draft', 'normative', 'other'] as const;
export type ConsultationBasis = (typeof CONSULTATION_BASES)[number];
export const BASIS_LABELS: Record<ConsultationBasis, string> = {
  major_decision: '重大行政决策',
  rule_draft: '规章草案',
  normative: '规范性文件',
  other: '其他',
};

/** 重大行政决策程序暂行条例 第十五条：征求意见的期限一般不少于30日（因情况紧急等原因需要缩短期限的，应当在公开征求意见时予以说明）. */
export const MAJOR_DECISION_MIN_DAYS = 30;
/**
 * 规章制定程序条例 第十五条（起草规章向社会公布征求意见的期限一般不少于30日）and 第二十一条 (the same for a
 * 送审稿 published by the 法制机构).
 */
export const RULE_DRAFT_MIN_DAYS = 30;

/** A minimum window: so many days after the opening day (民法典 第二百零一条: the opening day is not counted). */
export interface WindowMinimum {
  days: number;
  unit: 'calendar' | 'working';
  /** The rule, as shown next to the window. */
  basis: string;
}

/** The statutory minimums; 规范性文件 and 其他 come from settings (consultation-settings.ts). */
export const STATUTORY_MINIMUMS: Partial<Record<ConsultationBasis, WindowMinimum>> = {
  major_decision: {
    days: MAJOR_DECISION_MIN_DAYS,
    unit: 'calendar',
    basis: '《重大行政决策程序暂行条例》第十五条：征求意见的期限一般不少于30日',
  },
  rule_draft: {
    days: RULE_DRAFT_MIN_DAYS,
    unit: 'calendar',
    basis: '《规章制定程序条例》第十五条、第二十一条：征求意见的期限一般不少于30日',
  },
};

/**
 * The length of a window opens_on … closes_on as the law counts it: the days after the opening day up to
 * and including the closing day (calendar days, or working days through `workingDays`).
 */
export function windowLength(
  opensOn: string,
  closesOn: string,
  unit: WindowMinimum['unit'],
  workingDays: (fromExclusive: string, toInclusive: string) => number,
): number {
  return unit === 'calendar' ? daysBetween(opensOn, closesOn) : workingDays(opensOn, closesOn);
}

/** Whether the window is shorter than the minimum (then a reason must be recorded and shown). */
export function isShortWindow(
  opensOn: string,
  closesOn: string,
  min: WindowMinimum,
  workingDays: (fromExclusive: string, toInclusive: string) => number,
): boolean {
  return min.days > 0 && windowLength(opensOn, closesOn, min.unit, workingDays) < min.days;
}

export const CONSULTATION_STATES = ['draft', 'scheduled', 'open', 'closed', 'answered'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];
export const STATE_LABELS: Record<ConsultationState, string> = {
  draft: '草稿',
  scheduled: '待开始',
  open: '征集中',
  closed: '已截止',
  answered: '已反馈',
};
/** What the public sees (Payload's read access as a query condition: the repository's public scope). */
export const PUBLIC_STATES: readonly ConsultationState[] = ['open', 'closed', 'answered'];

/**
 * The workflow as data: where each step starts, where it leads, its label and the right it needs.
 * `publish` leads to 征集中 when the window has begun, else to 待开始; `open` and `close` are the daily
 * job's (system actor); `answer` happens when the feedback report's document is published.
 */
export const CONSULTATION_STEPS = {
  edit: { from: ['draft'], to: 'draft', label: '修改草稿', action: 'consultation.manage' },
  publish: { from: ['draft'], to: 'open', label: '发布征集', action: 'consultation.manage' },
  schedule: {
    from: ['draft'],
    to: 'scheduled',
    label: '发布征集（未到开始日期）',
    action: 'consultation.manage',
  },
  open: { from: ['scheduled'], to: 'open', label: '开始征集（每日任务）', action: 'system' },
  close: { from: ['open'], to: 'closed', label: '截止征集（每日任务）', action: 'system' },
  answer: { from: ['closed'], to: 'answered', label: '反馈报告发布', action: 'content.approve' },
} as const satisfies Record<
  string,
  { from: readonly ConsultationState[]; to: ConsultationState; label: string; action: string }
>;
export type ConsultationStep = keyof typeof CONSULTATION_STEPS;

export const COMMENT_STATES = ['pending', 'shown', 'hidden'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
export const COMMENT_STATE_LABELS: Record<CommentState, string> = {
  pending: '待审核',
  shown: '已显示',
  hidden: '不予显示',
};
export const COMMENT_STEPS = {
  show: { from: ['pending', 'hidden'], to: 'shown', label: '显示', action: 'consultation.moderate' },
  hide: { from: ['pending', 'shown'], to: 'hidden', label: '不予显示', action: 'consultation.moderate' },
} as const satisfies Record<
  string,
  { from: readonly CommentState[]; to: CommentState; label: string; action: string }
>;

export const ADOPTIONS = ['adopted', 'partly', 'rejected'] as const;
export type Adoption = (typeof ADOPTIONS)[number];
export const ADOPTION_LABELS: Record<Adoption, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  rejected: '未采纳',
};
/** 重大行政决策程序暂行条例 第十五条、第三十二条: the reasons why an opinion was not (fully) adopted are published. */
export const ADOPTIONS_NEEDING_REASON: readonly Adoption[] = ['partly', 'rejected'];

/** Limits of a public comment. */
export const COMMENT_MAX_CHARS = 2000;
export const NAME_MAX_CHARS = 30;
/** Comments per IP address and minute (with the honeypot and fill-time token of lib/form-abuse). */
export const COMMENTS_PER_IP_PER_MINUTE = 5;
