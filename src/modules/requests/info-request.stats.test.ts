import { describe, expect, it } from 'vitest';
import {
  buildTable3,
  buildTable4,
  COLUMNS,
  crossChecks,
  type StatsCase,
  type Table3,
} from './info-request.stats.ts';

const c = (
  reportCategory: string,
  receivedOn: string,
  concludedOn: string | null,
  decision: string | null,
): StatsCase => ({
  reportCategory,
  receivedOn,
  concludedOn,
  decision,
});

// Hand-computed fixture for 2025 (see the expectations below, column by column).
const CASES = [
  c('natural_person', '2024-12-20', '2025-01-10', 'granted'), // 二, （一）
  c('natural_person', '2025-03-01', '2025-03-20', 'partial'), // 一, （二）
  c('commercial', '2025-05-01', '2025-05-25', 'withheld_third_party'), // 一, （三）4
  c('legal_services', '2025-12-15', null, null), // 一, 四
  c('research', '2025-12-20', '2026-01-15', 'unavailable_not_held'), // 一, 四 (answered next year)
  c('natural_person', '2024-06-01', '2024-07-01', 'granted'), // concluded before 2025: not counted
  c('other', '2026-01-05', null, null), // received after 2025: not counted
  c('public_interest', '2025-02-01', '2025-02-28', 'other_correction_overdue'), // 一, （六）1
];

const values = (t: Table3, key: string) => {
  const v = t.rows.find((r) => r.key === key)?.values;
  return v ? COLUMNS.map((col) => v[col]) : undefined;
};

describe('buildTable3', () => {
  const t = buildTable3(CASES, 2025);
  // columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  it.each([
    ['new', [1, 1, 1, 1, 1, 0, 5]],
    ['carried_in', [1, 0, 0, 0, 0, 0, 1]],
    ['granted', [1, 0, 0, 0, 0, 0, 1]],
    ['partial', [1, 0, 0, 0, 0, 0, 1]],
    ['withheld_third_party', [0, 1, 0, 0, 0, 0, 1]],
    ['unavailable_not_held', [0, 0, 0, 0, 0, 0, 0]],
    ['other_correction_overdue', [0, 0, 0, 1, 0, 0, 1]],
    ['outcome_total', [2, 1, 0, 1, 0, 0, 4]],
    ['carried_out', [0, 0, 1, 0, 1, 0, 2]],
  ])('row %s', (key, expected) => {
    expect(values(t, key)).toEqual(expected);
  });

  it('has the 2021 rows in order with exact labels', () => {
    expect(t.rows).toHaveLength(2 + 21 + 1 + 1);
    expect(t.rows[0]?.label).toBe('一、本年新收政府信息公开申请数量');
    expect(t.rows[2]?.label).toBe('（一）予以公开');
    expect(t.rows[4]).toMatchObject({ label: '1.属于国家秘密', group: '（三）不予公开' });
    expect(t.rows.at(-2)?.label).toBe('（七）总计');
    expect(t.rows.at(-1)?.label).toBe('四、结转下年度继续办理');
  });

  it('passes every cross-check, including 四 of 2025 = 二 of 2026', () => {
    const checks = crossChecks(t, buildTable3(CASES, 2026));
    expect(checks).toHaveLength(7 + 3);
    expect(checks.filter((x) => !x.passed)).toEqual([]);
    expect(values(buildTable3(CASES, 2026), 'carried_in')).toEqual([0, 0, 1, 0, 1, 0, 2]);
  });

  it('fails the balance check when a concluded case has no decision', () => {
    const checks = crossChecks(buildTable3([c('natural_person', '2025-03-01', '2025-03-02', null)], 2025));
    expect(checks.find((x) => x.name.startsWith('自然人'))?.passed).toBe(false);
  });

  it('fails 四 = next year’s 二 against a different next-year table', () => {
    const checks = crossChecks(t, buildTable3([], 2026));
    expect(checks.at(-1)).toMatchObject({
      passed: false,
      name: '2025 年“四、结转下年度”= 2026 年“二、上年结转”',
    });
  });
});

describe('buildTable4', () => {
  it('has three blocks of five zeros and says why', () => {
    const t = buildTable4();
    expect(t.blocks.map((b) => b.values)).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    expect(t.note).toContain('尚未登记');
  });
});
