import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCounty, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../lib/errors.ts';

describe(`progress reports on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  let dated: number;
  let monthly: number;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
    const { taskIds } = await s.plans.confirmImport(c.admin.ctx, {
      ...{
        unitId: c.county.id,
        year: 2026,
        title: '示范县2026年政务公开工作要点',
        source: '示范政办发〔2026〕1号',
      },
      tasks: [
        {
          number: '1',
          title: '公开预决算',
          deadline: { date: '2026-06-30' },
          leadUnitIds: [c.fgj.id],
          unitIds: [c.czj.id],
        },
        { number: '2', title: '每月更新专栏', deadline: { recurrence: 'monthly' }, unitIds: [c.fgj.id] },
      ],
    });
    [dated, monthly] = taskIds as [number, number];
  });
  afterEach(async () => app.destroy());

  const report = (over: Record<string, unknown> = {}) => ({
    unitId: c.fgj.id,
    reportDate: '2026-03-02',
    text: '已在门户网站公开2026年部门预算。',
    evidence: ['https://www.sfx.example.gov.cn/zwgk/ys/2026.html', '/columns/budget'],
    ...over,
  });
  const status = async (id: number) => (await s.tasks.findTask(id))?.status;
  const problems = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).problems;

  // Issue 10: a 完成 report completes the reporting unit's part only (this test used to expect the
  // whole task 已完成 after 县财政局's report while 县发展和改革局 had not finished).
  it('moves a task 未开始 → 推进中 → 已完成 only when every unit’s part is accepted as done, each step audited', async () => {
    expect(await status(dated)).toBe('not_started');
    const r1 = await s.reporting.submitReport(c.fgjClerk.ctx, dated, report());
    expect(await status(dated)).toBe('not_started');
    expect(await s.reporting.acceptReport(c.admin.ctx, r1)).toBe('in_progress');
    const r2 = await s.reporting.submitReport(
      c.czjClerk.ctx,
      dated,
      report({ unitId: c.czj.id, done: true }),
    );
    expect(await s.reporting.acceptReport(c.admin.ctx, r2)).toBe('in_progress');
    expect(await s.tasks.findTask(dated)).toMatchObject({ status: 'in_progress', done_on: null });
    const parts = async () =>
      (await s.tasks.taskUnits([dated])).map((u) => [u.name, u.done_on, u.done_report_id]);
    expect(await parts()).toEqual([
      ['县发展和改革局', null, null],
      ['县财政局', '2026-03-02', r2],
    ]);
    app.clock.set(new Date('2026-03-05T02:00:00Z'));
    const r3 = await s.reporting.submitReport(
      c.fgjClerk.ctx,
      dated,
      report({ reportDate: '2026-03-05', done: true }),
    );
    expect(await s.reporting.acceptReport(c.admin.ctx, r3)).toBe('done');
    // done_on is the last part's date
    expect(await s.tasks.findTask(dated)).toMatchObject({ status: 'done', done_on: '2026-03-05' });
    expect(await parts()).toEqual([
      ['县发展和改革局', '2026-03-05', r3],
      ['县财政局', '2026-03-02', r2],
    ]);
    const listed = await s.reporting.listReports(dated);
    expect(listed.map((r) => r.state)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(listed[0]?.evidence).toEqual(report().evidence);
    const actions = (await app.auditRepo.list({}, 10))
      .map((e) => e.action)
      .slice(0, 6)
      .reverse();
    expect(actions).toEqual([
      'task.report_submit',
      'task.accept_report',
      'task.report_submit',
      'task.accept_report',
      'task.report_submit',
      'task.accept_report',
    ]);
  });

  it('keeps a recurring duty 持续推进 after progress, and closes it when a 完成 report is accepted', async () => {
    const r1 = await s.reporting.submitReport(c.fgjClerk.ctx, monthly, report());
    expect(await s.reporting.acceptReport(c.admin.ctx, r1)).toBe('ongoing');
    const r2 = await s.reporting.submitReport(c.fgjClerk.ctx, monthly, report({ done: true }));
    expect(await s.reporting.acceptReport(c.admin.ctx, r2)).toBe('done');
  });

  it('takes form input: the unit id as text, evidence one link per line, 完成 as a checkbox', async () => {
    const id = await s.reporting.submitReport(c.fgjClerk.ctx, dated, {
      ...{ unitId: String(c.fgj.id), reportDate: '2026-03-02', text: '已公开' },
      ...{ evidence: 'https://www.sfx.example.gov.cn/a.html\r\n\r\n/columns/budget\n', done: 'on' },
    });
    expect(await s.reports.find(id)).toMatchObject({
      marks_done: 1,
      evidence_json: JSON.stringify(['https://www.sfx.example.gov.cn/a.html', '/columns/budget']),
    });
  });

  it('validates every field at once, in Chinese, naming each', async () => {
    const p = await problems(
      s.reporting.submitReport(
        c.fgjClerk.ctx,
        dated,
        report({ reportDate: '2026-3-2', text: ' ', evidence: ['ftp://x', 'javascript:alert(1)'] }),
      ),
    );
    expect(p).toEqual([
      { field: 'reportDate', message: '报送日期的格式应为 YYYY-MM-DD' },
      { field: 'text', message: '请填写进展情况' },
      {
        field: 'evidence',
        message: '佐证材料链接第 1 条格式不正确，应为 http(s):// 网址或以 / 开头的站内路径',
      },
    ]);
  });

  it('lists every reason a report cannot be submitted', async () => {
    await s.reporting.submitReport(c.admin.ctx, monthly, report());
    const p = await problems(
      s.reporting.submitReport(c.fgjClerk.ctx, monthly, report({ reportDate: '2026-03-03' })),
    );
    expect(p).toEqual([
      { field: 'reportDate', message: '报送日期不能晚于今天' },
      { field: '_', message: '本单位已有待审核的进展报告，请等待审核后再报送' },
    ]);
    const other = await problems(
      s.reporting.submitReport(c.czjClerk.ctx, monthly, report({ unitId: c.czj.id })),
    );
    expect(other).toEqual([{ field: 'unitId', message: '“县财政局”不是此任务的责任单位' }]);
  });

  it('refuses reports for another unit and reviews by anyone but a 政务公开管理员', async () => {
    await expect(s.reporting.submitReport(c.czjClerk.ctx, dated, report())).rejects.toMatchObject({
      code: 'forbidden',
    });
    const r = await s.reporting.submitReport(c.fgjClerk.ctx, dated, report());
    await expect(s.reporting.acceptReport(c.czjClerk.ctx, r)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(s.reporting.returnReport(c.fgjClerk.ctx, r, { comment: '补充' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('returns a report only with a comment; a returned report cannot then be accepted', async () => {
    const r = await s.reporting.submitReport(c.fgjClerk.ctx, dated, report({ done: true }));
    expect(await problems(s.reporting.returnReport(c.admin.ctx, r, { comment: '' }))).toEqual([
      { field: 'comment', message: '请填写退回意见' },
    ]);
    await s.reporting.returnReport(c.admin.ctx, r, { comment: '请补充预算公开链接' });
    expect((await s.reports.find(r))?.review_comment).toBe('请补充预算公开链接');
    expect(await status(dated)).toBe('not_started');
    expect(await problems(s.reporting.acceptReport(c.admin.ctx, r))).toEqual([
      { field: '_', message: '该进展报告已退回，不能采纳' },
    ]);
    const last = (await app.auditRepo.list({}, 1))[0];
    expect(last).toMatchObject({ action: 'task.return_report' });
    // After a return the unit may report again.
    await expect(s.reporting.submitReport(c.fgjClerk.ctx, dated, report())).resolves.toBeGreaterThan(0);
  });

  it('lets only one of two concurrent reviews through', async () => {
    const r = await s.reporting.submitReport(c.fgjClerk.ctx, dated, report({ done: true }));
    const results = await Promise.allSettled([
      s.reporting.acceptReport(c.admin.ctx, r),
      s.reporting.returnReport(c.admin.ctx, r, { comment: '请补充' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(AppError);
    const state = (await s.reports.find(r))?.state;
    // 县财政局's part is still open, so even an accepted 完成 report leaves the task 推进中 (issue 10).
    expect(await status(dated)).toBe(state === 'accepted' ? 'in_progress' : 'not_started');
    const reviews = (await app.auditRepo.list({}, 5)).filter((e) => e.action.endsWith('_report'));
    expect(reviews).toHaveLength(1);
  });

  it('never lets the submitter review their own report', async () => {
    const r = await s.reporting.submitReport(c.admin.ctx, dated, report());
    expect(await problems(s.reporting.acceptReport(c.admin.ctx, r))).toEqual([
      { field: '_', message: '不能审核本人报送的进展报告' },
    ]);
  });

  // Was "refuses progress reports on a finished task": the whole task closed after one unit's report.
  it('refuses reports on a unit’s finished part, and still takes the other units’ reports', async () => {
    const r = await s.reporting.submitReport(c.fgjClerk.ctx, dated, report({ done: true }));
    await s.reporting.acceptReport(c.admin.ctx, r);
    const err = (await s.reporting.submitReport(c.fgjClerk.ctx, dated, report()).catch((e) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.problems).toEqual([
      { field: 'unitId', message: '“县发展和改革局”承担的部分已完成，不能再报送进展' },
    ]);
    await expect(
      s.reporting.submitReport(c.czjClerk.ctx, dated, report({ unitId: c.czj.id })),
    ).resolves.toBeGreaterThan(0);
  });
});
