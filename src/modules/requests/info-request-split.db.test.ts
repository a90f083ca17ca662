/**
 * 一事一申请 splitting on both engines: linked cases with their own 受理编号 and 查询码, the same
 * applicant, channel, date of receipt and due date; audit and timeline for each case; statistics
 * count every split case as one application; the form over HTTP keeps input and names fields.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, PASSWORD, SYSTEM } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { splitVersion } from './info-request-split.service.ts';
import { requestExtras } from './requests.services.ts';

const CITIZEN = {
  applicantKind: 'citizen',
  name: '王小明',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  address: '测试县人民路 8 号',
  postcode: '100000',
  phone: '13800138000',
  infoName: '2025 年城区道路改造项目批复',
  infoDescription: '以及污水处理厂扩建环评批复、2025 年部门预算',
  deliveryMethod: 'email',
  carrier: 'electronic',
  email: 'wxm@example.com',
};
const ITEMS = {
  item1Name: '2025 年城区道路改造项目批复',
  item2Name: '县城污水处理厂扩建工程环境影响评价批复',
  item2DocNumber: '示环审〔2025〕12号',
  item3Description: '2025 年度部门预算',
};

describe(`一事一申请 splitting on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;
  let other: Unit;
  let clerk: { ctx: CallContext; username: string };
  const at = (date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    ({ dept, other } = await buildCounty(app));
    clerk = await buildUser(app, dept, ['clerk']);
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  const intake = async (receivedOn: string, unit = dept, by = clerk.ctx) => {
    at(receivedOn);
    return (
      await app.requests.service.intake(by, unit.id, { ...CITIZEN, channel: 'registered_mail', receivedOn })
    ).id;
  };
  const row = async (id: number) => (await app.requests.repo.findById(id))!;
  const split = async (id: number, items: Record<string, string>, ctx = clerk.ctx) => {
    const children = (await requestExtras(app).split.links(await row(id))).children.length;
    const version = splitVersion((await row(id)).updated_at, children);
    return requestExtras(app).split.split(ctx, id, { ...items, version });
  };

  it('creates linked cases with the same applicant, channel, receipt and due date', async () => {
    const id = await intake('2026-03-02');
    at('2026-03-05');
    const children = await split(id, ITEMS);
    expect(children.map((c) => c.reference)).toEqual([`${dept.code}-2026-00002`, `${dept.code}-2026-00003`]);
    const parent = await row(id);
    expect(parent).toMatchObject({ state: 'accepted', info_name: ITEMS.item1Name, info_description: null });
    for (const [i, c] of children.entries()) {
      const child = await row(c.id);
      expect(child).toMatchObject({
        state: 'accepted',
        unit_id: dept.id,
        channel: 'registered_mail',
        received_on: '2026-03-02',
        submitted_at: parent.submitted_at,
        due_date: parent.due_date,
        applicant_enc: parent.applicant_enc,
        applicant_key: parent.applicant_key,
        applicant_kind: 'citizen',
        report_category: 'natural_person',
        split_from_id: id,
        handler_user_id: parent.handler_user_id,
      });
      expect(c.lookupCode).toMatch(/^[A-Z0-9]{10}$/);
      expect(child.lookup_code_hash).not.toBe(parent.lookup_code_hash);
      expect(child.info_name ?? child.info_description).toBe(
        i === 0 ? ITEMS.item2Name : ITEMS.item3Description,
      );
    }
    expect((await row(children[0]!.id)).info_doc_number).toBe(ITEMS.item2DocNumber);
    // the handler reads the same applicant on a split case, and the clock explains the shared receipt
    const handled = await app.requests.service.getForHandling(clerk.ctx, children[0]!.id);
    expect(handled.applicant.name).toBe('王小明');
    expect(handled.clock?.dueDate).toBe(parent.due_date);
    expect(handled.clock?.lines[0]?.text).toContain(`按“一事一申请”拆分而来`);
    expect(handled.clock?.lines[0]?.text).toContain('2026-03-02');
    // links both ways, with the 查询码 for staff
    const links = await requestExtras(app).split.links(parent);
    expect(links.children.map((c) => [c.reference, c.lookupCode])).toEqual(
      children.map((c) => [c.reference, c.lookupCode]),
    );
    expect((await requestExtras(app).split.links(await row(children[1]!.id))).parent).toEqual({
      id,
      reference: parent.reference,
    });
    // the public status page of each shows the links as 受理编号 only
    const child = await app.requests.service.lookupStatus(children[0]!.reference, children[0]!.lookupCode);
    expect(child).toMatchObject({ splitFrom: parent.reference, splitInto: [], receivedOn: '2026-03-02' });
    expect(child.timeline[0]?.note).toContain(`由申请 ${parent.reference} 按“一事一申请”拆分而来`);
    const audit = await app.auditRepo.list({}, 50);
    expect(audit.filter((e) => e.action === 'request.split_created').map((e) => e.target_id)).toEqual(
      expect.arrayContaining(children.map((c) => String(c.id))),
    );
    expect(audit.find((e) => e.action === 'request.split')?.target_id).toBe(String(id));
    expect(JSON.stringify(audit.filter((e) => e.action.startsWith('request.split')))).not.toContain('王小明');
  });

  it('gives each split case its own 按件 ordinal in the applicant’s month (国办函〔2020〕109号)', async () => {
    const unit = (await buildCounty(app)).dept;
    const admin = await buildUser(app, unit, ['disclosure_admin']);
    const id = await intake('2026-04-01', unit, admin.ctx);
    const children = await split(id, ITEMS, admin.ctx);
    const fees = requestExtras(app).fees;
    const ordinals = [];
    for (const caseId of [id, ...children.map((c) => c.id)])
      ordinals.push(await fees.ordinalInMonth(await row(caseId)));
    expect(ordinals).toEqual([1, 2, 3]);
  });

  it('copies the clock history (补正 received) so the due date is the same', async () => {
    const id = await intake('2026-03-09');
    at('2026-03-10');
    await app.requests.transitions.run(clerk.ctx, id, 'request_correction', { periodWorkingDays: '10' });
    at('2026-03-16');
    await app.requests.transitions.run(clerk.ctx, id, 'receive_correction', { receivedOn: '2026-03-16' });
    const [c] = await split(id, ITEMS);
    const parent = await row(id);
    expect(await row(c!.id)).toMatchObject({
      correction_received_on: '2026-03-16',
      due_date: parent.due_date,
    });
    expect(parent.due_date).toBe('2026-04-14'); // 20 WD after the 补正 (清明 4 Apr–6 Apr skipped)
  });

  it('refuses other states, stale forms, strangers, and bad items (nothing changed)', async () => {
    const id = await intake('2026-03-02');
    const before = await row(id);
    const problems = async (p: Promise<unknown>) => {
      const e = (await p.then(
        () => null,
        (x: unknown) => x,
      )) as { code: string; problems: { field: string; message: string }[] };
      return { code: e.code, fields: Object.fromEntries(e.problems.map((x) => [x.field, x.message])) };
    };
    const onlyOne = await problems(split(id, { item1Name: '甲' }));
    expect(onlyOne.code).toBe('validation');
    expect(onlyOne.fields.item2Description).toContain('拆分至少需要两项');
    const noFirst = await problems(split(id, { item2Name: '乙', item3Name: '丙' }));
    expect(noFirst.fields.item1Description).toContain('第 1 项');
    const twice = await problems(split(id, { item1Name: '甲', item2Name: '甲' }));
    expect(twice.fields.item2Description).toContain('与前面的一项相同');
    const long = await problems(split(id, { item1Name: '甲', item2DocNumber: '号'.repeat(101) }));
    expect(long.fields.item2DocNumber).toBe('第 2 项的文号不能超过 100 个字');
    await expect(
      requestExtras(app).split.split(clerk.ctx, id, { ...ITEMS, version: '2020-01-01T00:00:00.000Z' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const stranger = (await buildUser(app, other, ['clerk'])).ctx;
    await expect(split(id, ITEMS, stranger)).rejects.toMatchObject({ code: 'forbidden' });
    await app.requests.transitions.run(clerk.ctx, id, 'draft_reply', { decision: 'granted' });
    const drafting = await problems(split(id, ITEMS));
    expect(drafting.code).toBe('invalid_transition');
    expect(drafting.fields._).toContain('只有“已受理”的申请可以拆分');
    const after = await row(id);
    expect(after.info_name).toBe(before.info_name);
    expect(await requestExtras(app).split.links(after)).toEqual({ parent: null, children: [] });
  });

  it('counts every split case as one application in table 三 (一、本年新收)', async () => {
    const unit = (await buildCounty(app)).dept;
    const admin = await buildUser(app, unit, ['disclosure_admin']);
    const id = await intake('2026-03-02', unit, admin.ctx);
    const before = await app.requests.stats.annual(SYSTEM, unit.id, 2026);
    const newRow = (s: typeof before) => s.table3.rows.find((r) => r.key === 'new')!.values;
    expect(newRow(before).total).toBe(1);
    await split(id, ITEMS, admin.ctx);
    const after = await app.requests.stats.annual(SYSTEM, unit.id, 2026);
    expect(newRow(after)).toMatchObject({ natural_person: 3, total: 3 });
    expect(after.table3.rows.find((r) => r.key === 'carried_out')!.values.total).toBe(3);
    expect(after.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
    expect(after.checks.length).toBeGreaterThan(0);
  });

  it('splits from the case page; a bad form is shown again with field messages and the input kept', async () => {
    const id = await intake('2026-03-02');
    const b = new Browser(server);
    await b.login(clerk.username, PASSWORD);
    const page = await b.get(`/admin/requests/${id}`);
    expect(page.body).toContain('拆分申请（一事一申请）');
    const version = /name="version" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const bad = await b.post(
      `/admin/requests/${id}/split`,
      { version, item1Name: '甲项信息', item2DocNumber: '号'.repeat(101) },
      { csrfFrom: `/admin/requests/${id}` },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-item2DocNumber"');
    expect(bad.body).toContain('第 2 项的文号不能超过 100 个字');
    expect(bad.body).toContain('value="甲项信息"');
    expect(await requestExtras(app).split.links(await row(id))).toEqual({ parent: null, children: [] });
    const ok = await b.post(
      `/admin/requests/${id}/split`,
      { version, item1Name: '甲项信息', item2Name: '乙项信息' },
      { csrfFrom: `/admin/requests/${id}` },
    );
    expect(ok.statusCode).toBe(303);
    const [child] = (await requestExtras(app).split.links(await row(id))).children;
    const shown = await b.get(`/admin/requests/${id}?done=split`);
    expect(shown.body).toContain(child!.reference);
    expect(shown.body).toContain(child!.lookupCode);
    // the same form sent again (back button) does not split twice
    const again = await b.post(
      `/admin/requests/${id}/split`,
      { version, item1Name: '甲项信息', item2Name: '乙项信息' },
      { csrfFrom: `/admin/requests/${id}` },
    );
    expect(again.statusCode).toBe(409);
    expect((await requestExtras(app).split.links(await row(id))).children).toHaveLength(1);
    const childPage = await b.get(`/admin/requests/${child!.id}`);
    expect(childPage.body).toContain(`href="/admin/requests/${id}"`);
  });
});
