/**
 * The contract of 政民互动 letters (issue 13): 领导信箱, 咨询, 建议, 投诉 and 我为政府网站找错 are one model; the
 * types, closing reasons and error kinds are data (below), the reply limits are settings whose defaults are
 * the named constants here, each with its basis. Tables: letters.tables.ts; workflow: letter.workflow.ts.
 */

/** The kinds of box a citizen writes to. */
export const CHANNEL_KINDS = ['mailbox', 'site_error'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = {
  mailbox: '信箱（领导信箱、部门信箱、咨询）',
  site_error: '我为政府网站找错',
};

/** What a letter is (chosen by the writer, corrected by staff). 找错 reports have their own type. */
export const LETTER_TYPES = [
  { code: 'consultation', label: '咨询' },
  { code: 'suggestion', label: '建议' },
  { code: 'complaint', label: '投诉' },
  { code: 'help', label: '求助' },
  { code: 'other', label: '其他' },
  { code: 'site_error', label: '网站找错' },
] as const;
export type LetterType = (typeof LETTER_TYPES)[number]['code'];
export const LETTER_TYPE_LABELS = Object.fromEntries(LETTER_TYPES.map((t) => [t.code, t.label])) as Record<
  LetterType,
  string
>;
/** The types a citizen may pick on a 信箱 form (找错 has its own form). */
export const MAILBOX_LETTER_TYPES: readonly LetterType[] = [
  'consultation',
  'suggestion',
  'complaint',
  'help',
  'other',
];

/** 找错: the kinds of error (the national 我为政府网站找错 platform's categories). */
export const SITE_ERROR_KINDS = [
  { code: 'broken_link', label: '链接无法访问（错链、断链）' },
  { code: 'wrong_content', label: '内容错误（错字、错误表述、信息有误）' },
  { code: 'outdated', label: '信息不更新' },
  { code: 'service', label: '办事服务无法使用' },
  { code: 'interaction', label: '互动留言不回复' },
  { code: 'accessibility', label: '无障碍或适老化问题' },
  { code: 'other', label: '其他' },
] as const;
export type SiteErrorKind = (typeof SITE_ERROR_KINDS)[number]['code'];

/**
 * The states of a letter:
 * received 待分办 (at the 政务公开办, not yet routed) → assigned 办理中 (a unit handles it; a hand-back returns it
 * to received, a transfer moves it to another unit) → in_review 待审核 (a reply drafted and submitted) →
 * answered 已答复 (the reply sent; the writer may rate it and add one follow-up, which returns it to assigned
 * for round 2). closed 已关闭: spam, duplicates, 不属于受理范围 — closed with a reason, never published.
 */
export const LETTER_STATUSES = ['received', 'assigned', 'in_review', 'answered', 'closed'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  received: '待分办',
  assigned: '办理中',
  in_review: '待审核',
  answered: '已答复',
  closed: '已关闭',
};

/** Why a letter is closed without a reply (it is then not published). */
export const CLOSE_REASONS = [
  { code: 'spam', label: '垃圾信息或无实质内容' },
  { code: 'duplicate', label: '重复来信' },
  { code: 'out_of_scope', label: '不属于受理范围' },
  { code: 'abusive', label: '含有侮辱、谩骂等内容' },
  { code: 'withdrawn', label: '来信人撤回' },
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number]['code'];

/** The writer's rating of a reply. */
export const RATINGS = [
  { code: 'satisfied', label: '满意' },
  { code: 'basically', label: '基本满意' },
  { code: 'dissatisfied', label: '不满意' },
] as const;
export type Rating = (typeof RATINGS)[number]['code'];

export const REPLY_STATUSES = ['draft', 'in_review', 'returned', 'sent'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];
export const REPLY_STATUS_LABELS: Record<ReplyStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  returned: '退回修改',
  sent: '已发送',
};

/** Timeline entries (letter_events.kind). */
export const LETTER_EVENT_KINDS = [
  'received',
  'routed',
  'handed_back',
  'transferred',
  'marked_simple',
  'reply_submitted',
  'reply_returned',
  'reply_sent',
  'rated',
  'follow_up',
  'closed',
  'published',
  'unpublished',
] as const;
export type LetterEventKind = (typeof LETTER_EVENT_KINDS)[number];

/** The writer's personal data (encrypted at rest as JSON, never logged in clear). */
export interface WriterData {
  name: string;
  phone: string | null;
  email: string | null;
}

// ── Reply limits (defaults of the settings in letter-settings.ts) ──

/**
 * 答复期限 of a letter, in working days from the day it was received: 江西省2023年政务公开工作要点 (seed 002, item
 * (十三)) "答复期限不超过5个工作日". Local rule (other provinces differ, e.g. 沈阳 3 / 10 WD): a setting.
 */
export const DEFAULT_REPLY_WORKING_DAYS = 5;
/** A letter marked 简单咨询: seed 002 (十三) "简单问题在3日内完成答复" (taken as 3 working days; a setting). */
export const DEFAULT_SIMPLE_REPLY_WORKING_DAYS = 3;
/** 我为政府网站找错: the national platform asks the site to answer within 3 working days (a setting). */
export const DEFAULT_SITE_ERROR_REPLY_WORKING_DAYS = 3;
/** 临期: at most this many working days left (house rule, as for 依申请公开). */
export const DEFAULT_DUE_SOON_WORKING_DAYS = 1;
/**
 * 国办秘函〔2019〕19号 (政府网站与政务新媒体检查指标): a valid message unanswered for more than 3 months fails
 * the site outright (单项否决). Letters past this are listed first for the monitor.
 */
export const INSPECTION_UNANSWERED_MONTHS = 3;
/** Whether a transfer to another unit restarts the clock (default: no — the writer's wait does not restart). */
export const DEFAULT_TRANSFER_RESETS_CLOCK = false;

// ── Lengths (bad input is refused with a field-level message) ──
export const MAX_TITLE_LENGTH = 100;
export const MAX_BODY_LENGTH = 5_000;
export const MAX_REPLY_LENGTH = 10_000;
export const MAX_REASON_LENGTH = 500;
export const MAX_NAME_LENGTH = 50;
export const MAX_ATTACHMENTS = 3;
/** Attachments: images, PDF and Word up to 10 MB each, checked by content. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** 编号: `XX<year>-<6-digit serial>` from letter_serials, e.g. XX2026-000123. */
export function letterReference(year: number, serial: number): string {
  return `XX${year}-${String(serial).padStart(6, '0')}`;
}
