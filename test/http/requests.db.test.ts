/**
 * 依申请公开 over HTTP on both engines (issue 4 §1, §2, §4): the public form's field checks with the
 * input kept, uploads, the anti-abuse measures, idempotent submission, the status lookup, the answer
 * guard (decision AND letter), letter numbering, fee notices and the statistics endpoint.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { requestExtras } from '../../src/modules/requests/requests.services.ts';
import { buildUnit, buildUser } from '../support/factories.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const CITIZEN = {
  applicantKind: 'citizen',
  name: '张三丰',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  address: '示范县人民路 8 号',
  postcode: '410000',
  phone: '13800138000',
  email: 'zsf@example.com',
  infoName: '2025 年城区道路改造项目批复',
  deliveryMethod: 'email',
  carrier: 'electronic',
};

const hidden = (body: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';

describe(`依申请公开 over HTTP on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let dept: Unit;

  beforeAll(async () => {
    app = await createTestApp({
      now: '2026-03-02T02:00:00Z',
      env: { REQUEST_FORM_MAX_PER_IP_PER_MINUTE: '1000', REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: '1000' },
    });
    await seedDemo(app);
    server = await startTestServer(app);
    dept = (await app.unitRepo.findByName('县发展和改革局'))!;
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  /** Loads the form as a browser would, waits like a person, then posts it. */
  async function apply(
    b: Browser,
    fields: Record<string, string>,
    opts: { wait?: boolean; unit?: number } = {},
  ) {
    const url = `/requests/units/${opts.unit ?? dept.id}/apply`;
    const page = await b.get(url);
    const form = {
      formStarted: hidden(page.body, 'formStarted'),
      idempotencyKey: hidden(page.body, 'idempotencyKey'),
    };
    if (opts.wait !== false) app.clock.set(new Date(app.clock.now().getTime() + 5_000));
    const res = await b.post(url, { ...form, ...fields }, { csrfFrom: url });
    return { res, form };
  }
  const codes = (res: LightMyRequestResponse) => ({
    reference: /class="code-box mono">([A-Z0-9-]+)</.exec(res.body)?.[1] ?? '',
    lookupCode: [...res.body.matchAll(/class="code-box mono">([^<]+)</g)][1]?.[1] ?? '',
  });
  const staff = async (user: string) => {
    const b = new Browser(server);
    await b.login(user, DEMO_PASSWORD);
    return b;
  };
  const count = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('info_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('serves the 申请指南, the blank form (.docx), the overview and the application form', async () => {
    const b = new Browser(server);
    expect((await b.get('/requests')).body).toContain('县发展和改革局');
    const guide = await b.get(`/requests/units/${dept.id}`);
    expect(guide.statusCode).toBe(200);
    for (const s of ['受理机构', '0731-88880000', '第三十三条', '国办函〔2020〕109号', '20 个工作日']) {
      expect(guide.body).toContain(s);
    }
    const docx = await b.get(`/requests/units/${dept.id}/form.docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const form = await b.get(`/requests/units/${dept.id}/apply`);
    expect(form.body).toContain('name="website"');
    expect(hidden(form.body, 'formStarted')).toMatch(/^\d+\./);
    expect(hidden(form.body, 'idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('malformed ID number, postcode, phone and e-mail → field messages, input kept', async () => {
    const before = await count();
    const { res } = await apply(new Browser(server), {
      ...CITIZEN,
      idNumber: '110105194912310021',
      postcode: '4100',
      phone: '电话12',
      email: 'not-an-email',
    });
    expect(res.statusCode).toBe(422);
    for (const f of ['idNumber', 'postcode', 'phone', 'email']) expect(res.body).toContain(`href="#f-${f}"`);
    expect(res.body).toContain('value="110105194912310021"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('value="张三丰"');
    expect(await count()).toBe(before);
  });

  it('malformed credit code for an organisation; citizen fields are not required then', async () => {
    const { res } = await apply(new Browser(server), {
      applicantKind: 'organisation',
      name: '示范科技有限公司',
      creditCode: '91430000MA4L00000X',
      legalRepresentative: '王五',
      contactName: '赵六',
      orgCategory: 'commercial',
      address: '示范县科技园 1 号',
      postcode: '410000',
      phone: '0731-88886666',
      infoDescription: '2025 年度企业扶持资金分配结果',
      deliveryMethod: 'post',
      carrier: 'paper',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-creditCode"');
    expect(res.body).not.toContain('href="#f-idNumber"');
    expect(res.body).toContain('value="91430000MA4L00000X"');
  });

  it('refuses oversized and wrongly typed ID scans with a field message', async () => {
    const b = new Browser(server);
    const url = `/requests/units/${dept.id}/apply`;
    const page = await b.get(url);
    app.clock.set(new Date(app.clock.now().getTime() + 5_000));
    const post = async (name: string, content: Buffer) => {
      const fd = new FormData();
      const fields = {
        ...CITIZEN,
        _csrf: hidden(page.body, '_csrf'),
        formStarted: hidden(page.body, 'formStarted'),
        idempotencyKey: hidden(page.body, 'idempotencyKey'),
      };
      for (const [k, v] of Object.entries(fields)) fd.append(k, v);
      fd.append('idScan', new Blob([new Uint8Array(content)]), name);
      const r = new Response(fd);
      const cookie = (page.cookies as { name: string; value: string }[])
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      return server.inject({
        method: 'POST',
        url,
        payload: Buffer.from(await r.arrayBuffer()),
        headers: { 'content-type': r.headers.get('content-type')!, cookie },
      });
    };
    const before = await count();
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await post('scan.jpg', big);
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.body).toContain('超过大小上限');
    const wrong = await post('scan.exe', Buffer.from('MZ not an image'));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('类型不受支持');
    const renamed = await post('scan.png', Buffer.from('plain text pretending'));
    expect(renamed.body).toContain('内容与扩展名');
    expect(await count()).toBe(before);
    const ok = await post('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('申请已提交');
    expect(await count()).toBe(before + 1);
  });

  it('a double submit creates one application and shows the same 受理编号 and 查询码', async () => {
    const b = new Browser(server);
    const before = await count();
    const { res, form } = await apply(b, CITIZEN);
    expect(res.statusCode).toBe(200);
    const again = await b.post(
      `/requests/units/${dept.id}/apply`,
      { ...form, ...CITIZEN },
      { csrfFrom: '/requests/status' },
    );
    expect(codes(again)).toEqual(codes(res));
    expect(codes(res).lookupCode).toMatch(/^\S{10}$/);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the honeypot and a form posted faster than a person could fill it', async () => {
    const before = await count();
    const bot = await apply(new Browser(server), { ...CITIZEN, website: 'http://spam.example' });
    expect(bot.res.statusCode).toBe(422);
    expect(bot.res.body).toContain('提交未通过校验');
    const fast = await apply(new Browser(server), CITIZEN, { wait: false });
    expect(fast.res.statusCode).toBe(422);
    expect(fast.res.body).toContain('提交过快');
    const forged = await new Browser(server).post(
      `/requests/units/${dept.id}/apply`,
      { ...CITIZEN, formStarted: '1700000000000.forged' },
      { csrfFrom: '/requests/status' },
    );
    expect(forged.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('the status lookup refuses a wrong code and never shows personal data', async () => {
    const b = new Browser(server);
    const { reference, lookupCode } = codes((await apply(b, CITIZEN)).res);
    const wrong = await b.post(
      '/requests/status',
      { reference, lookupCode: 'AAAAAAAAAA' },
      { csrfFrom: '/requests/status' },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('受理编号或查询码不正确');
    const unknown = await b.post(
      '/requests/status',
      { reference: 'NOPE-2026-00001', lookupCode },
      { csrfFrom: '/requests/status' },
    );
    expect(unknown.body).toContain('受理编号或查询码不正确');
    const ok = await b.post('/requests/status', { reference, lookupCode }, { csrfFrom: '/requests/status' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('待确认');
    for (const secret of ['张三丰', '11010519491231002X', '13800138000', 'zsf@example.com'])
      expect(ok.body).not.toContain(secret);
  });

  it('rate-limits the public form and the status lookup per IP (configurable)', async () => {
    const config = {
      ...app.config,
      REQUEST_FORM_MAX_PER_IP_PER_MINUTE: 1,
      REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: 2,
    };
    const limited = await startTestServer({ ...app, config } as TestApp);
    try {
      const b = new Browser(limited);
      const look = () =>
        b.post(
          '/requests/status',
          { reference: 'X-2026-00001', lookupCode: 'AAAAAAAAAA' },
          { csrfFrom: '/requests/status' },
        );
      expect([(await look()).statusCode, (await look()).statusCode, (await look()).statusCode]).toEqual([
        422, 422, 429,
      ]);
      const url = `/requests/units/${dept.id}/apply`;
      const post = () => b.post(url, { website: 'x' }, { csrfFrom: url });
      expect([(await post()).statusCode, (await post()).statusCode]).toEqual([422, 429]);
      expect((await post()).body).toContain('操作过于频繁');
    } finally {
      await limited.close();
    }
  });

  it('staff confirm, draft, review and answer; no answer without a decision AND a letter', async () => {
    const { reference, lookupCode } = codes((await apply(new Browser(server), CITIZEN)).res);
    const id = (await app.requests.repo.findByReference(reference))!.id;
    const clerk = await staff('clerk');
    const list = await clerk.get('/admin/requests?state=pending_confirmation');
    expect(list.body).toContain(reference);
    expect(list.body).not.toContain('张三丰');
    const ev = (event: string, form: Record<string, string> = {}, b = clerk) =>
      b.post(`/admin/requests/${id}/events/${event}`, form, { csrfFrom: `/admin/requests/${id}` });
    expect((await ev('confirm', { receivedOn: '2026-03-02' })).statusCode).toBe(303);
    // a refused workflow step is a conflict with the case's state: 409 (lib/errors.ts HTTP_STATUS)
    expect((await ev('answer', { deliveryMethod: 'email', answeredOn: '2026-03-02' })).statusCode).toBe(409);
    expect(
      (await ev('draft_reply', { decision: 'partial', replySummary: '第 3 页涉及个人隐私，已作遮盖处理。' }))
        .statusCode,
    ).toBe(303);
    expect((await ev('submit_review')).statusCode).toBe(303);
    const self = await ev('pass_review');
    expect(self.statusCode).toBe(403);
    expect((await ev('pass_review', {}, await staff('reviewer'))).statusCode).toBe(303);
    const noLetter = await ev('answer', { deliveryMethod: 'email', answeredOn: '2026-03-02' });
    expect(noLetter.statusCode).toBe(409);
    expect(noLetter.body).toContain('尚未生成答复告知书');
    const page = await clerk.get(`/admin/requests/${id}`);
    expect(page.body).toContain('答复期限的计算');
    expect(page.body).toContain('张三丰'); // the handler who confirmed sees the applicant
    const issued = await clerk.post(
      `/admin/requests/${id}/letters`,
      { letterKind: 'partial_disclosure_notice' },
      { csrfFrom: `/admin/requests/${id}` },
    );
    expect(issued.statusCode).toBe(303);
    expect((await ev('answer', { deliveryMethod: 'email', answeredOn: '2026-03-02' })).statusCode).toBe(303);
    expect((await ev('close')).statusCode).toBe(303);
    const row = (await app.requests.repo.findByReference(reference))!;
    expect(row).toMatchObject({ state: 'closed', decision: 'partial', answered_on: '2026-03-02' });
    const b = new Browser(server);
    const status = await b.post(
      '/requests/status',
      { reference, lookupCode },
      { csrfFrom: '/requests/status' },
    );
    expect(status.body).toContain('已办结');
    expect(status.body).toContain('部分公开告知书');
    expect(status.body).toContain('张**：'); // the letter's addressee, masked like all personal data here
    expect(status.body).not.toContain('张三丰');
    const letterId = /action="\/requests\/status\/letters\/(\d+)"/.exec(status.body)![1];
    const docx = await b.post(
      `/requests/status/letters/${letterId}`,
      { reference, lookupCode },
      { csrfFrom: '/requests/status' },
    );
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const denied = await b.post(
      `/requests/status/letters/${letterId}`,
      { reference, lookupCode: 'WRONGWRONG' },
      { csrfFrom: '/requests/status' },
    );
    expect(denied.statusCode).toBe(404);
  });

  describe('letters, fees and statistics in a fresh unit', () => {
    let unit: Unit;
    let admin: Awaited<ReturnType<typeof buildUser>>;
    let reviewer: Awaited<ReturnType<typeof buildUser>>;
    const at = (date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));
    const intake = async (receivedOn: string, extra: Record<string, string> = {}) => {
      at(receivedOn);
      return (
        await app.requests.service.intake(admin.ctx, unit.id, {
          ...CITIZEN,
          channel: 'in_person',
          receivedOn,
          ...extra,
        })
      ).id;
    };
    const answer = async (id: number, decision: string, date: string) => {
      at(date);
      const t = app.requests.transitions;
      await t.run(admin.ctx, id, 'draft_reply', { decision });
      await t.run(admin.ctx, id, 'submit_review');
      await t.run(reviewer.ctx, id, 'pass_review');
      const row = (await app.requests.repo.findById(id))!;
      await requestExtras(app).letters.issue(admin.ctx, id, {
        kind: requestExtras(app).letters.suggestedKinds(row)[0],
      });
      await t.run(admin.ctx, id, 'answer', { deliveryMethod: 'post', answeredOn: date });
    };

    beforeAll(async () => {
      const county = (await app.unitRepo.findByName('示范县人民政府'))!;
      unit = await buildUnit(app, county, { name: '县统计测试局', shortName: '县统测局' });
      admin = await buildUser(app, unit, ['disclosure_admin']);
      reviewer = await buildUser(app, unit, ['reviewer']);
    });

    it('numbers letters per unit and year with the configurable prefix', async () => {
      const id = await intake('2026-03-02');
      const b = new Browser(server);
      await b.login(admin.username, 'Test@2026pw');
      const issue = (kind: string) =>
        b.post(`/admin/requests/${id}/letters`, { letterKind: kind }, { csrfFrom: `/admin/requests/${id}` });
      expect((await issue('correction_notice')).statusCode).toBe(303);
      expect((await issue('extension_notice')).statusCode).toBe(303);
      const saved = await b.post(
        `/admin/requests/settings?unit=${unit.id}`,
        { letterPrefix: '示范县统测依告', feePaymentWorkingDays: '10' },
        { csrfFrom: `/admin/requests/settings?unit=${unit.id}` },
      );
      expect(saved.statusCode).toBe(303);
      const bad = await b.post(
        `/admin/requests/settings?unit=${unit.id}`,
        { postcode: '12', letterPrefix: '示范县统测依告' },
        { csrfFrom: `/admin/requests/settings?unit=${unit.id}` },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#f-postcode"');
      expect((await issue('correction_notice')).statusCode).toBe(303);
      at('2027-01-04');
      await b.login(admin.username, 'Test@2026pw'); // the session idled out over the year end
      expect((await issue('correction_notice')).statusCode).toBe(303);
      const numbers = (await requestExtras(app).records.letters(id)).map((l) => l.number);
      expect(numbers).toEqual([
        '县统测局依告〔2026〕1号',
        '县统测局依告〔2026〕2号',
        '示范县统测依告〔2026〕3号',
        '示范县统测依告〔2027〕1号',
      ]);
      const letter = await b.get(
        `/admin/requests/letters/${(await requestExtras(app).records.letters(id))[0]!.id}`,
      );
      expect(letter.body).toContain('补正通知书');
      expect(letter.body).toContain('2026年3月2日收到');
    });

    it('fee notice: 按量 by pages, 按件 by the applicant’s month; unpaid → 其他处理 2 in the daily job', async () => {
      const id = await intake('2026-03-03');
      const b = new Browser(server);
      await b.login(admin.username, 'Test@2026pw');
      const noPages = await b.post(
        `/admin/requests/${id}/fees`,
        { method: 'per_page' },
        { csrfFrom: `/admin/requests/${id}` },
      );
      expect(noPages.statusCode).toBe(422);
      expect(noPages.body).toContain('请填写页数');
      expect(
        (
          await b.post(
            `/admin/requests/${id}/fees`,
            { method: 'per_page', pages: '150' },
            { csrfFrom: `/admin/requests/${id}` },
          )
        ).statusCode,
      ).toBe(303);
      const [fee] = await requestExtras(app).fees.list(id);
      // 1–30 free, 31–100 × ¥10 = ¥700, 101–150 × ¥20 = ¥1000; pay within 10 WD (unit setting)
      expect(fee).toMatchObject({
        method: 'per_page',
        amount_fen: 170_000,
        notice_on: '2026-03-03',
        pay_by: '2026-03-17',
        status: 'unpaid',
      });
      const letter = await requestExtras(app).letters.issue(admin.ctx, id, { kind: 'fee_notice' });
      expect(letter.body).toContain('1700.00');
      // 按件: the applicant's 11th application this month costs ¥100
      let eleventh = 0;
      for (let i = 0; i < 9; i++) eleventh = await intake('2026-03-04');
      const counted = await requestExtras(app).fees.ordinalInMonth(
        (await app.requests.repo.findById(eleventh))!,
      );
      expect(counted).toBeGreaterThanOrEqual(11);
      await requestExtras(app).fees.issueNotice(admin.ctx, eleventh, { method: 'per_application' });
      expect((await requestExtras(app).fees.list(eleventh))[0]).toMatchObject({ amount_fen: 10_000 });
      at('2026-03-18');
      const swept = await app.requests.jobs.sweep('2026-03-18');
      expect(swept.feesLapsed).toBeGreaterThanOrEqual(1);
      expect(await app.requests.repo.findById(id)).toMatchObject({
        state: 'closed',
        decision: 'other_fee_unpaid',
      });
      expect((await requestExtras(app).fees.list(id))[0]?.status).toBe('lapsed');
    });

    it('the stats endpoint equals a hand-computed fixture, with table 四 from 复议/诉讼 records', async () => {
      const stats = await buildUnit(app, (await app.unitRepo.findByName('示范县人民政府'))!, {
        name: '县统计夹具局',
      });
      admin = await buildUser(app, stats, ['disclosure_admin']);
      reviewer = await buildUser(app, stats, ['reviewer']);
      unit = stats;
      const carried = await intake('2025-12-10'); // 2025: 一 自然人; 2026: 二, 三（一）予以公开
      await answer(carried, 'granted', '2026-01-09');
      const org = await intake('2026-02-02', {
        applicantKind: 'organisation',
        name: '示范商贸有限公司',
        creditCode: '11430000MB1234562G',
        legalRepresentative: '王五',
        contactName: '赵六',
        orgCategory: 'commercial',
      });
      await answer(org, 'partial', '2026-02-27'); // 2026: 一 商业企业, 三（二）部分公开
      await intake('2026-03-02'); // 2026: 一 自然人, 四 结转
      at('2026-03-05');
      await requestExtras(app).appeals.record(admin.ctx, carried, {
        kind: 'review',
        filedOn: '2026-02-01',
        body: '示范县人民政府',
        result: 'upheld',
        concludedOn: '2026-03-04',
      });
      await requestExtras(app).appeals.record(admin.ctx, org, {
        kind: 'litigation_direct',
        filedOn: '2026-03-03',
        body: '示范县人民法院',
        result: 'pending',
      });
      const b = new Browser(server);
      expect((await b.get(`/api/v1/info-requests/stats?org=${stats.id}&year=2026`)).statusCode).toBe(401);
      await b.login(admin.username, 'Test@2026pw');
      const res = await b.get(`/api/v1/info-requests/stats?org=${stats.id}&year=2026`);
      expect(res.statusCode).toBe(200);
      const body = JSON.parse(res.body) as {
        table3: { rows: { key: string; values: Record<string, number> }[] };
        table4: { blocks: { values: number[] }[] };
        checks: { name: string; passed: boolean; detail: string }[];
      };
      const row = (k: string) => body.table3.rows.find((r) => r.key === k)!.values;
      expect(row('new')).toMatchObject({ natural_person: 1, commercial: 1, total: 2 });
      expect(row('carried_in')).toMatchObject({ natural_person: 1, commercial: 0, total: 1 });
      expect(row('granted')).toMatchObject({ natural_person: 1, total: 1 });
      expect(row('partial')).toMatchObject({ commercial: 1, total: 1 });
      expect(row('outcome_total')).toMatchObject({ natural_person: 1, commercial: 1, total: 2 });
      expect(row('carried_out')).toMatchObject({ natural_person: 1, commercial: 0, total: 1 });
      expect(body.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
      expect(body.checks.length).toBeGreaterThan(0);
      expect(body.table4.blocks.map((x) => x.values)).toEqual([
        [1, 0, 0, 0, 1],
        [0, 0, 0, 1, 1],
        [0, 0, 0, 0, 0],
      ]);
      const y2025 = JSON.parse(
        (await b.get(`/api/v1/info-requests/stats?org=${stats.id}&year=2025`)).body,
      ) as typeof body;
      expect(y2025.table3.rows.find((r) => r.key === 'carried_out')!.values.total).toBe(1);
      const page = await b.get(`/admin/requests/stats?unit=${stats.id}&year=2026`);
      expect(page.statusCode).toBe(200);
      for (const label of [
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '三、本年度办理结果',
        '8.属于行政查询事项',
        '未经复议直接起诉',
        '通过',
      ]) {
        expect(page.body).toContain(label);
      }
      expect(page.body).not.toContain('未通过');
      // the lawsuit ends: its result is recorded on the case page and table 四 follows
      const suit = (await requestExtras(app).appeals.list(org)).find((a) => a.result === 'pending')!;
      const casePage = `/admin/requests/${org}`;
      const bad = await b.post(
        `/admin/requests/appeals/${suit.id}`,
        { [`concludedOn-${suit.id}`]: '2026-13-01' },
        { csrfFrom: casePage },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain(`href="#f-result-${suit.id}"`);
      expect(bad.body).toContain('value="2026-13-01"');
      const ok = await b.post(
        `/admin/requests/appeals/${suit.id}`,
        { [`result-${suit.id}`]: 'corrected', [`concludedOn-${suit.id}`]: '2026-03-05' },
        { csrfFrom: casePage },
      );
      expect(ok.statusCode).toBe(303);
      const after = JSON.parse(
        (await b.get(`/api/v1/info-requests/stats?org=${stats.id}&year=2026`)).body,
      ) as typeof body;
      expect(after.table4.blocks[1]?.values).toEqual([0, 1, 0, 0, 1]);
    });
  });
});
