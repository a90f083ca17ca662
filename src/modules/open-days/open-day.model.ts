/**
 * 政务公开主题日 / 政府开放日: states and their transition table, the invited groups and activities the
 * seeds name (data), the input schemas, phone validation and masking. Pure.
 */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { choice, intField, optionalText, requiredText } from '../../lib/validation.ts';

/** Banner: persisted in open_days.status; never rename a value. */
export const OPEN_DAY_STATES = ['draft', 'planned', 'held', 'in_review', 'published', 'cancelled'] as const;
export type OpenDayState = (typeof OPEN_DAY_STATES)[number];
export const OPEN_DAY_STATE_LABELS: Record<OpenDayState, string> = {
  draft: '草稿',
  planned: '已公布计划',
  held: '已举办',
  in_review: '活动记录审核中',
  published: '活动记录已发布',
  cancelled: '已取消',
};
/** What the public sees (the 活动计划表 included): a WHERE clause in the repository. */
export const PUBLIC_STATES: readonly OpenDayState[] = [
  'planned',
  'held',
  'in_review',
  'published',
  'cancelled',
];

export const OPEN_DAY_EVENTS = {
  publish_plan: { label: '公布活动计划', from: ['draft'], to: 'planned' },
  mark_held: { label: '确认已举办', from: ['planned'], to: 'held' },
  cancel: { label: '取消活动', from: ['draft', 'planned'], to: 'cancelled' },
  submit_record: { label: '提交活动记录发布', from: ['held'], to: 'in_review' },
  /** Run by 主动公开's published hook, not offered on a page. */
  record_published: { label: '活动记录已发布', from: ['in_review'], to: 'published' },
} as const satisfies Record<string, { label: string; from: readonly OpenDayState[]; to: OpenDayState }>;
export type OpenDayEvent = keyof typeof OPEN_DAY_EVENTS;
export const OFFERED_EVENTS: readonly OpenDayEvent[] = [
  'publish_plan',
  'mark_held',
  'cancel',
  'submit_record',
];

export function transitionProblem(state: OpenDayState, event: OpenDayEvent): string | null {
  const rule = OPEN_DAY_EVENTS[event];
  return (rule.from as readonly OpenDayState[]).includes(state)
    ? null
    : `活动当前为“${OPEN_DAY_STATE_LABELS[state]}”，不能${rule.label}`;
}

export const OPEN_DAY_TYPES = ['theme_day', 'open_day'] as const;
export type OpenDayType = (typeof OPEN_DAY_TYPES)[number];
export const OPEN_DAY_TYPE_LABELS: Record<OpenDayType, string> = {
  theme_day: '政务公开主题日',
  open_day: '政府开放日',
};

/** Groups invited to a 主题日 (seeds 000 (11), 003 公开(十五), 004 (十一)); staff may add others. */
export const INVITED_GROUPS = ['人大代表', '政协委员', '专家学者', '普通市民', '新闻媒体'] as const;
/** Activities the seeds name (现场调研、座谈会、新闻发布会、问卷调查); staff may add others. */
export const ACTIVITIES = ['现场调研', '座谈会', '新闻发布会', '问卷调查'] as const;

/** Text without NUL or other control characters (line breaks and tabs allowed). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (_label: string) => (v: string | null) => v === null || !CONTROL.test(v);
const cleanRequired = (label: string, max: number) =>
  requiredText(label, max).refine(noControl(label), `${label}含有不可见的控制字符，请删除后重新提交`);
const cleanOptional = (label: string, max: number) =>
  optionalText(label, max).refine(noControl(label), `${label}含有不可见的控制字符，请删除后重新提交`);
const date = (label: string) =>
  requiredText(label, 10).refine(isValidPlainDate, `${label}应为有效日期，例如 2026-05-15`);
const time = (label: string) =>
  requiredText(label, 5).refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), `${label}应为时间，例如 09:30`);

/** A list from checkboxes (repeated field) plus a free line of others separated by 、 or commas. */
const textList = (label: string, maxItems: number) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string())
      .transform((a) => [
        ...new Set(
          a
            .flatMap((s) => s.split(/[、,，\n]/))
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ])
      .refine((a) => a.length > 0, `请选择或填写${label}`)
      .refine(
        (a) => a.length <= maxItems && a.every((s) => s.length <= 30 && !CONTROL.test(s)),
        `${label}最多 ${maxItems} 项，每项不超过 30 个字`,
      ),
  );

/** The plan form's raw fields with the free "其他…" lines merged into the ticked lists. */
export function withOthers(raw: unknown): Record<string, unknown> {
  const f = { ...((raw ?? {}) as Record<string, unknown>) };
  const asList = (v: unknown) =>
    v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
  for (const k of ['invitedGroups', 'activities']) f[k] = [...asList(f[k]), ...asList(f[`${k}Other`])];
  return f;
}

/** Splits a stored list into the ticked known values and the "其他" line, for the edit form. */
export function splitOthers(
  list: readonly string[],
  known: readonly string[],
): { ticked: string[]; other: string } {
  return {
    ticked: list.filter((v) => known.includes(v)),
    other: list.filter((v) => !known.includes(v)).join('、'),
  };
}

export const MAX_CAPACITY = 10_000;
export const planInputSchema = z
  .object({
    theme: cleanRequired('活动主题', 200),
    type: choice('活动类型', OPEN_DAY_TYPES),
    eventDate: date('活动日期'),
    startTime: time('开始时间'),
    endTime: z.preprocess((v) => (v === '' || v == null ? undefined : v), time('结束时间').optional()),
    place: cleanRequired('活动地点', 200),
    invitedGroups: textList('邀请对象', 10),
    activities: textList('活动内容', 10),
    description: cleanOptional('活动说明', 4000),
    capacity: intField('名额', { min: 1, max: MAX_CAPACITY }),
    registrationOpensOn: date('报名开始日期'),
    registrationClosesOn: date('报名截止日期'),
    surveyId: z.preprocess(
      (v) => (v === '' || v == null ? undefined : v),
      z.coerce
        .number({ message: '活动后问卷应为在线调查的编号' })
        .int('活动后问卷应为在线调查的编号')
        .positive('活动后问卷应为在线调查的编号')
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.endTime && v.endTime <= v.startTime) add('endTime', '结束时间应晚于开始时间');
    if (v.registrationClosesOn < v.registrationOpensOn)
      add('registrationClosesOn', '报名截止日期不能早于报名开始日期');
    else if (v.registrationClosesOn > v.eventDate)
      add('registrationClosesOn', '报名截止日期不能晚于活动日期');
  });
export type PlanInput = z.infer<typeof planInputSchema>;

/** Mainland mobile (11 digits from 1[3-9]) or a landline with its area code (0xx(x)-xxxxxxx(x)). */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
/** The phone as stored and compared: digits (and the landline dash) only, without +86 or spaces. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s()（）]/g, '').replace(/^(\+?86)(?=1)/, '');
}
export const isValidPhone = (p: string) => MOBILE.test(p) || LANDLINE.test(p);

export const registrationSchema = (groups: readonly string[]) =>
  z.object({
    name: cleanRequired('姓名', 30),
    phone: requiredText('联系电话', 20)
      .transform(normalisePhone)
      .refine(
        isValidPhone,
        '联系电话应为 11 位手机号码或带区号的固定电话，例如 13800000000 或 0731-88880000',
      ),
    group: z.string({ message: '请选择参加身份' }).refine((g) => groups.includes(g), '请选择参加身份'),
    note: cleanOptional('备注', 200),
  });

/** 张* / 欧阳** : the first character, then one star per other character. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
/** 138****0000; a landline keeps its area code and last 2 digits. */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const [area, num = ''] = phone.includes('-') ? phone.split('-') : [phone.slice(0, 4), phone.slice(4)];
  return `${area}-${'*'.repeat(Math.max(0, num.length - 2))}${num.slice(-2)}`;
}

/** Why registration is closed on `today` (null = open). */
export function registrationProblem(
  e: {
    status: string;
    registration_opens_on: string;
    registration_closes_on: string;
    capacity: number;
    registered: number;
  },
  today: string,
): string | null {
  if (e.status !== 'planned') return '本活动不接受报名';
  if (today < e.registration_opens_on) return `报名尚未开始（${e.registration_opens_on} 开始）`;
  if (today > e.registration_closes_on) return `报名已截止（${e.registration_closes_on}）`;
  if (e.registered >= e.capacity) return '名额已满';
  return null;
}

/** 活动记录 images: JPG or PNG up to 2 MB, checked by content. */
export const IMAGE_RULE = { allowed: ['jpg', 'png'] as const, maxBytes: 2 * 1024 * 1024 };
export const MAX_RECORD_IMAGES = 9;
export const recordSchema = z.object({ recordText: cleanRequired('活动记录', 20_000) });
