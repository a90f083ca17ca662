import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

/** Posts multipart/form-data like a browser (CSRF token taken from `page`). */
async function postMultipart(
  server: FastifyInstance,
  b: Browser,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; content: Buffer; field?: string },
) {
  const token = await b.csrf('/admin/tasks/plans/new');
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...fields, _csrf: token })) fd.append(k, v);
  if (file) fd.append(file.field ?? 'file', new Blob([new Uint8Array(file.content)]), file.name);
  const res = new Response(fd);
  const cookie = (b as unknown as { cookieHeader(): string }).cookieHeader();
  return server.inject({
    method: 'POST',
    url,
    payload: Buffer.from(await res.arrayBuffer()),
    headers: { 'content-type': res.headers.get('content-type')!, cookie },
  });
}

const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe(`HTTP: task ledger pages on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: Browser;
  let clerk: Browser;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-11-23T02:00:00Z' });
    await seedDemo(app);
    server = await startTestServer(app);
    office = new Browser(server);
    await office.login('gkadmin', DEMO_PASSWORD);
    clerk = new Browser(server);
    await clerk.login('clerk', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });
  /** 示范县's own plan of the demo data (not the provincial upper plan). */
  const demoPlan = async () =>
    (await app.tasks.repo.listPlans(1)).find((p) => p.title === '示范县2026年政务公开工作要点')!;
  const head = (over: Record<string, string> = {}) => ({
    unitId: '1',
    year: '2026',
    title: '测试工作要点',
    source: '',
    implementsPlanId: '',
    text: '',
    ...over,
  });

  it('refuses a bad upload and missing fields, naming the fields and keeping what was typed', async () => {
    const res = await postMultipart(
      server,
      office,
      '/admin/tasks/plans/new',
      head({ year: '二〇二六', title: '保留的标题' }),
      {
        name: 'plan.docx',
        content: Buffer.from('not a word file'),
      },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-file"');
    expect(res.body).toContain('工作要点文件：“plan.docx”的内容与扩展名 .docx 不符');
    expect(res.body).toContain('href="#f-year"');
    expect(res.body).toContain('value="保留的标题"');
    const none = await postMultipart(server, office, '/admin/tasks/plans/new', head());
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('请粘贴工作要点文本或上传文件');
  });

  it('drafts pasted text, maps an unknown name, and saves only on confirm', async () => {
    const text =
      '一、健全制度\n（一）完善公开目录，2026年12月底前完成。（县财政局、县大数据中心）\n（二）公开预算。（县发改局）';
    const res = await postMultipart(server, office, '/admin/tasks/plans/new', head({ text, source: '测试' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('核对导入的任务');
    expect(res.body).toContain('“县大数据中心”对应的单位');
    const plansBefore = (await app.tasks.repo.listPlans(1)).length;
    const fields = Object.fromEntries(
      ['draft', 'unitId', 'year', 'title', 'source', 'implementsPlanId', 'mapName.0'].map((k) => [
        k,
        hidden(res.body, k),
      ]),
    );
    const zwzx = (await app.unitRepo.findByName('县政务服务中心'))!.id;
    const preview = await office.post(
      '/admin/tasks/plans/review',
      { ...fields, 'map.0': String(zwzx), step: 'preview' },
      { csrfFrom: '/admin/tasks' },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('县财政局、县政务服务中心');
    expect((await app.tasks.repo.listPlans(1)).length).toBe(plansBefore);
    const done = await office.post(
      '/admin/tasks/plans/review',
      { ...fields, 'map.0': String(zwzx), step: 'confirm' },
      { csrfFrom: '/admin/tasks' },
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toMatch(/^\/admin\/tasks\?plan=\d+&done=imported$/);
    expect((await app.tasks.repo.listPlans(1)).length).toBe(plansBefore + 1);
    expect((await app.tasks.repo.listAliases([1])).map((a) => a.alias)).toContain('县大数据中心');
    // The draft is gone: a second confirm cannot save the plan twice.
    const again = await office.post(
      '/admin/tasks/plans/review',
      { ...fields, step: 'confirm' },
      { csrfFrom: '/admin/tasks' },
    );
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('导入草稿已过期或不存在');
  });

  it('我的任务 shows the unit’s own part next to the whole task: done for 县发改局, overdue overall', async () => {
    const mine = await clerk.get('/admin/tasks/mine');
    const row = /<tr>(?:(?!<\/tr>).)*优化营商环境信息公开(?:(?!<\/tr>).)*<\/tr>/s.exec(mine.body)?.[0] ?? '';
    const tags = [...row.matchAll(/class="status status-(\w+)"/g)].map((m) => m[1]);
    // 本单位承担部分, 任务整体 (due at the end of June; 县税务局 never reported), 本单位报送 (latest report).
    expect(tags).toEqual(['done', 'overdue', 'accepted']);
  });

  it('keeps clerks out of the office pages and other units’ tasks', async () => {
    expect((await clerk.get('/admin/tasks/plans/new')).statusCode).toBe(403);
    expect((await clerk.get('/admin/tasks')).statusCode).toBe(403);
    const plan = await demoPlan();
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const other = tasks.find((t) => t.title === '巩固拓展脱贫攻坚成果信息公开')!;
    expect((await clerk.get(`/admin/tasks/${other.id}`)).statusCode).toBe(403);
    const post = await clerk.post(
      `/admin/tasks/${other.id}/reports`,
      { unitId: String(other.units[0]!.unit_id), reportDate: '2026-11-20', text: '越权报送' },
      { csrfFrom: '/admin/tasks/mine' },
    );
    expect(post.statusCode).toBe(403);
  });

  it('a department reports, the office accepts, the bulletin and exports show it', async () => {
    const plan = await demoPlan();
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const task = tasks.find((t) => t.title === '“双随机、一公开”监管信息公开')!;
    const mine = await clerk.get('/admin/tasks/mine');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('“双随机、一公开”监管信息公开');
    const page = `/admin/tasks/${task.id}`;
    const bad = await clerk.post(
      `${page}/reports`,
      { unitId: '3', reportDate: '2026-11-20', text: '', evidence: 'javascript:alert(1)' },
      { csrfFrom: page },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-text"');
    const ok = await clerk.post(
      `${page}/reports`,
      {
        unitId: '3',
        reportDate: '2026-11-20',
        text: '重点政务信息已全部公开。',
        evidence: '/units/3',
        done: 'on',
      },
      { csrfFrom: page },
    );
    expect(ok.statusCode).toBe(303);
    const report = (await app.tasks.reports.listReports(task.id)).at(-1)!;
    expect(
      (await clerk.post(`/admin/tasks/reports/${report.id}/accept`, {}, { csrfFrom: page })).statusCode,
    ).toBe(403);
    const empty = await office.post(
      `/admin/tasks/reports/${report.id}/return`,
      { comment: '' },
      { csrfFrom: page },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('请填写退回意见');
    const accepted = await office.post(`/admin/tasks/reports/${report.id}/accept`, {}, { csrfFrom: page });
    expect(accepted.statusCode).toBe(303);
    expect((await office.get(page)).body).toContain('已采纳');
    const ledger = await office.get(`/admin/tasks?plan=${plan.id}&unit=3`);
    expect(ledger.body).toContain('role="img"');
    expect(ledger.body).toContain('县发展和改革局');
    const bulletin = await office.get('/admin/tasks/bulletin?year=2026&quarter=4');
    expect(bulletin.statusCode).toBe(200);
    expect(bulletin.body).toContain('完成率 = 已完成任务数 ÷ 应完成任务数');
    expect(bulletin.body).toMatch(/县发展和改革局<\/th><td>\d+<\/td><td>\d+<\/td><td>\d+ ÷ \d+ = /);
    // The clock is 23 November: the fourth quarter has not ended.
    expect(bulletin.body).toContain('本季度尚未结束，数据截至2026年11月23日');
    const docx = await office.get('/admin/tasks/bulletin.docx?year=2026&quarter=4');
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('示范县人民政府2026年第四季度政务公开工作要点落实情况通报');
    expect(value).toContain('县发展和改革局');
    const xlsx = await office.get(`/admin/tasks/plans/${plan.id}/ledger.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('工作台账.xlsx');
  });

  it('the office ties a column as evidence; an empty column blocks 办结 until something is published', async () => {
    const plan = await demoPlan();
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const fgj = (await app.unitRepo.findByName('县发展和改革局'))!;
    const units = await app.tasks.repo.taskUnits(tasks.map((t) => t.id));
    const open = await Promise.all(
      tasks.map(async (t) => ({
        t,
        pending: (await app.tasks.reports.listReports(t.id)).some((r) => r.state === 'submitted'),
      })),
    );
    const fgjOpen = (taskId: number) =>
      units.some(
        (u) => u.task_id === taskId && u.unit_id === fgj.id && u.done_on === null && !u.not_applicable_at,
      );
    const task = open.find(
      ({ t, pending }) =>
        !pending &&
        fgjOpen(t.id) &&
        t.title !== '重点政' &&
        units.some((u) => u.task_id === t.id && u.unit_id === fgj.id),
    )!.t;
    const page = `/admin/tasks/${task.id}`;
    const column = await app.publishing.columns.createColumn(
      { actor: { kind: 'system', name: '测试' }, meta: { ip: null, userAgent: null } },
      fgj.id,
      null,
      { name: '专项佐证专栏', kind: 'list', updateCycle: 'monthly' },
    );
    const columnId = String((column as { id: number }).id ?? column);
    const none = await office.post(`${page}/columns`, { columnId: '' }, { csrfFrom: page });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('请选择佐证栏目');
    expect(
      (await clerk.post(`${page}/columns`, { columnId }, { csrfFrom: '/admin/tasks/mine' })).statusCode,
    ).toBe(403);
    expect((await office.post(`${page}/columns`, { columnId }, { csrfFrom: page })).statusCode).toBe(303);
    const shown = await office.get(page);
    expect(shown.body).toContain('专项佐证专栏');
    expect(shown.body).toContain('空栏目');
    const sent = await clerk.post(
      `${page}/reports`,
      { unitId: String(fgj.id), reportDate: '2026-11-20', text: '已完成', done: 'on' },
      { csrfFrom: page },
    );
    expect(sent.statusCode).toBe(303);
    const clerkId = (await app.accounts.findUserByUsername('clerk'))!.id;
    const reports = await app.tasks.reports.listReports(task.id);
    const report = reports.find((r) => r.state === 'submitted' && r.submitted_by === clerkId)!;
    const blocked = await office.post(`/admin/tasks/reports/${report.id}/accept`, {}, { csrfFrom: page });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain('佐证栏目“专项佐证专栏”空栏目');
  });

  it('a report carries attached evidence: checked by content, listed on the task, downloadable with its name', async () => {
    const plan = await demoPlan();
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const fgj = (await app.unitRepo.findByName('县发展和改革局'))!;
    const units = await app.tasks.repo.taskUnits(tasks.map((t) => t.id));
    const candidates = [];
    for (const t of tasks) {
      const pending = (await app.tasks.reports.listReports(t.id)).some(
        (r) => r.state === 'submitted' && r.unit_id === fgj.id,
      );
      const own = units.find((u) => u.task_id === t.id && u.unit_id === fgj.id);
      if (!pending && own && own.done_on === null && own.not_applicable_at === null) candidates.push(t);
    }
    const task = candidates.at(-1)!;
    const page = `/admin/tasks/${task.id}`;
    const fields = { unitId: String(fgj.id), reportDate: '2026-11-20', text: '已公开并附佐证', evidence: '' };
    const bad = await postMultipart(server, clerk, `${page}/reports`, fields, {
      field: 'attachments',
      name: '佐证.pdf',
      content: Buffer.from('MZ not a pdf'),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('附件：“佐证.pdf”的内容与扩展名 .pdf 不符');
    expect(bad.body).toContain('已公开并附佐证');
    const pdf = Buffer.from('%PDF-1.7\n% 佐证材料\n');
    const ok = await postMultipart(server, clerk, `${page}/reports`, fields, {
      field: 'attachments',
      name: '公开截图.pdf',
      content: pdf,
    });
    expect(ok.statusCode).toBe(303);
    const shown = await clerk.get(page);
    const link = /href="(\/admin\/tasks\/reports\/attachments\/\d+)">公开截图\.pdf</.exec(shown.body)?.[1];
    expect(link).toBeDefined();
    const file = await office.get(link!);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('公开截图.pdf'));
    const outsider = new Browser(server);
    await outsider.login('auditor', DEMO_PASSWORD);
    expect((await outsider.get(link!)).statusCode).toBe(403);
  });

  it('the office marks a unit’s part 不适用 on the task page, with a required reason, and undoes it', async () => {
    const plan = await demoPlan();
    const { tasks } = await app.tasks.plans.getPlan(plan.id);
    const units = await app.tasks.repo.taskUnits(tasks.map((t) => t.id));
    const open = units.filter((u) => u.done_on === null && u.not_applicable_at === null);
    // 减税降费: 县税务局 leads, 县财政局 takes part; neither has reported.
    const task = tasks.find((t) => t.title === '减税降费政策公开')!;
    const unit = open.find((u) => u.task_id === task.id)!;
    const page = `/admin/tasks/${task.id}`;
    expect((await office.get(page)).body).toContain('责任单位承担情况');
    const url = `${page}/parts/not-applicable`;
    const bad = await office.post(url, { unitId: String(unit.unit_id), reason: '' }, { csrfFrom: page });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-reason"');
    expect(bad.body).toContain('请填写不适用的理由');
    expect(bad.body).toMatch(new RegExp(`<option value="${unit.unit_id}" selected`));
    expect(
      (
        await clerk.post(
          url,
          { unitId: String(unit.unit_id), reason: '无' },
          { csrfFrom: '/admin/tasks/mine' },
        )
      ).statusCode,
    ).toBe(403);
    const ok = await office.post(
      url,
      { unitId: String(unit.unit_id), reason: '本单位无此项职能' },
      { csrfFrom: page },
    );
    expect(ok.statusCode).toBe(303);
    const shown = await office.get(page);
    expect(shown.body).toContain('不适用：本单位无此项职能');
    const undo = await office.post(`${page}/parts/${unit.unit_id}/applicable`, {}, { csrfFrom: page });
    expect(undo.statusCode).toBe(303);
    expect((await office.get(page)).body).not.toContain('不适用：本单位无此项职能');
  });

  it('defaults the bulletin to the quarter of the China date, not the UTC one', async () => {
    // 1 October 01:00 in China is still 30 September in UTC.
    app.clock.set(new Date('2026-09-30T17:00:00Z'));
    try {
      const page = await office.get('/admin/tasks/bulletin');
      expect(page.body).toContain('2026年第四季度政务公开工作要点落实情况通报');
    } finally {
      app.clock.set(new Date('2026-11-23T02:00:00Z'));
    }
  });

  it('shows assessment scores and refuses weights below the 4 % share', async () => {
    const page = await office.get('/admin/tasks/assessment?year=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('折合绩效考核');
    const bad = await office.post(
      '/admin/tasks/assessment?year=2026',
      { completion: '50', timeliness: '30', quality: '20', share: '3' },
      { csrfFrom: '/admin/tasks/assessment' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-share"');
    const ok = await office.post(
      '/admin/tasks/assessment?year=2026',
      { completion: '60', timeliness: '20', quality: '20', share: '5' },
      { csrfFrom: '/admin/tasks/assessment' },
    );
    expect(ok.statusCode).toBe(303);
  });

  it('回头看 carries the unfinished tasks into 2027 with links back', async () => {
    const plan = await demoPlan();
    const res = await office.post(
      `/admin/tasks/plans/${plan.id}/carry-over`,
      {},
      { csrfFrom: '/admin/tasks' },
    );
    expect(res.statusCode).toBe(303);
    const next = Number(/plan=(\d+)/.exec(String(res.headers.location))?.[1]);
    const { tasks } = await app.tasks.plans.getPlan(next);
    const page = await office.get(`/admin/tasks/${tasks[0]!.id}`);
    expect(page.body).toContain('回头看：接续');
  });
});
