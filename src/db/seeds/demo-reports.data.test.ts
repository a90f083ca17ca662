/** The demo reports' pure parts: the paper report's table 三 balances, the prompts are all replaced. */
import { describe, expect, it } from 'vitest';
import { TABLE3_OUTCOME_KEYS } from '../../modules/reports/report.model.ts';
import { draftSections } from '../../modules/reports/report-draft-text.ts';
import { emptyFigures } from '../../modules/reports/report-values.ts';
import { fillPrompts, paperTable3 } from './demo-reports.data.ts';

describe('paperTable3', () => {
  it.each([
    [0, [0, 0, 0, 0, 0, 0]],
    [3, [1, 0, 0, 0, 0, 0]],
    [7, [2, 1, 0, 0, 0, 3]],
    [11, [30, 0, 4, 0, 0, 0]],
  ])('seed %i, 四 = %j: every column balances and 总计 is the sum of the six', (seed, out) => {
    const t = paperTable3(seed, out);
    for (let c = 0; c < 7; c++) {
      const n = (k: keyof typeof t) => t[k][c] ?? 0;
      expect(n('一') + n('二'), `column ${c}`).toBe(n('三(七)') + n('四'));
      expect(TABLE3_OUTCOME_KEYS.reduce((s, k) => s + n(k), 0)).toBe(n('三(七)'));
      for (const k of Object.keys(t) as (keyof typeof t)[]) expect(n(k)).toBeGreaterThanOrEqual(0);
    }
    for (const row of Object.values(t))
      expect(row[6]).toBe(row.slice(0, 6).reduce((s: number, v) => s + (v ?? 0), 0));
    expect(t.四.slice(0, 6)).toEqual(out);
  });
});

describe('fillPrompts', () => {
  it('replaces every prompt of a new draft, with other wording the next year', () => {
    const draft = draftSections({
      unitName: '测试局',
      year: 2025,
      figures: emptyFigures(),
      publishedCount: 12,
      fees: { amountFen: 0, count: 0 },
      taskSummary: null,
    });
    for (const text of [draft.overview, draft.problems, draft.other]) {
      const filled = fillPrompts(text.replace(/【请填写】/g, '0'), 2025);
      expect(filled).not.toMatch(/【请/);
      expect(filled.length).toBeGreaterThan(text.length / 2);
      expect(fillPrompts(text, 2026)).not.toBe(fillPrompts(text, 2025));
    }
  });
});
