/**
 * The quarterly bulletin's 政策解读 section: per unit, 解读率 and 及时率 of the quarter, read from the
 * policies module when it is built — and absent, with the bulletin still working, when it is not.
 * Library of test/support/policy-figures-fixture.ts: Q1 2026 of the county = N1, N2, R1 requiring 解读;
 * N1 and N2 interpreted (2 ÷ 3), only N1 on time (1 ÷ 3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildFiguresFixture } from '../../../test/support/policy-figures-fixture.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { MODULES } from '../../modules.ts';
import { buildBulletinDocx } from './task-bulletin-docx.ts';
import { bulletinBodyHtml } from './views/bulletin-body.tsx';

describe(`the bulletin's 政策解读 section on ${ENGINE}`, () => {
  let app: TestApp;
  afterEach(async () => app.destroy());

  it('lists each unit with policies to interpret, with the quarter’s 解读率 and 及时率', async () => {
    app = await createTestApp({ now: '2026-01-01T02:00:00Z' });
    const { county, dept } = await buildCounty(app);
    await buildFiguresFixture(app, county, dept);
    const doc = await app.tasks.bulletins.document(county.id, 2026, 1);
    expect(doc.interpretation?.lines).toEqual([
      {
        unitId: county.id,
        unitName: county.name,
        policies: 3,
        rateText: '2 ÷ 3 = 66.7%',
        rateMet: false,
        timelinessText: '1 ÷ 3 = 33.3%',
      },
    ]);
    expect(doc.interpretation?.target).toBe('不低于 90%');
    const html = bulletinBodyHtml(doc);
    expect(html).toContain('附：政策解读情况');
    expect(html).toContain('2 ÷ 3 = 66.7%');
    expect(html).toContain('1 ÷ 3 = 33.3%');
    // Q3: no policy requiring 解读 was published.
    const q3 = await app.tasks.bulletins.document(county.id, 2026, 3);
    expect(q3.interpretation?.lines).toEqual([]);
    expect(bulletinBodyHtml(q3)).toContain('本季度各单位没有须同步解读的规章、行政规范性文件。');
    expect((await buildBulletinDocx(doc)).length).toBeGreaterThan(0);
  }, 60_000);

  it('without the policies module the bulletin has no such section', async () => {
    app = await createTestApp({ modules: MODULES.filter((m) => m.name !== 'policies') });
    const { county } = await buildCounty(app);
    const doc = await app.tasks.bulletins.document(county.id, 2026, 1);
    expect(doc.interpretation).toBeUndefined();
    expect(bulletinBodyHtml(doc)).not.toContain('政策解读');
  });
});
