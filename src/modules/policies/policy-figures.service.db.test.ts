/**
 * Table 二 and the 解读 rates against the hand-computed library of test/support/policy-figures-fixture.ts
 * (the arithmetic is commented there), on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildFiguresFixture, type FiguresFixture } from '../../../test/support/policy-figures-fixture.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { rateFigure } from './interpretation-rates.ts';

describe(`policy figures on ${ENGINE}`, () => {
  let app: TestApp;
  let f: FiguresFixture;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-01-01T02:00:00Z' });
    const { county, dept } = await buildCounty(app);
    f = await buildFiguresFixture(app, county, dept);
  }, 60_000);
  afterAll(async () => app.destroy());

  const ids = (docs: { documentId: number }[]) => docs.map((d) => d.documentId).sort((a, b) => a - b);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  it('table 二 of the unit’s own documents: 制发 by 公布日期, 废止 by event, 现行有效 on 31 Dec', async () => {
    const t = await app.policies.figures.tableTwo(f.county.id, 2026);
    expect(t.asOf).toBe('2026-12-31');
    expect(t.ownOnly).toBe(true);
    const [reg, norm] = t.rows;
    expect(reg!.label).toBe('规章');
    expect([reg!.issued.count, reg!.repealed.count, reg!.inForce.count]).toEqual([1, 1, 0]);
    expect(norm!.label).toBe('行政规范性文件');
    expect([norm!.issued.count, norm!.repealed.count, norm!.inForce.count]).toEqual([4, 1, 4]);
    const { N1, N2, N3, N4, N5, N6 } = f.ids;
    // 1 Jan counts, 31 Dec of the year before does not.
    expect(ids(norm!.issued.documents)).toEqual(sorted([N1, N2, N3, N4]));
    // Repealed on 31 Dec counts; the cancelled 废止 of N4, the 失效 of N3 and N5's 1 Jan 2027 do not.
    expect(ids(norm!.repealed.documents)).toEqual([N2]);
    expect(norm!.repealed.documents[0]!.note).toBe('2026-12-31 废止');
    expect(ids(norm!.inForce.documents)).toEqual(sorted([N1, N4, N5, N6]));
    const presumed = norm!.inForce.documents.find((d) => d.documentId === N6)!;
    expect(presumed.certainty).toBe('presumed');
    expect(presumed.note).toBe('现行有效（未见相反记录，推定）');
    expect(reg!.repealed.documents[0]!.note).toBe('2026-11-01 宣布失效');
    expect(norm!.repealed.rule).toContain('有效期届满自然失效的不计为废止');
  });

  it('the subtree adds the department’s documents; the year before is its own table', async () => {
    const t = await app.policies.figures.tableTwo(f.county.id, 2026, { subtree: true });
    const norm = t.rows[1]!;
    expect([norm.issued.count, norm.repealed.count, norm.inForce.count]).toEqual([5, 1, 5]);
    expect(norm.issued.documents.find((d) => d.documentId === f.ids.D1)?.unitName).toBe(f.dept.name);
    const dept = await app.policies.figures.tableTwo(f.dept.id, 2026);
    expect(dept.rows[1]!.issued.count).toBe(1);
    const last = await app.policies.figures.tableTwo(f.county.id, 2025);
    // 2025: N5 (31 Dec 2025) issued; in force on 2025-12-31: N5 and the presumed N6.
    expect([last.rows[1]!.issued.count, last.rows[1]!.repealed.count, last.rows[1]!.inForce.count]).toEqual([
      1, 0, 2,
    ]);
  });

  it('the running year is counted as of today; a later year is refused by field', async () => {
    app.clock.set(new Date('2026-07-01T02:00:00Z'));
    try {
      const t = await app.policies.figures.tableTwo(f.county.id, 2026);
      expect(t.asOf).toBe('2026-07-01');
      // As of 1 July: N1, N2, N4 and N3 (expires 30 Sep) issued and in force, N5 and N6 too.
      expect(t.rows[1]!.inForce.count).toBe(6);
      expect(t.rows[1]!.repealed.count).toBe(0);
      await expect(app.policies.figures.tableTwo(f.county.id, 2027)).rejects.toMatchObject({
        problems: [{ field: 'year', message: '年度应在 2000 至 2026 之间' }],
      });
    } finally {
      app.clock.set(new Date('2027-01-15T02:00:00Z'));
    }
  });

  it('解读 rates for the year: exempted policies leave the denominator, drafts do not count', async () => {
    const r = await app.policies.interpretationRates.rates(f.county.id, '2026-01-01', '2026-12-31');
    const { N1, N2, N3, N4, R1 } = f.ids;
    expect(sorted(r.cases.map((c) => c.policy.documentId))).toEqual(sorted([N1, N2, N3, R1]));
    expect(r.exempted.map((x) => x.documentId)).toEqual([N4]);
    const rate = rateFigure(r, 'rate');
    expect([rate.numerator, rate.denominator, rate.text, rate.target, rate.met]).toEqual([
      3,
      4,
      '3 ÷ 4 = 75.0%',
      '不低于 90%',
      false,
    ]);
    expect(sorted(rate.caseIds)).toEqual(sorted([N1, N2, N3]));
    const timely = rateFigure(r, 'timeliness');
    expect([timely.numerator, timely.denominator]).toEqual([2, 4]);
    expect(sorted(timely.caseIds)).toEqual(sorted([N1, N3]));
    const forms = rateFigure(r, 'forms');
    expect([forms.numerator, forms.caseIds, forms.met]).toEqual([1, [N1], false]);
    expect(rateFigure(r, 'principal').caseIds).toEqual([N1]);
    const byId = new Map(r.cases.map((c) => [c.policy.documentId, c]));
    expect(byId.get(N1)).toMatchObject({
      dueOn: '2026-01-06',
      firstOn: '2026-01-01',
      forms: ['text', 'graphic'],
    });
    expect(byId.get(N2)).toMatchObject({ dueOn: '2026-03-13', firstOn: '2026-03-16', timely: false });
    // 清明 (4–6 April) is not counted: 7 April is the third working day.
    expect(byId.get(N3)).toMatchObject({ dueOn: '2026-04-07', timely: true });
    expect(byId.get(R1)).toMatchObject({ interpreted: false, interpretations: [] });
  });

  it('a quarter counts the policies published in it; the subtree adds the department', async () => {
    const q1 = await app.policies.interpretationRates.rates(f.county.id, '2026-01-01', '2026-03-31');
    expect(rateFigure(q1, 'rate').text).toBe('2 ÷ 3 = 66.7%');
    expect(rateFigure(q1, 'timeliness').text).toBe('1 ÷ 3 = 33.3%');
    const all = await app.policies.interpretationRates.rates(f.county.id, '2026-01-01', '2026-12-31', {
      subtree: true,
    });
    expect(rateFigure(all, 'rate').text).toBe('3 ÷ 5 = 60.0%');
    const none = await app.policies.interpretationRates.rates(f.county.id, '2027-01-01', '2027-01-15');
    await expect(
      app.policies.interpretationRates.rates(f.county.id, '2026-02-30', '2026-03-31'),
    ).rejects.toMatchObject({ problems: [{ field: 'from' }] });
    await expect(
      app.policies.interpretationRates.rates(f.county.id, '2026-03-31', '2026-03-01'),
    ).rejects.toMatchObject({ problems: [{ field: 'to' }] });
    expect(rateFigure(none, 'rate')).toMatchObject({
      denominator: 0,
      ratio: null,
      met: null,
      text: '0 ÷ 0 = —',
    });
  });
});
