import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { GROUP, PAIR } from '../../lib/settings/settings.fixtures.ts';
import { SettingsForm, withBasis } from './settings-form.tsx';

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
