import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';

describe(`working-day calendar service on ${ENGINE}`, () => {
  let app: TestApp;
  let warnings: string[];
  beforeEach(async () => {
    app = await createTestApp();
    warnings = [];
    (app.calendar as unknown as { d: { warn: (m: string) => void } }).d.warn = (m) => warnings.push(m);
  });
  afterEach(async () => app.destroy());

  it('uses the seeded data: 2025 National Day and its make-up Saturday', async () => {
    const cal = await app.calendar.calendar();
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2025-10-11')).toBe(true);
    expect(cal.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
  });

  it('warns loudly for a year without data and falls back to Monday–Friday', async () => {
    const cal = await app.calendar.calendar();
    expect(cal.isWorkingDay('2027-01-01')).toBe(true);
    expect(warnings.join()).toMatch(/2027/);
  });

  it('an administrator-entered year wins over the seed and is audited', async () => {
    const { county } = await buildCounty(app);
    const admin = await buildUser(app, county, ['system_admin']);
    await app.calendar.saveYear(admin.ctx, {
      year: '2027',
      holidays: '2027-01-01\n2027-02-05~2027-02-11',
      workdays: '2027-02-14',
      note: '测试安排',
    });
    const cal = await app.calendar.calendar();
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
    expect(cal.isWorkingDay('2027-02-14')).toBe(true);
    expect(cal.hasYear(2027)).toBe(true);
    expect((await app.calendar.yearsOverview()).find((y) => y.year === 2027)?.source).toBe('admin');
    const [e] = await app.auditRepo.list({ action: 'calendar.' }, 1);
    expect(e!.summary).toContain('2027');

    // Correcting a seeded year replaces the seed for that year only.
    await app.calendar.saveYear(SYSTEM, { year: '2026', holidays: '', workdays: '' });
    const corrected = await app.calendar.calendar();
    expect(corrected.isWorkingDay('2026-10-01')).toBe(true);
    expect(corrected.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('rejects a make-up day that is not a weekend, naming the field, and changes nothing', async () => {
    await expect(
      app.calendar.saveYear(SYSTEM, { year: '2027', holidays: '2027-01-01', workdays: '2027-02-08' }),
    ).rejects.toMatchObject({
      problems: [{ field: 'workdays' }],
    });
    expect((await app.calendar.yearsOverview()).some((y) => y.year === 2027)).toBe(false);
  });

  it('only a 系统管理员 may edit the calendar', async () => {
    const { county } = await buildCounty(app);
    const clerk = await buildUser(app, county, ['clerk', 'security_admin']);
    await expect(app.calendar.saveYear(clerk.ctx, { year: '2027' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
