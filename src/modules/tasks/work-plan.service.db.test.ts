import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { demoCounty, seedText, taskServices } from '../../../test/support/tasks.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePlanFile, parsePlanText } from './plan-parser/index.ts';
import type { PlanDraft } from './work-plan.service.ts';

describe(`work plans on ${ENGINE}`, () => {
  let app: TestApp;
  let s: ReturnType<typeof taskServices>;
  let c: Awaited<ReturnType<typeof demoCounty>>;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    s = taskServices(app);
    c = await demoCounty(app);
  });
  afterEach(async () => app.destroy());

  const head = () => ({
    unitId: c.county.id,
    year: 2026,
    title: '示范县2026年政务公开工作要点任务分工',
    source: 'seed000.txt',
  });
  const taskCount = async () => (await app.database.db.selectFrom('tasks').select('id').execute()).length;
  const auditActions = async () => (await app.auditRepo.list({}, 100_000)).map((e) => e.action);

  it('drafts seed 000 with every unit matched, saving nothing', async () => {
    const draft = await s.plans.importPlan(c.admin.ctx, { ...head(), text: seedText('000') });
    expect(draft.tasks).toHaveLength(14);
    expect(draft.unmatched).toEqual([]);
    const t2 = draft.tasks[1];
    const ids = await Promise.all(
      ['县发展和改革局', '县市场监督管理局'].map(async (n) => (await c.unit(n)).id),
    );
    expect(t2?.unitIds).toEqual(ids);
    expect(t2?.unitMatch.matched.map((m) => m.how)).toEqual(['short_name', 'short_name']);
    const departments = (await app.unitRepo.listActive()).filter((u) => u.kind === 'department');
    expect(draft.tasks[0]?.unitIds).toHaveLength(departments.length);
    expect(draft.tasks[0]?.unitMatch.matched[0]).toMatchObject({ how: 'set', set: 'departments' });
    expect(await taskCount()).toBe(0);
  });

  it('drafts from an already parsed file and takes the year and unit as form text', async () => {
    const parsedPlan = parsePlanText('一、健全制度\n（一）完善公开目录，年底前完成。（县财政局）');
    const draft = await s.plans.importPlan(c.admin.ctx, {
      ...{ ...head(), unitId: String(c.county.id), year: '2026' },
      parsedPlan,
    });
    expect(draft).toMatchObject({ unitId: c.county.id, year: 2026 });
    // Parsed without a year, "年底前" stays text; importPlanFile parses with the plan year.
    expect(draft.tasks[0]).toMatchObject({ unitIds: [c.czj.id], deadline: { text: '年底前' } });
    const err = (await s.plans
      .importPlan(c.admin.ctx, { ...head(), year: '26年', text: ' ' })
      .catch((e) => e)) as AppError;
    expect(err.problems).toEqual([
      { field: 'year', message: '年度必须是整数' },
      { field: 'text', message: '请粘贴工作要点文本或上传文件' },
    ]);
  });

  it('drafts an uploaded file, completing year-less deadlines with the plan year', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-plan-'));
    try {
      const file = path.join(dir, 'plan.txt');
      writeFileSync(file, '一、健全制度\n（一）完善公开目录，年底前完成。（县财政局）');
      await expect(s.plans.importPlanFile(c.fgjClerk.ctx, head(), file)).rejects.toMatchObject({
        code: 'forbidden',
      });
      const draft = await s.plans.importPlanFile(c.admin.ctx, head(), file);
      expect(draft.tasks[0]).toMatchObject({ unitIds: [c.czj.id], deadline: { date: '2026-12-31' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists unmatched names with their tasks, and uses a mapping given for this import', async () => {
    const text =
      '一、健全制度\n（一）完善公开目录。（责任单位：县编办、县财政局）\n（二）规范发布。（县编办）';
    const draft = await s.plans.importPlan(c.admin.ctx, { ...head(), text });
    expect(draft.unmatched).toEqual([
      { name: '县编办', reason: '单位树中没有与“县编办”对应的单位，请指定', taskNumbers: ['1.1', '1.2'] },
    ]);
    const office = await c.unit('县人民政府办公室');
    const mapped = await s.plans.importPlan(c.admin.ctx, {
      ...head(),
      text,
      mapping: { 县编办: [office.id] },
    });
    expect(mapped.unmatched).toEqual([]);
    expect(mapped.tasks[1]?.unitIds).toEqual([office.id]);
  });

  it('confirms a draft: plan, tasks, units and deadlines in one transaction with one audit event', async () => {
    const draft = await s.plans.importPlan(c.admin.ctx, { ...head(), text: seedText('000') });
    const before = (await auditActions()).length;
    const { planId, taskIds } = await s.plans.confirmImport(c.admin.ctx, draft);
    expect(taskIds).toHaveLength(14);
    const { plan, tasks } = await s.plans.getPlan(planId);
    expect(plan).toMatchObject({ unit_id: c.county.id, year: 2026, source: 'seed000.txt' });
    expect(tasks[1]?.units.map((u) => u.name)).toEqual(['县发展和改革局', '县市场监督管理局']);
    expect(tasks[7]).toMatchObject({ number: '8', due_date: '2022-12-31', status: 'overdue' });
    expect(tasks[0]).toMatchObject({ recurrence: 'realtime', due_date: null, status: 'ongoing' });
    const actions = await auditActions();
    expect(actions.length - before).toBe(1);
    expect(actions[0]).toBe('task_plan.import');
  });

  it('remembers aliases chosen at confirmation and uses them on the next import', async () => {
    const text = '一、健全制度\n（一）完善公开目录。（责任单位：县编办）';
    const office = await c.unit('县人民政府办公室');
    const draft = await s.plans.importPlan(c.admin.ctx, {
      ...head(),
      text,
      mapping: { 县编办: [office.id] },
    });
    await s.plans.confirmImport(c.admin.ctx, {
      ...draft,
      rememberAliases: [{ alias: '县编办', unitId: office.id }],
    });
    const next = await s.plans.importPlan(c.admin.ctx, { ...head(), text });
    expect(next.tasks[0]?.unitMatch.matched).toEqual([
      { name: '县编办', unitIds: [office.id], how: 'alias' },
    ]);
  });

  it('setAlias remembers a mapping, audited, and replaces an earlier one', async () => {
    const office = await c.unit('县人民政府办公室');
    await s.plans.setAlias(c.admin.ctx, c.county.id, { alias: '县编办', unitId: c.fgj.id });
    await s.plans.setAlias(c.admin.ctx, c.county.id, { alias: '县编办', unitId: office.id });
    const draft = await s.plans.importPlan(c.admin.ctx, {
      ...head(),
      text: '一、制度\n（一）目录。（县编办）',
    });
    expect(draft.tasks[0]?.unitIds).toEqual([office.id]);
    expect((await auditActions()).slice(0, 2)).toEqual(['task.alias_set', 'task.alias_set']);
  });

  it('prefers the alias remembered for the plan’s own unit over one of an ancestor', async () => {
    const section = await app.units.createUnit(SYSTEM, c.fgj.id, {
      kind: 'department',
      name: '县发改局综合股',
    });
    // The ancestor's alias is written last, so only the nearest-scope rule can pick the section.
    await s.plans.setAlias(c.admin.ctx, c.fgj.id, { alias: '综合股', unitId: section.id });
    await s.plans.setAlias(c.admin.ctx, c.county.id, { alias: '综合股', unitId: c.fgj.id });
    const text = '一、制度\n（一）目录。（责任单位：综合股）';
    const own = await s.plans.importPlan(c.admin.ctx, { ...head(), unitId: c.fgj.id, text });
    expect(own.tasks[0]?.unitMatch.matched).toEqual([
      { name: '综合股', unitIds: [section.id], how: 'alias' },
    ]);
    const county = await s.plans.importPlan(c.admin.ctx, { ...head(), text });
    expect(county.tasks[0]?.unitIds).toEqual([c.fgj.id]);
  });

  it('links tasks to the upper plan they implement (贯彻落实)', async () => {
    const upper = await s.plans.confirmImport(c.admin.ctx, {
      ...head(),
      title: '省工作要点',
      tasks: [{ number: '1', title: '上级任务', unitIds: [c.fgj.id] }],
    });
    const { planId } = await s.plans.confirmImport(c.admin.ctx, {
      ...head(),
      implementsPlanId: upper.planId,
      tasks: [{ number: '1', title: '落实任务', unitIds: [c.fgj.id], upperTaskId: upper.taskIds[0] }],
    });
    const { plan, tasks } = await s.plans.getPlan(planId);
    expect(plan.implements_plan_id).toBe(upper.planId);
    expect(tasks[0]?.upper_task_id).toBe(upper.taskIds[0]);
  });

  it('lists every reason a draft cannot be saved, by field, and saves nothing', async () => {
    const other = await s.plans.confirmImport(c.admin.ctx, {
      ...head(),
      tasks: [{ number: '1', title: '别的任务', unitIds: [c.fgj.id] }],
    });
    const outsider = await app.units.createUnit(
      { actor: { kind: 'system', name: 't' }, meta: c.admin.ctx.meta },
      null,
      { name: '外县人民政府', kind: 'government' },
    );
    const err = await s.plans
      .confirmImport(c.admin.ctx, {
        ...head(),
        title: '',
        implementsPlanId: 99999,
        tasks: [
          { number: '1', title: '无单位', unitIds: [] },
          { number: '2', title: '外单位', unitIds: [outsider.id], upperTaskId: other.taskIds[0] },
        ],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).problems).toEqual([{ field: 'title', message: '请填写计划标题' }]);
    const err2 = (await s.plans
      .confirmImport(c.admin.ctx, {
        ...head(),
        implementsPlanId: 99999,
        tasks: [
          { number: '1', title: '无单位', unitIds: [] },
          { number: '2', title: '外单位', unitIds: [outsider.id] },
        ],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(err2.problems.map((p) => p.field)).toEqual([
      'tasks.0.unitIds',
      'tasks.1.unitIds',
      'implementsPlanId',
    ]);
    expect(await taskCount()).toBe(1);
  });

  it('exports the ledger as .xlsx that reads back with its tasks, units and deadlines', async () => {
    const draft = await s.plans.importPlan(c.admin.ctx, { ...head(), text: seedText('000') });
    const { planId } = await s.plans.confirmImport(c.admin.ctx, draft);
    await expect(s.plans.exportLedger(c.fgjClerk.ctx, planId)).rejects.toMatchObject({ code: 'forbidden' });
    const { fileName, body } = await s.plans.exportLedger(c.admin.ctx, planId);
    expect(fileName).toBe('示范县2026年政务公开工作要点任务分工-工作台账.xlsx');
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-ledger-'));
    try {
      writeFileSync(path.join(dir, fileName), body);
      const back = await parsePlanFile(path.join(dir, fileName), { year: 2026 });
      expect(back.tasks).toHaveLength(14);
      expect(back.tasks[1]).toMatchObject({ number: '2', units: ['县发展和改革局', '县市场监督管理局'] });
      expect(back.tasks.map((t) => t.deadline)).toEqual(draft.tasks.map((t) => t.deadline));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only a 政务公开管理员 may import', async () => {
    const draft: PlanDraft | unknown = { ...head(), text: seedText('000') };
    await expect(s.plans.importPlan(c.fgjClerk.ctx, draft)).rejects.toMatchObject({ code: 'forbidden' });
    const reviewer = await buildUser(app, c.county, ['reviewer']);
    await expect(
      s.plans.confirmImport(reviewer.ctx, {
        ...head(),
        tasks: [{ number: '1', title: 'x', unitIds: [c.fgj.id] }],
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
