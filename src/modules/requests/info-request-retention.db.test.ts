/**
 * Retention of applicant data on both engines, with a fixed clock: the daily job erases the personal
 * data of cases concluded longer ago than the unit's retention period (default 10 years), deletes the
 * ID scan, clears applicant_key, keeps what the statistics need, is idempotent, safe with two
 * processes, and audited without personal data.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD, SYSTEM } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { ERASED_APPLICANT_MARKER } from './info-request-lifecycle.repository.ts';
import { DEFAULT_APPLICANT_RETENTION_YEARS, retentionCutoff } from './info-request-retention.service.ts';
import { requestExtras } from './requests.services.ts';

const CITIZEN = {
  applicantKind: 'citizen',
  name: '赵保存',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  address: '测试县人民路 8 号',
  postcode: '100000',
  phone: '13800138000',
  infoName: '某项目批复',
  deliveryMethod: 'post',
  carrier: 'paper',
};

describe(`retention of applicant data on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let other: Unit;
  let admin: { ctx: CallContext; username: string };
  let otherAdmin: CallContext;
  let reviewer: CallContext;
  const ids = { closed: 0, answered: 0, open: 0, short: 0, appealed: 0 };
  const codes = new Map<number, string>();
  const at = (date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));
  const row = async (id: number) => (await app.requests.repo.findById(id))!;

  const intake = async (unit: Unit, by: CallContext, date: string) => {
    at(date);
    const input = { ...CITIZEN, channel: 'in_person', receivedOn: date };
    const { id, lookupCode } = await app.requests.service.intake(by, unit.id, input);
    codes.set(id, lookupCode);
    return id;
  };
  const conclude = async (id: number, by: CallContext, date: string, close = true) => {
    at(date);
    const t = app.requests.transitions;
    await t.run(by, id, 'draft_reply', { decision: 'granted' });
    await t.run(by, id, 'submit_review');
    await t.run(reviewer, id, 'pass_review');
    await requestExtras(app).letters.issue(by, id, { kind: 'disclosure_notice' });
    await t.run(by, id, 'answer', { deliveryMethod: 'post', answeredOn: date });
    if (close) await t.run(by, id, 'close');
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { county, ...depts } = await buildCounty(app);
    ({ dept, other } = depts);
    admin = await buildUser(app, dept, ['disclosure_admin']);
    otherAdmin = (await buildUser(app, other, ['disclosure_admin'])).ctx;
    reviewer = (await buildUser(app, county, ['reviewer'])).ctx; // covers both departments
    server = await startTestServer(app);
    // dept keeps the default (10 years); other keeps applicant data for 2 years
    await requestExtras(app).settings.save(otherAdmin, other.id, { applicantRetentionYears: '2' });
    ids.closed = await intake(dept, admin.ctx, '2026-03-02');
    await conclude(ids.closed, admin.ctx, '2026-03-20');
    await requestExtras(app).records.insertFile({
      request_id: ids.closed,
      kind: 'id_scan',
      file_name: '身份证.png',
      file_kind: 'png',
      size: 3,
      content_enc: 'encrypted-scan',
      created_at: app.clock.now().toISOString(),
    });
    ids.answered = await intake(dept, admin.ctx, '2026-03-03');
    await conclude(ids.answered, admin.ctx, '2026-03-23', false); // 已答复, never closed by staff
    ids.open = await intake(dept, admin.ctx, '2026-03-04');
    ids.short = await intake(other, otherAdmin, '2026-03-05');
    await conclude(ids.short, otherAdmin, '2026-03-20');
    ids.appealed = await intake(other, otherAdmin, '2026-03-06');
    await conclude(ids.appealed, otherAdmin, '2026-03-20');
    await requestExtras(app).appeals.record(otherAdmin, ids.appealed, {
      kind: 'litigation_direct',
      filedOn: '2026-03-20',
      body: '测试县人民法院',
      result: 'pending',
    });
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('computes the cutoff a whole number of years back (29 Feb → 28 Feb)', () => {
    expect(retentionCutoff('2036-03-21', 10)).toBe('2026-03-21');
    expect(retentionCutoff('2028-02-29', 1)).toBe('2027-02-28');
    expect(DEFAULT_APPLICANT_RETENTION_YEARS).toBe(10);
  });

  it('rejects a retention period under one year, naming the field', async () => {
    await expect(
      requestExtras(app).settings.save(otherAdmin, other.id, { applicantRetentionYears: '0' }),
    ).rejects.toMatchObject({ code: 'validation', problems: [{ field: 'applicantRetentionYears' }] });
    expect((await requestExtras(app).settings.forUnit(other.id)).applicantRetentionYears).toBe(2);
    expect((await requestExtras(app).settings.forUnit(dept.id)).applicantRetentionYears).toBe(10);
  });

  it('erases on the unit’s own period, keeps open, appealed and younger cases', async () => {
    const retention = app.requests.jobs.retention;
    at('2028-03-20'); // exactly 2 years after 办结: not yet
    expect(await retention.erase('2028-03-20')).toEqual({ erased: 0, references: [] });
    at('2028-03-21');
    const statsBefore = await app.requests.stats.annual(SYSTEM, other.id, 2026);
    const [r1, r2] = await Promise.all([retention.runDaily(), retention.runDaily()]);
    const ran = [r1, r2].filter((r) => r.ran);
    expect(ran).toHaveLength(1);
    const short = await row(ids.short);
    expect(ran[0]).toMatchObject({ result: { erased: 1, references: [short.reference] } });
    expect(short).toMatchObject({
      applicant_enc: ERASED_APPLICANT_MARKER,
      applicant_key: null,
      applicant_erased_on: '2028-03-21',
      applicant_kind: 'citizen',
      report_category: 'natural_person',
      decision: 'granted',
      received_on: '2026-03-05',
    });
    expect((await row(ids.appealed)).applicant_erased_on).toBeNull(); // 诉讼 still pending
    expect((await row(ids.closed)).applicant_erased_on).toBeNull(); // dept: 10 years
    const statsAfter = await app.requests.stats.annual(SYSTEM, other.id, 2026);
    expect(statsAfter.table3).toEqual(statsBefore.table3);
  });

  it('erases after the default 10 years, deletes the ID scan, and is idempotent', async () => {
    const retention = app.requests.jobs.retention;
    at('2036-03-20');
    expect((await retention.erase('2036-03-20')).references).toEqual([]);
    at('2036-03-21');
    const both = await Promise.all([retention.erase('2036-03-21'), retention.erase('2036-03-21')]);
    expect(both.reduce((n, r) => n + r.erased, 0)).toBe(1); // two processes: each case once
    expect(both.flatMap((r) => r.references)).toEqual([(await row(ids.closed)).reference]);
    expect(await requestExtras(app).records.files(ids.closed)).toEqual([]);
    expect((await row(ids.open)).applicant_erased_on).toBeNull();
    at('2036-03-24');
    expect((await retention.erase('2036-03-24')).references).toEqual([(await row(ids.answered)).reference]);
    expect((await retention.erase('2036-03-24')).erased).toBe(0);
    const audit = await app.auditRepo.list({}, 500);
    const perCase = audit.filter((e) => e.action === 'request.applicant_erased');
    expect(perCase.map((e) => Number(e.target_id)).sort()).toEqual(
      [ids.short, ids.closed, ids.answered].sort(),
    );
    expect(audit.filter((e) => e.action === 'request.retention_run').length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(audit.filter((e) => e.action.startsWith('request.')))).not.toMatch(
      /赵保存|13800138000|11010519491231002X/,
    );
  });

  it('shows the erasure on the case page and keeps the public status page working', async () => {
    const handled = await app.requests.service.getForHandling(admin.ctx, ids.closed);
    expect(handled.applicant.name).toBe('（已清除）');
    const b = new Browser(server);
    await b.login(admin.username, PASSWORD);
    const page = await b.get(`/admin/requests/${ids.closed}?show=1`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('申请人信息已按保存期限清除（2036-03-21）');
    expect(page.body).not.toContain('赵保存');
    const list = await app.requests.service.list(admin.ctx);
    expect(list.items.find((i) => i.id === ids.closed)?.applicantName).toBe('（已清除）');
    expect(list.items.find((i) => i.id === ids.open)?.applicantName).toBe('赵保存'); // the handler
    const closed = await row(ids.closed);
    const status = await app.requests.service.lookupStatus(closed.reference, codes.get(ids.closed) ?? '');
    expect(status.stateLabel).toBe('已办结');
    expect(status.letters[0]?.body).toMatch(/^申请人：/);
  });
});
