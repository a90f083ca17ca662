import { describe, expect, it } from 'vitest';
import { TABLE3_OUTCOME_KEYS, TABLE3_ROW_KEYS } from './report.model.ts';
import { fixtureFigures, fixtureNumbersInOrder } from './report-fixture.test-support.ts';

// The fixture promises distinct numbers that add up; other parts' tests rely on both.
describe('the report fixture', () => {
  const f = fixtureFigures();
  const col = (key: (typeof TABLE3_ROW_KEYS)[number], c: number) => f.table3[key][c] ?? Number.NaN;

  it('holds a different number in every cell', () => {
    const numbers = fixtureNumbersInOrder(f);
    expect(numbers).toHaveLength(10 + 25 * 7 + 15);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('adds up: 一 + 二 = 三（七） + 四, （七） = the outcomes, 总计 = the six columns, table 四 totals', () => {
    for (let c = 0; c < 7; c++) {
      expect(col('一', c) + col('二', c)).toBe(col('三(七)', c) + col('四', c));
      expect(TABLE3_OUTCOME_KEYS.reduce((a, k) => a + col(k, c), 0)).toBe(col('三(七)', c));
    }
    for (const key of TABLE3_ROW_KEYS) {
      expect([0, 1, 2, 3, 4, 5].reduce((a, c) => a + col(key, c), 0)).toBe(col(key, 6));
    }
    for (const block of [0, 5, 10]) {
      const [a, b, c, d, total] = f.table4.slice(block, block + 5).map((v) => v ?? Number.NaN);
      expect((a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0)).toBe(total);
    }
  });
});
