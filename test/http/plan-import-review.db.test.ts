/**
 * Issue 10 item 2: every seed plan imports through the screen without editing its text. The office posts
 * the text, fixes what the draft flags with the review forms (units for unit-less tasks, the plans of a
 * notice kept apart), confirms, and the ledger holds the plans, tasks and units. Also: edits survive
 * between steps, bad input is refused by field with nothing saved, and tasks stay editable after import.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { seedText } from '../support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : undefined;
};

/** The values a browser would submit from the form posting to `action` (no button pressed yet). */
function formValues(html: string, action: string): [string, string][] {
  const start = html.indexOf(`action="${action}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: [string, string][] = [];
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked(?=[\s=/>])/.test(tag)) continue;
    out.push([name, attr(tag, 'value') ?? '']);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option[^>]*value="([^"]*)"[^>]*selected/.exec(m[2]!);
    out.push([m[1]!, selected ? decode(selected[1]!) : '']);
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out.push([m[1]!, decode(m[2]!)]);
  return out;
}

/** Task rows of the review page: key, text and whether it is flagged as lacking units. */
function rows(html: string) {
  return [...html.matchAll(/<tr id="t-(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    key: m[1]!,
    html: m[2]!,
    lacksUnits: m[2]!.includes('没有责任单位，请指定'),
  }));
}

describe(`HTTP: reviewing an import on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let office: Browser;
  let clerk: Browser;
  let unitId: (name: string) => Promise<number>;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-11-23T02:00:00Z' });
    await seedDemo(app, undefined, { '*': false, reports: true });
    server = await startTestServer(app);
    office = new Browser(server);
    await office.login('gkadmin', DEMO_PASSWORD);
    clerk = new Browser(server);
    await clerk.login('clerk', DEMO_PASSWORD);
    unitId = async (name) => (await app.unitRepo.findByName(name))!.id;
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  /** Posts url-encoded pairs (repeated names allowed) with the office's cookies. */
  async function post(url: string, pairs: [string, string][]) {
    const cookie = (office as unknown as { cookieHeader(): string }).cookieHeader();
    return server.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(pairs).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
  }

  /** Step one as a browser sends it (multipart, pasted text). */
  async function start(text: string, year: string, title = '导入测试') {
    const token = await office.csrf('/admin/tasks/plans/new');
    const fd = new FormData();
    const fields = { unitId: String(await unitId('示范县人民政府')), year, title, source: '测试', text };
    for (const [k, v] of Object.entries({ ...fields, implementsPlanId: '', _csrf: token })) fd.append(k, v);
    const res = new Response(fd);
    const cookie = (office as unknown as { cookieHeader(): string }).cookieHeader();
    const page = await server.inject({
      method: 'POST',
      url: '/admin/tasks/plans/new',
      payload: Buffer.from(await res.arrayBuffer()),
      headers: { 'content-type': res.headers.get('content-type')!, cookie },
    });
    expect(page.statusCode).toBe(200);
    return page.body;
  }

  /** Submits `page`'s form to `action` with `extra` replacing the fields it names. */
  const submit = (page: string, action: string, extra: [string, string][]) => {
    const names = new Set(extra.map(([k]) => k));
    const kept = formValues(page, action).filter(([k]) => !names.has(k));
    return post(action, [...kept, ...extra]);
  };
  const review = (page: string, extra: [string, string][]) =>
    submit(page, '/admin/tasks/plans/review', extra);

  /** Gives every flagged task a unit with the bulk control; returns the page after it. */
  async function assignLacking(page: string, unit: string): Promise<string> {
    const lacking = rows(page).filter((r) => r.lacksUnits);
    if (lacking.length === 0) return page;
    const res = await review(page, [
      ...lacking.map((r) => ['sel', r.key] as [string, string]),
      ['bulkUnit', unit],
      ['step', 'bulk'],
    ]);
    expect(res.statusCode, res.body.match(/error-summary[\s\S]{0,600}/)?.[0]).toBe(200);
    expect(rows(res.body).filter((r) => r.lacksUnits)).toEqual([]);
    return res.body;
  }

  async function confirm(page: string) {
    const before = new Set((await app.tasks.repo.listPlans(1)).map((p) => p.id));
    const res = await review(page, [['step', 'confirm']]);
    expect(res.statusCode, res.body.match(/error-summary[\s\S]{0,600}/)?.[0]).toBe(303);
    const created = (await app.tasks.repo.listPlans(1)).filter((p) => !before.has(p.id));
    return Promise.all(created.map((p) => app.tasks.plans.getPlan(p.id)));
  }

  const SEEDS: { seed: string; year: string; plans: number[]; lacking: number }[] = [
    { seed: '000', year: '2022', plans: [14], lacking: 0 },
    { seed: '001', year: '2017', plans: [34], lacking: 11 },
    { seed: '003', year: '2022', plans: [34, 20], lacking: 1 },
    { seed: '004', year: '2022', plans: [17], lacking: 4 },
  ];
  for (const s of SEEDS)
    it(`imports seed ${s.seed} through the screen: units for the ${s.lacking} unit-less tasks, ${s.plans.length} plan(s)`, async () => {
      let page = await start(seedText(s.seed), s.year);
      expect(rows(page)).toHaveLength(s.plans.reduce((a, b) => a + b, 0));
      expect(rows(page).filter((r) => r.lacksUnits)).toHaveLength(s.lacking);
      // Confirming with unit-less tasks is refused, linking to each task's units.
      if (s.lacking) {
        const refused = await review(page, [['step', 'confirm']]);
        expect(refused.statusCode).toBe(422);
        const first = rows(page).find((r) => r.lacksUnits)!;
        expect(refused.body).toContain(`href="#f-t${first.key}.units"`);
        expect(refused.body).toContain('没有责任单位，请指定');
        page = refused.body;
      }
      const fixed = await assignLacking(page, String(await unitId('县人民政府办公室')));
      const plans = await confirm(fixed);
      expect(plans.map((p) => p.tasks.length)).toEqual(s.plans);
      for (const p of plans) for (const t of p.tasks) expect(t.units.length).toBeGreaterThan(0);
      const office = await unitId('县人民政府办公室');
      const withOffice = plans
        .flatMap((p) => p.tasks)
        .filter((t) => t.units.some((u) => u.unit_id === office));
      expect(withOffice.length).toBeGreaterThanOrEqual(s.lacking);
    });

  it('seed 003: two plans with their own titles, one audit event each; a task moved to the other plan', async () => {
    const page = await start(seedText('003'), '2022');
    expect(page).toContain('value="张家界市2022年政务管理服务工作要点"');
    expect(page).toContain('value="张家界市2022年政务公开工作要点"');
    // Move the first task of the second plan into the first one.
    const key = rows(page)[34]!.key;
    const url = `/admin/tasks/plans/review/task?draft=${encodeURIComponent(formValues(page, '/admin/tasks/plans/review').find(([k]) => k === 'draft')![1])}&task=${key}`;
    const form = await office.get(url);
    expect(form.statusCode).toBe(200);
    const moved = await submit(form.body, '/admin/tasks/plans/review/task', [
      ['section', '0'],
      ['step', 'save'],
    ]);
    expect(moved.statusCode).toBe(303);
    const after = (await office.get(moved.headers.location!.split('#')[0]!)).body;
    const lacking = (html: string) =>
      rows(html)
        .filter((r) => r.lacksUnits)
        .map((r) => r.key);
    expect(lacking(after)).toEqual(lacking(page));
    expect(rows(after)[34]!.key).toBe(key); // now the last of the first plan's 35
    const titled = formValues(after, '/admin/tasks/plans/review').map(([k, v]): [string, string] =>
      k === 'planTitle.1' ? [k, '张家界市2022年政务公开工作要点（修订）'] : [k, v],
    );
    const fixed = await assignLacking(
      (await post('/admin/tasks/plans/review', [...titled, ['step', 'preview']])).body,
      String(await unitId('县人民政府办公室')),
    );
    const audits = async () =>
      (
        await app.database.db
          .selectFrom('audit_events')
          .select('action')
          .where('action', '=', 'task_plan.import')
          .execute()
      ).length;
    const before = await audits();
    const plans = await confirm(fixed);
    expect(plans.map((p) => [p.plan.title, p.tasks.length])).toEqual([
      ['张家界市2022年政务管理服务工作要点', 35],
      ['张家界市2022年政务公开工作要点（修订）', 19],
    ]);
    expect((await audits()) - before).toBe(2);
  });

  it('seed 002 (no units at all): 各单位 expands to every department and township, counted on the page', async () => {
    const page = await start(seedText('002'), '2022');
    expect(rows(page).filter((r) => r.lacksUnits)).toHaveLength(16);
    const units = (await app.units.listActive()).filter((u) => ['department', 'township'].includes(u.kind));
    expect(page).toContain(`共 ${units.length} 个`);
    const fixed = await assignLacking(page, 'all');
    expect(fixed).toContain(`各单位（${units.length} 个）`);
    const [plan] = await confirm(fixed);
    expect(plan!.tasks).toHaveLength(16);
    for (const t of plan!.tasks)
      expect(t.units.map((u) => u.unit_id).sort((a, b) => a - b)).toEqual(
        units.map((u) => u.id).sort((a, b) => a - b),
      );
  });

  const SMALL = [
    '一、健全制度',
    '（一）完善公开目录。2022年底前完成。（县财政局）',
    '（二）公开预算草案。（县发改局）',
    '（三）减税降。（县税务局）',
    '（四）有效投。（县住建局）',
  ].join('\n');
  const draftOf = (page: string) =>
    formValues(page, '/admin/tasks/plans/review').find(([k]) => k === 'draft')![1];
  const taskUrl = (page: string, key: string) =>
    `/admin/tasks/plans/review/task?draft=${encodeURIComponent(draftOf(page))}&task=${key}`;

  it('keeps edits between steps; refuses bad input by field, keeping it and saving nothing', async () => {
    const page = await start(SMALL, '2022', '小计划');
    const [first, second, third, fourth] = rows(page).map((r) => r.key);
    // Bad input on the task form: every field named, what was typed kept, the draft unchanged.
    const form = await office.get(taskUrl(page, third!));
    const bad = await submit(form.body, '/admin/tasks/plans/review/task', [
      ['title', ''],
      ['deadline', '2022-02-30'],
      ['names', '县财政局、县不存在局'],
      ['step', 'save'],
    ]);
    expect(bad.statusCode).toBe(422);
    for (const f of ['title', 'deadline', 'names']) expect(bad.body).toContain(`href="#f-${f}"`);
    expect(bad.body).toContain('value="2022-02-30"');
    expect(bad.body).toContain('单位树中没有与“县不存在局”对应的单位');
    expect((await office.get(taskUrl(page, third!))).body).toContain('value="减税降"');
    // 识别名称 shows what matched and ticks it, saving nothing.
    const matched = await submit(form.body, '/admin/tasks/plans/review/task', [
      ['names', '县财政局'],
      ['step', 'match'],
    ]);
    expect(matched.statusCode).toBe(200);
    expect(matched.body).toContain('“县财政局”→ 县财政局（按全称）');
    const czj = String(await unitId('县财政局'));
    expect(formValues(matched.body, '/admin/tasks/plans/review/task')).toContainEqual(['co', czj]);
    // Save a corrected title and a deadline in the parser's words.
    const saved = await submit(matched.body, '/admin/tasks/plans/review/task', [
      ['title', '减税降费'],
      ['deadline', '9月底前'],
      ['step', 'save'],
    ]);
    expect(saved.statusCode).toBe(303);
    let now = (await office.get(`/admin/tasks/plans/review?draft=${encodeURIComponent(draftOf(page))}`)).body;
    expect(now).toContain('减税降费');
    expect(now).toContain('2022-09-30');
    // A stale page (the old revision) is refused and changes nothing.
    const stale = await review(page, [['step', `delete.${first}`]]);
    expect(stale.statusCode).toBe(409);
    expect(rows(stale.body)).toHaveLength(4);
    // An empty plan title is refused by field, typed value kept, nothing saved.
    const noTitle = await review(now, [
      ['planTitle.0', ''],
      ['step', `delete.${first}`],
    ]);
    expect(noTitle.statusCode).toBe(422);
    expect(noTitle.body).toContain('href="#f-planTitle.0"');
    expect(rows(noTitle.body)).toHaveLength(4);
    // Merge the second row into the first (content appended, units united), delete the fourth.
    now = (
      await review(noTitle.body, [
        ['planTitle.0', '小计划'],
        ['step', `merge.${second}`],
      ])
    ).body;
    expect(rows(now).map((r) => r.key)).toEqual([first, third, fourth]);
    expect(rows(now)[0]!.html).toContain('县财政局、县发展和改革局');
    now = (await review(now, [['step', `delete.${fourth}`]])).body;
    // Split at the third row into a plan of its own, then join it back and split again.
    now = (await review(now, [['step', `split.${third}`]])).body;
    expect(now).toContain('name="planTitle.1"');
    now = (await review(now, [['step', 'join.1']])).body;
    expect(now).not.toContain('name="planTitle.1"');
    now = (await review(now, [['step', `split.${third}`]])).body;
    const plans = await confirm(
      (
        await review(now, [
          ['planTitle.1', '拆出的计划'],
          ['step', 'preview'],
        ])
      ).body,
    );
    expect(plans.map((p) => p.plan.title)).toEqual(['小计划', '拆出的计划']);
    const [merged] = plans[0]!.tasks;
    expect(merged!.content).toContain('公开预算草案');
    expect(merged!.units.map((u) => u.name).sort()).toEqual(['县财政局', '县发展和改革局'].sort());
    expect(plans[1]!.tasks[0]).toMatchObject({ title: '减税降费', due_date: '2022-09-30' });
    expect(plans[1]!.tasks[0]!.units.map((u) => u.name).sort()).toEqual(['县税务局', '县财政局'].sort());
  });

  it('corrects an imported task afterwards: audited before/after, bad input by field, clerks refused', async () => {
    const [plan] = await confirm(await start(SMALL, '2022', '导入后修改'));
    const task = plan!.tasks.find((t) => t.title === '有效投')!;
    const url = `/admin/tasks/${task.id}/edit`;
    expect((await office.get(`/admin/tasks/${task.id}`)).body).toContain(`href="${url}"`);
    expect((await clerk.get(url)).statusCode).toBe(403);
    const page = await office.get(url);
    expect(page.statusCode).toBe(200);
    const bad = await submit(page.body, url, [
      ['title', ''],
      ['deadline', '2022-13-01'],
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-title"');
    expect(bad.body).toContain('href="#f-deadline"');
    expect(bad.body).toContain('value="2022-13-01"');
    expect((await app.tasks.plans.getPlan(plan!.plan.id)).tasks.find((t) => t.id === task.id)!.title).toBe(
      '有效投',
    );
    const ok = await submit(page.body, url, [
      ['title', '扩大有效投资'],
      ['deadline', '每季度'],
    ]);
    expect(ok.statusCode).toBe(303);
    const after = (await app.tasks.plans.getPlan(plan!.plan.id)).tasks.find((t) => t.id === task.id)!;
    expect(after).toMatchObject({ title: '扩大有效投资', recurrence: 'quarterly', status: 'ongoing' });
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'before_json', 'after_json'])
      .where('action', '=', 'task.edit')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(String(audit.target_id)).toBe(String(task.id));
    expect(JSON.parse(audit.before_json!)).toMatchObject({ title: '有效投', recurrence: null });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ title: '扩大有效投资', recurrence: 'quarterly' });
    // Saving the same words again changes nothing and writes no audit event.
    const count = async () =>
      (
        await app.database.db
          .selectFrom('audit_events')
          .select('id')
          .where('action', '=', 'task.edit')
          .execute()
      ).length;
    const n = await count();
    const again = await office.get(url);
    expect((await submit(again.body, url, [])).statusCode).toBe(303);
    expect(await count()).toBe(n);
  });
});
