import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppError } from '../../lib/errors.ts';
import { fieldSetting, type SettingDefinition } from '../../lib/settings/setting.ts';
import { optionalIntField, optionalText } from '../../lib/validation.ts';
import { SettingsForm, withBasis } from './settings-form.tsx';

// 条例 第三十三条: 20 working days (a test setting, not the module's)
const LIMIT = fieldSetting<number>({
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
const OFFICE = fieldSetting<string | null>({
  key: 'test.office',
  scope: 'site',
  label: '受理机构',
  legalBasis: '条例 第十二条',
  default: null,
  schema: z.string().nullable(),
  control: { kind: 'text', name: 'office' },
  parse: optionalText('受理机构', 10),
});
interface Pair {
  low: number;
  high: number;
}
const PAIR: SettingDefinition<Pair> = {
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
const GROUP = { limit: LIMIT, office: OFFICE };

const _problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).problems;
  }
  throw new Error('expected a validation error');
};

describe('SettingsForm', () => {
  const render = (values: Record<string, unknown>, problems: { field: string; message: string }[] = []) =>
    renderToString(
      <SettingsForm
        group={{ ...GROUP, pair: PAIR }}
        form={{ values, problems }}
        action="/admin/test/settings"
        csrfToken="tok"
      />,
    );

  it('shows labels, hints with the legal basis, the CSRF field and the values', () => {
    const html = render({ answerDays: 15, office: '县政府办', low: '1', high: '2' });
    expect(html).toContain('<form method="post" action="/admin/test/settings" novalidate');
    expect(html).toContain('<input type="hidden" name="_csrf" value="tok"/>');
    expect(html).toContain('<label for="f-answerDays">答复期限（工作日）</label>');
    expect(html).toContain(withBasis('自收到申请之日起计算', '条例 第三十三条'));
    expect(html).toContain('依据：条例 第十二条');
    expect(html).toContain('区间。依据：测试');
    expect(html).toContain('<legend>上下限</legend>');
    expect(html).toContain('value="15"');
    expect(html).toContain('value="县政府办"');
    expect(html).not.toContain('error-summary');
  });

  it('lists the problems at the top, linked to their fields, keeping what was typed', () => {
    const html = render({ answerDays: '30' }, [
      { field: 'answerDays', message: '答复期限（工作日）不能大于 20' },
    ]);
    expect(html).toContain('<a href="#f-answerDays">答复期限（工作日）不能大于 20</a>');
    expect(html).toContain('value="30"');
    expect(html).toContain('aria-invalid="true"');
    expect(html.indexOf('error-summary')).toBeLessThan(html.indexOf('<form'));
  });
});
