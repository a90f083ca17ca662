/** Table 二 (first block) computed from entries and events: boundaries of the year and what counts. */
import { describe, expect, it } from 'vitest';
import { computeTableTwo, type FigureEntry, tableTwoAsOf } from './policy-figures.ts';
import type { ValidityEventRecord } from './validity.ts';

let nextId = 1;
const entry = (
  kind: string,
  publishedOn: string | null,
  events: Omit<ValidityEventRecord, 'id' | 'certainty'>[] = [],
  more: Partial<FigureEntry['dates']> = {},
): FigureEntry => ({
  documentId: nextId++,
  unitId: 1,
  unitName: '示范县人民政府',
  kind,
  title: `文件${nextId}`,
  docNumber: null,
  dates: { publishedOn, effectiveOn: publishedOn, expiresOn: null, ...more },
  events: events.map((e, i) => ({ id: i + 1, certainty: 'official', ...e })),
});

const counts = (t: ReturnType<typeof computeTableTwo>) =>
  t.rows.map((r) => [r.kind, r.issued.count, r.repealed.count, r.inForce.count]);

describe('table 二', () => {
  it('counts 31 Dec and 1 Jan in their own years', () => {
    const a = entry('normative', '2026-01-01', [{ type: 'repealed', occursOn: '2026-12-31' }]);
    const b = entry('normative', '2025-12-31', [{ type: 'repealed', occursOn: '2027-01-01' }]);
    expect(counts(computeTableTwo([a, b], 2026, '2027-03-01', true))).toEqual([
      ['regulation', 0, 0, 0],
      ['normative', 1, 1, 1],
    ]);
    expect(counts(computeTableTwo([a, b], 2027, '2027-03-01', true))).toEqual([
      ['regulation', 0, 0, 0],
      ['normative', 0, 1, 0],
    ]);
  });

  it.each([
    ['repealed', 1, 0],
    ['declared_invalid', 1, 0],
    ['expired', 0, 0],
    ['amended', 0, 1],
    ['partially_invalid', 0, 1],
    ['suspended', 0, 0],
  ] as const)('an event “%s” in the year: repealed %i, in force %i', (type, repealed, inForce) => {
    const e = entry('regulation', '2026-02-01', [{ type, occursOn: '2026-06-01' }]);
    const [row] = computeTableTwo([e], 2026, '2027-01-10', true).rows;
    expect([row!.issued.count, row!.repealed.count, row!.inForce.count]).toEqual([1, repealed, inForce]);
  });

  it('expiry by date leaves 现行有效 without counting as 废止; presumed entries count and say so', () => {
    const expiring = entry('normative', '2024-01-01', [], { expiresOn: '2026-06-30', expirySource: 'rule' });
    const presumed = entry('normative', '2019-05-01', [], { effectiveOn: null, presumed: true });
    const t = computeTableTwo([expiring, presumed], 2026, '2027-01-10', true);
    expect(counts(t)[1]).toEqual(['normative', 0, 0, 1]);
    expect(t.rows[1]!.inForce.documents[0]).toMatchObject({
      documentId: presumed.documentId,
      certainty: 'presumed',
    });
  });

  it('the running year counts up to today, not what is dated later', () => {
    expect(tableTwoAsOf(2026, '2026-07-01')).toBe('2026-07-01');
    expect(tableTwoAsOf(2025, '2026-07-01')).toBe('2025-12-31');
    const later = entry('normative', '2026-01-05', [{ type: 'repealed', occursOn: '2026-09-01' }]);
    const t = computeTableTwo([later], 2026, '2026-07-01', true);
    expect(counts(t)[1]).toEqual(['normative', 1, 0, 1]);
    expect(t.rows[1]!.inForce.rule).toContain('截至 2026-07-01');
  });
});
