/** 0014-typed-settings: the per-unit 依申请公开 settings move into the settings table and back. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateUp, migrationStatus } from '../../src/db/migrator.ts';
import type { Unit } from '../../src/db/schema.ts';
import { requestExtras } from '../../src/modules/requests/requests.services.ts';
import { buildCounty, buildUser } from '../support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`migration 0014-typed-settings on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Unit;
  let dept: Unit;
  beforeEach(async () => {
    app = await createTestApp();
    ({ county, dept } = await buildCounty(app));
  });
  afterEach(async () => app.destroy());

  const db = () => app.database.db as never as import('kysely').Kysely<any>;
  const requestRows = async () =>
    (
      (await db()
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', 'like', 'requests.%')
        .execute()) as {
        key: string;
        value: string;
      }[]
    ).sort((a, b) => (a.key < b.key ? -1 : 1));
  const applied = async () =>
    (await migrationStatus(app.database.db)).find((s) => s.name === '0014-typed-settings')?.executedAt;

  it('moves every value set into one row per setting and unit, and back on the way down', async () => {
    const admin = (await buildUser(app, county, ['disclosure_admin'])).ctx;
    await requestExtras(app).settings.save(admin, dept.id, {
      acceptingBody: '测试县人民政府办公室',
      postcode: '425000',
      letterPrefix: '测试发改依告',
      feePaymentWorkingDays: '10',
      applicantRetentionYears: '3',
    });
    const before = await requestExtras(app).settings.forUnit(dept.id);

    while (await applied()) await migrateDown(app.database.db);
    expect(await requestRows()).toEqual([]);
    const old = await db().selectFrom('info_request_settings').selectAll().execute();
    expect(old).toEqual([
      expect.objectContaining({
        unit_id: dept.id,
        accepting_body: '测试县人民政府办公室',
        address: null,
        postcode: '425000',
        letter_prefix: '测试发改依告',
        fee_payment_working_days: 10,
        applicant_retention_years: 3,
      }),
    ]);
    // a row as the old settings page wrote it: empty fields null, the fee period always set
    await db()
      .insertInto('info_request_settings')
      .values({
        unit_id: county.id,
        phone: '0746-1234567',
        fee_payment_working_days: 20,
        updated_at: '2026-01-05T00:00:00.000Z',
      })
      .execute();

    await migrateUp(app.database.db);
    expect(await applied()).toBeTruthy();
    expect((await app.database.db.introspection.getTables()).map((t) => t.name)).not.toContain(
      'info_request_settings',
    );
    expect(await requestRows()).toEqual(
      [
        [`requests.accepting_body.${dept.id}`, '"测试县人民政府办公室"'],
        [`requests.applicant_retention_years.${dept.id}`, '3'],
        [`requests.fee_payment_working_days.${county.id}`, '20'],
        [`requests.fee_payment_working_days.${dept.id}`, '10'],
        [`requests.letter_prefix.${dept.id}`, '"测试发改依告"'],
        [`requests.phone.${county.id}`, '"0746-1234567"'],
        [`requests.postcode.${dept.id}`, '"425000"'],
      ]
        .map(([key, value]) => ({ key, value }))
        .sort((a, b) => (a.key! < b.key! ? -1 : 1)),
    );
    expect(await requestExtras(app).settings.forUnit(dept.id)).toEqual(before);
    const c = await requestExtras(app).settings.forUnit(county.id);
    expect(c).toMatchObject({
      phone: '0746-1234567',
      feePaymentWorkingDays: 20,
      applicantRetentionYears: 10,
    });
    expect(c.explicit).toMatchObject({ phone: '0746-1234567', feePaymentWorkingDays: 20, address: null });
  });
});
