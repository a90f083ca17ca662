/**
 * 在线访谈: states and their transition table (data, after Whitehall's edition workflow), the input
 * schemas of the forms and the limits. Pure: no database, no HTTP.
 */
import { z } from 'zod';
import { choice, optionalText, requiredText } from '../../lib/validation.ts';

/** Banner: persisted in interviews.status; never rename a value. */
export const INTERVIEW_STATES = ['draft', 'announced', 'live', 'ended', 'in_review', 'published'] as const;
export type InterviewState = (typeof INTERVIEW_STATES)[number];
export const INTERVIEW_STATE_LABELS: Record<InterviewState, string> = {
  draft: '草稿',
  announced: '预告',
  live: '进行中',
  ended: '已结束',
  in_review: '实录审核中',
  published: '实录已发布',
};

/** What the public sees (a WHERE clause in the repository, never a check in a page). */
export const PUBLIC_STATES: readonly InterviewState[] = [
  'announced',
  'live',
  'ended',
  'in_review',
  'published',
];
/** The public may send questions: in advance (预告) and during the session (进行中). */
export const QUESTION_STATES: readonly InterviewState[] = ['announced', 'live'];
/** Staff may write the 实录 during and after the session, until it is sent for review. */
export const RECORD_EDIT_STATES: readonly InterviewState[] = ['live', 'ended'];
/** The public list's tabs: 预告 / 进行中 / 往期. */
export const PUBLIC_GROUPS = {
  upcoming: ['announced'],
  live: ['live'],
  past: ['ended', 'in_review', 'published'],
} as const satisfies Record<string, readonly InterviewState[]>;
export type PublicGroup = keyof typeof PUBLIC_GROUPS;

/** Staff events and the states they run from (the table the docs and the table-driven test read). */
export const INTERVIEW_EVENTS = {
  announce: { label: '发布预告', from: ['draft'], to: 'announced' },
  start: { label: '开始访谈', from: ['announced'], to: 'live' },
  end: { label: '结束访谈', from: ['live'], to: 'ended' },
  submit_record: { label: '提交实录发布', from: ['ended'], to: 'in_review' },
  /** Run by 主动公开's published hook, not offered on a page. */
  record_published: { label: '实录已发布', from: ['in_review'], to: 'published' },
} as const satisfies Record<string, { label: string; from: readonly InterviewState[]; to: InterviewState }>;
export type InterviewEvent = keyof typeof INTERVIEW_EVENTS;
export const OFFERED_EVENTS: readonly InterviewEvent[] = ['announce', 'start', 'end', 'submit_record'];

/** The sentence shown when `event` cannot run from `state` (null = it can). */
export function transitionProblem(state: InterviewState, event: InterviewEvent): string | null {
  const rule = INTERVIEW_EVENTS[event];
  return (rule.from as readonly InterviewState[]).includes(state)
    ? null
    : `访谈当前为“${INTERVIEW_STATE_LABELS[state]}”，不能${rule.label}`;
}

export const QUESTION_STATUSES = ['pending', 'adopted', 'rejected'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  pending: '待审核',
  adopted: '已采用',
  rejected: '不予采用',
};

export const ENTRY_ROLES = ['host', 'guest', 'netizen'] as const;
export type EntryRole = (typeof ENTRY_ROLES)[number];
export const ENTRY_ROLE_LABELS: Record<EntryRole, string> = {
  host: '主持人',
  guest: '嘉宾',
  netizen: '网友',
};

/** One guest as stored in interviews.guests (JSON). */
export interface Guest {
  name: string;
  title: string | null;
}

/** Text without NUL or other control characters (line breaks and tabs allowed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const clean =
  (label: string) =>
  <T extends z.ZodType<string | null>>(s: T) =>
    s.refine((v) => v === null || !CONTROL.test(v), `${label}含有不可见的控制字符，请删除后重新提交`);
export const cleanRequired = (label: string, max: number) => clean(label)(requiredText(label, max));
export const cleanOptional = (label: string, max: number) => clean(label)(optionalText(label, max));

/** China-local date and time 'YYYY-MM-DD HH:mm' (a datetime-local input sends 'YYYY-MM-DDTHH:mm'). */
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;
export function parseLocalDateTime(v: string): string | null {
  const m = DATETIME.exec(v.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const dt = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}
/** `now` as China-local 'YYYY-MM-DD HH:mm' (China keeps UTC+8 all year). */
export function chinaDateTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
export const localDateTime = (label: string) =>
  requiredText(label, 20).transform((v, ctx) => {
    const p = parseLocalDateTime(v);
    if (!p) ctx.addIssue({ code: 'custom', message: `${label}应为有效的日期和时间，例如 2026-12-08 09:30` });
    return p ?? v;
  });

/** Guests typed one per line as “姓名，职务” (、 , ， or a tab between). */
export function parseGuests(text: string): Guest[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', ...rest] = l.split(/[,，\t]/);
      const title = rest.join('，').trim();
      return { name: name.trim(), title: title || null };
    });
}
export const guestsText = (guests: readonly Guest[]) =>
  guests.map((g) => (g.title ? `${g.name}，${g.title}` : g.name)).join('\n');

export const MAX_GUESTS = 10;
export const positiveIds = (label: string) =>
  optionalText(label, 200).transform((v, ctx) => {
    if (v === null) return [] as number[];
    const parts = v.split(/[\s,，、]+/).filter(Boolean);
    if (parts.some((p) => !/^\d{1,9}$/.test(p)))
      ctx.addIssue({ code: 'custom', message: `${label}应为信息编号（数字），多个用逗号分隔` });
    return [...new Set(parts.map(Number))];
  });

export const interviewInputSchema = z
  .object({
    title: cleanRequired('访谈主题', 200),
    summary: cleanOptional('访谈简介', 2000),
    host: cleanOptional('主持人', 50),
    startsAt: localDateTime('开始时间'),
    endsAt: z.preprocess(
      (v) => (v === '' || v == null ? undefined : v),
      localDateTime('结束时间').optional(),
    ),
    guests: cleanRequired('访谈嘉宾', 2000).transform((v, ctx) => {
      const guests = parseGuests(v);
      if (guests.length > MAX_GUESTS)
        ctx.addIssue({ code: 'custom', message: `访谈嘉宾最多 ${MAX_GUESTS} 位` });
      if (guests.some((g) => g.name.length > 50 || (g.title?.length ?? 0) > 100))
        ctx.addIssue({
          code: 'custom',
          message: '访谈嘉宾的姓名不能超过 50 个字符，职务不能超过 100 个字符',
        });
      return guests;
    }),
    policyIds: positiveIds('解读的政策文件'),
  })
  .superRefine((v, ctx) => {
    if (v.endsAt && v.endsAt <= v.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' });
  });
export type InterviewInput = z.infer<typeof interviewInputSchema>;

/** Limits of a question from the public. */
export const QUESTION_MAX = 500;
export const questionInputSchema = z.object({
  askerName: cleanOptional('昵称', 30),
  content: cleanRequired('问题内容', QUESTION_MAX),
});

export const entryInputSchema = z.object({
  role: choice('发言人类型', ENTRY_ROLES),
  speaker: cleanOptional('发言人', 50),
  content: cleanRequired('发言内容', 5000),
  questionId: z.preprocess(
    (v) => (v === '' || v == null ? undefined : Number(v)),
    z.number().int().positive().optional(),
  ),
});

/** 实录 images: JPG or PNG up to 2 MB, checked by content (lib/file-types). */
export const IMAGE_RULE = { allowed: ['jpg', 'png'] as const, maxBytes: 2 * 1024 * 1024 };
export const moderationSchema = z.object({ decision: choice('审核结果', ['adopted', 'rejected'] as const) });
