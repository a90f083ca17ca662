/**
 * Per-unit letter templates on both engines: a unit's own version is used for that unit's cases only
 * (others keep the global one), numbering stays per unit and year, the editing pages show which
 * version is in force, a reset returns to the global one; every change is audited.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { requestExtras } from './requests.services.ts';

const CITIZEN = {
  applicantKind: 'citizen',
  name: '孙模板',
  idType: 'passport',
  idNumber: 'E12345678',
  address: '某路 1 号',
  postcode: '100000',
  phone: '13900139000',
  infoDescription: '某项目的批复文件',
  deliveryMethod: 'post',
  carrier: 'paper',
  channel: 'in_person',
  receivedOn: '2026-03-02',
};
const KIND = 'correction_notice';

describe(`per-unit letter templates on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let other: Unit;
  let deptAdmin: { ctx: CallContext; username: string };
  let otherAdmin: CallContext;
  let countyAdmin: CallContext;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const units = await buildCounty(app);
    ({ dept, other } = units);
    deptAdmin = await buildUser(app, dept, ['disclosure_admin']);
    otherAdmin = (await buildUser(app, other, ['disclosure_admin'])).ctx;
    countyAdmin = (await buildUser(app, units.county, ['disclosure_admin'])).ctx;
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  const letters = () => requestExtras(app).letters;
  const issue = async (unit: Unit, by: CallContext) => {
    const { id } = await app.requests.service.intake(by, unit.id, CITIZEN);
    return letters().issue(by, id, { kind: KIND });
  };
  const actions = async () => (await app.auditRepo.list({}, 100)).map((e) => e.action);

  it('uses a unit’s own version for that unit’s cases only; numbering stays per unit and year', async () => {
    await letters().saveTemplate(countyAdmin, KIND, { title: '补正通知书', body: '全局正文 {受理编号}' });
    await letters().saveTemplate(
      deptAdmin.ctx,
      KIND,
      { title: '补正申请通知书', body: '本局正文 {受理编号}' },
      dept.id,
    );
    const mine = await issue(dept, deptAdmin.ctx);
    const theirs = await issue(other, otherAdmin);
    expect(mine).toMatchObject({ title: '补正申请通知书' });
    expect(mine.body).toMatch(/^本局正文 /);
    expect(theirs).toMatchObject({ title: '补正通知书' });
    expect(theirs.body).toMatch(/^全局正文 /);
    expect(mine.number).toMatch(/〔2026〕1号$/);
    expect(theirs.number).toMatch(/〔2026〕1号$/);
    expect((await letters().template(KIND, dept.id)).source).toBe('unit');
    expect((await letters().template(KIND, other.id)).source).toBe('global');
    expect((await letters().template('fee_notice', dept.id)).source).toBe('default');
    expect(await actions()).toContain('request.unit_letter_template');
  });

  it('refuses another unit’s administrator and empty fields, changing nothing', async () => {
    await expect(
      letters().saveTemplate(otherAdmin, KIND, { title: '别人的', body: '正文' }, dept.id),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(letters().resetTemplate(otherAdmin, KIND, dept.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      letters().saveTemplate(deptAdmin.ctx, KIND, { title: '', body: '' }, dept.id),
    ).rejects.toMatchObject({ code: 'validation', problems: [{ field: 'title' }, { field: 'body' }] });
    expect((await letters().template(KIND, dept.id)).title).toBe('补正申请通知书');
  });

  it('shows which version is in force and resets to the global one over HTTP', async () => {
    const b = new Browser(server);
    await b.login(deptAdmin.username, PASSWORD);
    const list = await b.get(`/admin/requests/templates?unit=${dept.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('本单位模板');
    const url = `/admin/requests/templates/${KIND}?unit=${dept.id}`;
    const edit = await b.get(url);
    expect(edit.body).toContain('目前使用<strong>本单位模板</strong>');
    expect(edit.body).toContain('恢复使用全局模板');
    const bad = await b.post(url, { title: '', body: '仍保留的正文' }, { csrfFrom: url });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('仍保留的正文');
    expect((await b.get(`/admin/requests/templates?unit=${other.id}`)).statusCode).toBe(403);
    const reset = await b.post(
      `/admin/requests/templates/${KIND}/reset?unit=${dept.id}`,
      {},
      { csrfFrom: url },
    );
    expect(reset.statusCode).toBe(303);
    expect((await letters().template(KIND, dept.id)).source).toBe('global');
    expect(reset.headers.location).toBe(`${url}&done=reset`);
    const after = await b.get(String(reset.headers.location));
    expect(after.body).toContain('已恢复使用全局模板');
    expect(after.body).not.toContain('删除本单位模板');
    const again = await b.post(
      `/admin/requests/templates/${KIND}/reset?unit=${dept.id}`,
      {},
      { csrfFrom: url },
    );
    expect(again.statusCode).toBe(409);
    expect((await issue(dept, deptAdmin.ctx)).body).toMatch(/^全局正文 /);
    const audit = (await app.auditRepo.list({}, 100)).find(
      (e) => e.action === 'request.unit_letter_template_reset',
    );
    expect(audit).toMatchObject({ target_type: 'unit', target_id: String(dept.id) });
  });
});
