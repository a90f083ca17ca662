/** Input schemas for importing and confirming a work plan (Chinese messages naming each field). */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { intField, optionalIntField, optionalText, requiredText } from '../../lib/validation.ts';
import { type Deadline, normaliseDeadline } from './plan-parser/index.ts';

const RECURRENCES = ['realtime', 'monthly', 'quarterly', 'yearly', 'continuous'] as const;

const idOf = (label: string) =>
  z
    .number({ message: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`);

/** The plan facts shared by the draft and the confirmation (numbers or form strings). */
const planHead = {
  unitId: intField('制定单位', { min: 1, emptyMessage: '请选择制定单位' }),
  year: intField('年度', { min: 2000, max: 2100 }),
  title: requiredText('计划标题', 200),
  source: requiredText('来源', 500),
  implementsPlanId: optionalIntField('上级工作要点', { min: 1 }),
};

/** The plan facts alone (for reading the year before a file is parsed). */
export const planHeadSchema = z.object(planHead);

export const importPlanSchema = z
  .object({
    ...planHead,
    text: z.string().optional(),
    parsedPlan: z.custom<unknown>().optional(),
    /** Overrides for this import: name as written → unit ids. */
    mapping: z.record(z.string(), z.array(idOf('对应单位'))).default({}),
  })
  .refine((v) => (v.text?.trim() ?? '') !== '' || v.parsedPlan !== undefined, {
    message: '请粘贴工作要点文本或上传文件',
    path: ['text'],
  });
export type ImportPlanInput = z.input<typeof importPlanSchema>;

const deadlineSchema = z
  .union([
    z.object({ date: z.string().refine(isValidPlainDate, '完成时限的日期格式应为 YYYY-MM-DD') }),
    z.object({ recurrence: z.enum(RECURRENCES, { message: '请选择完成时限的周期' }) }),
    z.object({ text: requiredText('完成时限', 100) }),
    z.null(),
  ])
  .default(null);

const confirmTaskSchema = z.object({
  number: requiredText('序号', 40),
  path: z.array(z.string()).default([]),
  title: requiredText('任务名称', 500),
  content: optionalText('具体内容', 20_000).transform((v) => v ?? ''),
  deadline: deadlineSchema,
  leadUnitIds: z.array(idOf('牵头单位')).default([]),
  unitIds: z.array(idOf('责任单位')).default([]),
  upperTaskId: idOf('上级任务').nullish(),
  /** 各单位: expanded at confirm to every active department and township below the plan's unit. */
  allUnits: z.boolean().default(false),
});

export const confirmPlanSchema = z.object({
  ...planHead,
  tasks: z.array(confirmTaskSchema).min(1, '请至少保留一项任务'),
  /** Mappings to remember for later imports: name as written → one unit. */
  rememberAliases: z
    .array(z.object({ alias: requiredText('单位简称', 100), unitId: idOf('对应单位') }))
    .default([]),
});
export type ConfirmPlanInput = z.input<typeof confirmPlanSchema>;
export type ConfirmPlan = z.output<typeof confirmPlanSchema>;

const { title: _title, ...planFacts } = planHead;

/** Several plans of one document (张家界 2022 sends two in one notice), saved together. */
export const confirmPlansSchema = z.object({
  ...planFacts,
  plans: z
    .array(
      z.object({
        title: requiredText('计划标题', 200),
        tasks: z.array(confirmTaskSchema).min(1, '请至少保留一项任务'),
      }),
    )
    .min(1, '请至少保留一个工作要点'),
  rememberAliases: confirmPlanSchema.shape.rememberAliases,
});
export type ConfirmPlansInput = z.input<typeof confirmPlansSchema>;
export type ConfirmPlans = z.output<typeof confirmPlansSchema>;

/** Longest deadline wording kept as text (the ledger's 时限要求 cell). */
const MAX_DEADLINE_WORDS = 100;

/**
 * Reads a deadline the way the plan parser does (`2026年6月30日前`, `9月底前`, `每季度`, `15个工作日内`)
 * or as a date `YYYY-MM-DD`; empty means none. A date that does not exist is refused.
 */
export function deadlineFromWords(words: string, year: number): { deadline: Deadline } | { problem: string } {
  const w = words.trim();
  if (w === '') return { deadline: null };
  if (w.length > MAX_DEADLINE_WORDS) return { problem: `完成时限不能超过 ${MAX_DEADLINE_WORDS} 个字符` };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(w)) {
    const [y, m, d] = w.split('-');
    const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return isValidPlainDate(date)
      ? { deadline: { date } }
      : { problem: `完成时限“${w}”不是有效日期，请按 YYYY-MM-DD 填写或写“2026年6月30日前”` };
  }
  return { deadline: normaliseDeadline(w, year) };
}

/** The editable words of one task (in a draft or after import); `deadline` is wording, see above. */
export function taskFieldsSchema(year: number) {
  return z.object({
    number: requiredText('序号', 40),
    title: requiredText('任务名称', 500),
    content: optionalText('具体内容', 20_000).transform((v) => v ?? ''),
    deadline: z
      .preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
      .transform((w, ctx): Deadline => {
        const d = deadlineFromWords(w, year);
        if ('deadline' in d) return d.deadline;
        ctx.addIssue({ code: 'custom', message: d.problem });
        return z.NEVER;
      }),
  });
}
export type TaskFields = z.output<ReturnType<typeof taskFieldsSchema>>;
