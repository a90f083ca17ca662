/** 解读 rates: exemptions, timeliness against the due day, forms, empty periods, period shortcuts. */
import { describe, expect, it } from 'vitest';
import {
  computeInterpretationRates,
  periodOf,
  type RateInterpretation,
  type RatePolicy,
  rateFigure,
} from './interpretation-rates.ts';

const policy = (documentId: number, publishedOn: string, reason: string | null = null): RatePolicy => ({
  documentId,
  unitId: 1,
  title: `文件${documentId}`,
  docNumber: null,
  kind: 'normative',
  publishedOn,
  noInterpretationReason: reason,
});
const reading = (
  documentId: number,
  policyId: number,
  publishedOn: string,
  form: RateInterpretation['form'],
  byPrincipal = false,
): RateInterpretation => ({
  documentId,
  policyId,
  title: `解读${documentId}`,
  publishedOn,
  form,
  byPrincipal,
});

// A fake due rule (+3 calendar days) keeps the arithmetic visible; the service passes the working-day one.
const plus3 = (d: string) => `2026-03-${String(Number(d.slice(8)) + 3).padStart(2, '0')}`;
const settings = { dueWorkingDays: 3, rateTarget: 90, formsTarget: 2 };

describe('interpretation rates', () => {
  it('computes each figure from its cases', () => {
    const r = computeInterpretationRates({
      from: '2026-03-01',
      to: '2026-03-31',
      policies: [policy(1, '2026-03-02'), policy(2, '2026-03-05'), policy(3, '2026-03-10', '内部事项')],
      interpretations: [
        reading(11, 1, '2026-03-05', 'text', true), // on the due day: timely
        reading(12, 1, '2026-03-20', 'text'), // the same form twice counts once
        reading(13, 1, '2026-03-21', 'qa'),
        reading(21, 2, '2026-03-09', 'graphic'), // due 03-08: late
        reading(31, 3, '2026-03-10', 'text'), // exempted policy: not counted at all
      ],
      settings,
      dueOn: plus3,
    });
    expect(r.exempted.map((p) => p.documentId)).toEqual([3]);
    expect(rateFigure(r, 'rate')).toMatchObject({
      numerator: 2,
      denominator: 2,
      met: true,
      text: '2 ÷ 2 = 100.0%',
    });
    expect(rateFigure(r, 'timeliness')).toMatchObject({
      numerator: 1,
      caseIds: [1],
      target: null,
      met: null,
    });
    expect(rateFigure(r, 'forms')).toMatchObject({ numerator: 1, caseIds: [1], met: false });
    expect(rateFigure(r, 'principal').caseIds).toEqual([1]);
    expect(r.cases[0]).toMatchObject({ forms: ['text', 'qa'], firstOn: '2026-03-05', dueOn: '2026-03-05' });
  });

  it('a rate just under the target is not met; no policies: no ratio, no verdict', () => {
    const ten = Array.from({ length: 10 }, (_, i) => policy(i + 1, '2026-03-02'));
    const nine = ten.slice(0, 9).map((p) => reading(100 + p.documentId, p.documentId, '2026-03-02', 'text'));
    const base = { from: '2026-03-01', to: '2026-03-31', settings, dueOn: plus3 };
    expect(
      rateFigure(computeInterpretationRates({ ...base, policies: ten, interpretations: nine }), 'rate'),
    ).toMatchObject({
      text: '9 ÷ 10 = 90.0%',
      met: true,
    });
    const eight = nine.slice(0, 8);
    expect(
      rateFigure(computeInterpretationRates({ ...base, policies: ten, interpretations: eight }), 'rate').met,
    ).toBe(false);
    expect(
      rateFigure(computeInterpretationRates({ ...base, policies: [], interpretations: [] }), 'rate'),
    ).toMatchObject({
      ratio: null,
      met: null,
    });
  });

  it.each([
    [2026, undefined, '2026-01-01', '2026-12-31'],
    [2026, 1, '2026-01-01', '2026-03-31'],
    [2026, 2, '2026-04-01', '2026-06-30'],
    [2026, 3, '2026-07-01', '2026-09-30'],
    [2026, 4, '2026-10-01', '2026-12-31'],
  ])('periodOf(%i, %s) = %s … %s', (year, quarter, from, to) => {
    expect(periodOf(year, quarter)).toEqual({ from, to });
  });
});
