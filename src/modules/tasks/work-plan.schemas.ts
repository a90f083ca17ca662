/** Input schemas for importing and confirming a work plan (Chinese messages naming each field). */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { intField, optionalIntField, optionalText, requiredText } from '../../lib/validation.ts';

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
