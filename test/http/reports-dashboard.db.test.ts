/**
 * The 年度报告 of many units (issue 12 §5, §8): the batch gives exactly the figures of `compute` for every
 * unit (cases, 复议/诉讼, fees, the library's table 二, entered and imported values); the dashboard's
 * status, 逾期 and failing checks agree with the editor; the daily reminders job records one reminder
 * per unit, kind and day however often it runs, and the pages show it; the deadlines are settings.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { reportsModule } from '../../src/modules/reports/reports.module.ts';
import { buildCounty, buildUnit, buildUser, PASSWORD, SYSTEM } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { buildFiguresFixture } from '../support/policy-figures-fixture.ts';
import { insertCases } from '../support/report-cases.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const at = (iso: string) => new Date(iso);

describe(`the reports of many units on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Unit;
  let dept: Unit;
  let other: Unit;
  let town: Unit;
  let units: Unit[];
  let admin: Awaited<ReturnType<typeof buildUser>>;
  let server: FastifyInstance;
  let browser: Browser;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-01-02T02:00:00Z' });
    ({ county, dept, other } = await buildCounty(app));
    town = await buildUnit(app, county, { name: '测试县城关镇', kind: 'township' });
    await buildFiguresFixture(app, county, dept); // clock now 2027-01-15
    await insertCases(app.db, [
      // dept 2026: 3 new (2 natural persons, 1 company), one carried in from 2025, one carried out
      { unitId: dept.id, receivedOn: '2026-02-01', decision: 'granted', answeredOn: '2026-02-20' },
      {
        unitId: dept.id,
        receivedOn: '2026-05-01',
        category: 'commercial',
        decision: 'partial',
        answeredOn: '2026-05-25',
        appeal: { kind: 'review', filedOn: '2026-07-01', result: 'upheld', concludedOn: '2026-09-01' },
        feeFen: { amount: 10000, paidOn: '2026-05-20' },
      },
      { unitId: dept.id, receivedOn: '2026-12-20' },
      { unitId: dept.id, receivedOn: '2025-12-28', decision: 'granted', answeredOn: '2026-01-10' },
      // other 2025 and 2026
      {
        unitId: other.id,
        receivedOn: '2025-03-01',
        decision: 'withheld_state_secret',
        answeredOn: '2025-03-20',
      },
      {
        unitId: other.id,
        receivedOn: '2026-06-01',
        category: 'research',
        decision: 'granted',
        answeredOn: '2026-06-10',
        appeal: { kind: 'litigation_direct', filedOn: '2026-08-01', result: 'corrected', concludedOn: null },
      },
      // county's own case
      { unitId: county.id, receivedOn: '2026-03-03', decision: 'granted', answeredOn: '2026-03-04' },
    ]);
    await app.reports.reports.enterValues(SYSTEM, other.id, 2026, {
      'v.table2.行政许可': '7',
      'v.table2.行政事业性收费': '1.25',
    });
    // The township: no cases in 2025, figures imported from its published report.
    await app.db.transaction().execute((trx) =>
      app.reports.repo.setValue(trx, {
        unitId: town.id,
        year: 2025,
        cell: 'table3.一.total',
        value: '4',
        origin: 'imported',
        importId: null,
        by: null,
        at: '2027-01-15T02:00:00.000Z',
      }),
    );
    units = [county, dept, other, town];
    admin = await buildUser(app, county, ['disclosure_admin']);
    server = await startTestServer(app);
    browser = new Browser(server);
    await browser.login(admin.username, PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it.each([2026, 2025])('the batch gives the figures of compute for every unit (%i)', async (year) => {
    const batch = await app.reports.batch.computeMany(units, year);
    const both = await app.reports.batch.computeYears(units, [year + 1, year]); // one load, two years
    for (const u of units) {
      const one = await app.reports.figures.compute(u, year);
      expect(batch.get(u.id), u.name).toEqual(one);
      expect(both.get(year)!.get(u.id), u.name).toEqual(one);
    }
    if (year === 2026) {
      const d = batch.get(dept.id)!;
      expect(d.figures.table3['一']).toEqual([2, 1, 0, 0, 0, 0, 3]);
      expect(d.figures.table3['二']?.[6]).toBe(1);
      expect(d.figures.table3['四']?.[6]).toBe(1);
      expect(d.fees).toEqual({ amountFen: 10000, count: 1 });
      expect(d.figures.table4[0]).toBe(1);
      expect(batch.get(other.id)!.figures.table2['行政许可']).toBe(7);
      expect(batch.get(county.id)!.figures.table2['行政规范性文件']).toEqual({
        made: 4,
        repealed: 1,
        inForce: 4,
      });
    } else expect(batch.get(town.id)!.figures.table3['一']?.[6]).toBe(4);
  });

  it('the dashboard agrees with the editor on status and failing checks, and marks 逾期 by kind', async () => {
    await app.reports.reports.create(admin.ctx, dept.id, 2026);
    const rows = await app.reports.dashboard.rows(units, 2026);
    for (const r of rows) {
      const view = await app.reports.reports.view(admin.ctx, r.unit.id, 2026);
      expect(r.status, r.unit.name).toBe(view.status);
      expect(r.errors, r.unit.name).toBe(view.checks.filter((c) => c.severity === 'error').length);
    }
    expect(rows.map((r) => [r.unit.name, r.status, r.deadline, r.overdue])).toEqual([
      [county.name, 'not_started', '2027-03-31', false],
      [dept.name, 'draft', '2027-01-31', false],
      [other.name, 'not_started', '2027-01-31', false],
      [town.name, 'not_started', '2027-01-31', false],
    ]);
    app.clock.set(at('2027-02-01T02:00:00Z'));
    const late = await app.reports.dashboard.rows(units, 2026);
    expect(late.map((r) => r.overdue)).toEqual([false, true, true, true]);
    app.clock.set(at('2027-01-15T02:00:00Z'));
  });

  it('a township takes the local date set at the county; a bad date names the field and changes nothing', async () => {
    await expect(
      app.reports.dashboard.writeSettings(admin.ctx, county, { townshipDeadline: '2月30日' }),
    ).rejects.toMatchObject({ problems: [{ field: 'townshipDeadline' }] });
    expect((await app.reports.dashboard.rows([town], 2026))[0]!.deadline).toBe('2027-01-31');
    await app.reports.dashboard.writeSettings(admin.ctx, county, { townshipDeadline: '2月10日' });
    const rows = await app.reports.dashboard.rows([dept, town], 2026);
    expect(rows.map((r) => r.deadline)).toEqual(['2027-01-31', '2027-02-10']);
    const audit = await app.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'report.settings')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the daily job records one reminder per unit, kind and day, and the pages show it', async () => {
    const jobs = reportsModule.jobs?.(app.reports) ?? [];
    expect(jobs.map((j) => [j.id, j.kind])).toEqual([['reports.deadline-reminders', 'daily']]);
    const first = await app.reports.reminders.run('2027-01-28');
    // dept, other (01-31: 3 days before); town (02-10: 13 days) and county (03-31) not due.
    expect(first).toEqual({ year: 2026, recorded: 2, already: 0 });
    const again = await app.reports.reminders.run('2027-01-28');
    expect(again).toEqual({ year: 2026, recorded: 0, already: 2 });
    const rows = await app.db.selectFrom('annual_report_reminders').selectAll().orderBy('unit_id').execute();
    expect(rows.map((r) => [r.unit_id, r.kind, r.day])).toEqual([
      [dept.id, 'before_3', '2027-01-28'],
      [other.id, 'before_3', '2027-01-28'],
    ]);
    const events = await app.db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('action', '=', 'report.reminder')
      .execute();
    expect(events.map((e) => Number(e.target_id)).sort()).toEqual([dept.id, other.id].sort());
    expect((await app.reports.reminders.run('2027-02-01')).recorded).toBe(2); // overdue, every day
    expect((await app.reports.reminders.run('2027-01-31')).recorded).toBe(1); // town: 10 days before

    const editor = await browser.get(`/admin/reports/units/${dept.id}/2026`);
    expect(editor.body).toContain('已于 2027-02-01 提醒：已超过期限（2027-01-31）1 天，尚未发布');
    const dash = await browser.get('/admin/reports?year=2026');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('已于 2027-02-01 提醒');
  });

  it('shows the dashboard with counts per status and filters by status', async () => {
    const all = await browser.get('/admin/reports?year=2026');
    expect(all.body).toContain('全部 4');
    expect(all.body).toContain('未开始 3');
    expect(all.body).toContain('草稿 1');
    const drafts = await browser.get('/admin/reports?year=2026&status=draft');
    expect(drafts.body).toContain(dept.name);
    expect(drafts.body).not.toContain(`>${other.name}<`);
  });

  it('sums the subtree and links each total to its records', async () => {
    const page = await browser.get(`/admin/reports/totals?unit=${county.id}&year=2026`);
    expect(page.statusCode).toBe(200);
    const computed = await app.reports.figures.compute(county, 2026, true);
    expect(computed.figures.table3['一']?.[6]).toBe(5); // dept 3, other 1, county 1
    const href = `/admin/reports/totals/cells/${encodeURIComponent('table3.一.total')}?unit=${county.id}&amp;year=2026`;
    expect(page.body).toContain(`href="${href}"`);
    const cell = await browser.get(href.replace('&amp;', '&'));
    expect(cell.statusCode).toBe(200);
    expect(cell.body).toContain('依据的记录（5 条）');
  });

  it('refuses the settings and totals to a clerk, who still sees the dashboard', async () => {
    const clerk = await buildUser(app, dept, ['clerk']);
    const b = new Browser(server);
    await b.login(clerk.username, PASSWORD);
    expect((await b.get('/admin/reports')).statusCode).toBe(200);
    expect((await b.get('/admin/reports/settings')).statusCode).toBe(403);
    expect((await b.get(`/admin/reports/totals?unit=${county.id}`)).statusCode).toBe(403);
  });
});
