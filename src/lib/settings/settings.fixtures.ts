/** Setting definitions the settings tests share (the kit's unit tests and the form view's). */
import { z } from 'zod';
import { optionalIntField, optionalText } from '../validation.ts';
import { fieldSetting, type SettingDefinition } from './setting.ts';

// 条例 第三十三条: 20 working days (a test setting, not the module's)
export const LIMIT = fieldSetting<number>({
  key: 'test.answer_working_days',
  scope: 'unit',
  label: '答复期限（工作日）',
  hint: '自收到申请之日起计算',
  legalBasis: '条例 第三十三条',
  default: 20,
  schema: z.number().int().min(1).max(20),
  control: { kind: 'text', name: 'answerDays', width: 'short' },
  parse: optionalIntField('答复期限（工作日）', { min: 1, max: 20 }),
});
export const OFFICE = fieldSetting<string | null>({
  key: 'test.office',
  scope: 'site',
  label: '受理机构',
  legalBasis: '条例 第十二条',
  default: null,
  schema: z.string().nullable(),
  control: { kind: 'text', name: 'office' },
  parse: optionalText('受理机构', 10),
});
export interface Pair {
  low: number;
  high: number;
}
export const PAIR: SettingDefinition<Pair> = {
  key: 'test.pair',
  scope: 'site',
  label: '区间',
  legalBasis: '测试',
  default: { low: 1, high: 2 },
  schema: z.object({ low: z.number(), high: z.number() }),
  recover: () => ({ low: 0, high: 0 }),
  controls: [
    {
      kind: 'fieldset',
      legend: '上下限',
      controls: [
        { kind: 'text', name: 'low', label: '下限' },
        { kind: 'select', name: 'high', label: '上限', options: [{ value: '2', label: '二' }] },
      ],
    },
  ],
  fromForm: z
    .object({ low: z.coerce.number(), high: z.coerce.number() })
    .refine((p) => p.low < p.high, { message: '下限必须小于上限' }),
  toForm: (p) => ({ low: String(p?.low ?? ''), high: String(p?.high ?? '') }),
};
export const GROUP = { limit: LIMIT, office: OFFICE };
