/**
 * Demo data for the task ledger: 示范县's 2026 plan imported from seed 000's task table (中方县's
 * implementation of the 湖南省 plan, its year moved to 2026) through the real services, implementing a
 * small provincial upper plan; progress reports in every state; two tasks overdue. Dates are relative
 * to the clock's today so the demo looks alive whenever it is loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { CallContext } from '../../lib/actor.ts';
import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Registry } from '../../platform/module.ts';

const SEEDS = new URL('../../../test/fixtures/seeds/', import.meta.url);
const system: CallContext = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };

async function userCtx(app: Registry, username: string): Promise<CallContext> {
  const user = await app.accounts.findUserByUsername(username);
  if (!user) throw new Error(`demo account missing: ${username}`);
  return { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
}

async function unitId(app: Registry, name: string): Promise<number> {
  const u = await app.units.findByName(name);
  if (!u) throw new Error(`demo unit missing: ${name}`);
  return u.id;
}

/** Seeds the ledger; returns a progress line. Skips quietly when seed 000 is not in the checkout. */
export async function seedDemoTasks(app: Registry): Promise<string> {
  const file = readdirSync(SEEDS).find((n) => n.startsWith('000'));
  if (!file) return '未找到示范工作要点，跳过工作台账演示数据';
  const county = await unitId(app, '示范县人民政府');
  const today = todayInShanghai(app.clock.now());
  const upper = await app.tasks.plans.confirmImport(system, {
    ...{
      unitId: county,
      year: 2026,
      title: '湖南省2026年政务公开工作要点（摘要）',
      source: '湘政办发〔2026〕（示例）',
    },
    tasks: [
      {
        number: '1',
        title: '围绕“三大支撑八项重点”加强政策发布解读',
        deadline: { recurrence: 'realtime' },
        unitIds: [county],
      },
      {
        number: '2',
        title: '深化基层政务公开标准化规范化',
        deadline: { date: '2026-12-31' },
        unitIds: [county],
      },
    ],
  });
  const text = readFileSync(new URL(file, SEEDS), 'utf8').replaceAll('2022', '2026');
  const head = {
    unitId: county,
    year: 2026,
    title: '示范县贯彻落实湖南省2026年政务公开工作要点任务分工',
    source: '示范政办发〔2026〕10号',
  };
  const draft = await app.tasks.plans.importPlan(system, { ...head, implementsPlanId: upper.planId, text });
  // The office corrects two deadlines while reviewing the draft: these become the overdue examples.
  draft.tasks[7]!.deadline = { date: addDays(today, -40) };
  draft.tasks[12]!.deadline = { date: addDays(today, -10) };
  draft.tasks[0]!.upperTaskId = upper.taskIds[0]!;
  draft.tasks[11]!.upperTaskId = upper.taskIds[1]!;
  const { taskIds } = await app.tasks.plans.confirmImport(system, draft);
  const fgj = await unitId(app, '县发展和改革局');
  const clerk = await userCtx(app, 'clerk');
  const reviewer = await userCtx(app, 'reviewer');
  const office = await userCtx(app, 'gkadmin');
  const report = async (who: CallContext, task: number, daysAgo: number, text: string, done = false) =>
    app.tasks.reports.submitReport(who, taskIds[task]!, {
      ...{ unitId: fgj, reportDate: addDays(today, -daysAgo), text, done },
      evidence: ['/units', 'https://www.sfx.example.gov.cn/zwgk/yshj/'],
    });
  // 优化营商环境 (task 2): accepted progress, then a 完成 report accepted → 已完成.
  await app.tasks.reports.acceptReport(
    office,
    await report(clerk, 1, 60, '已开设优化营商环境专栏，发布政策文件 12 件。'),
  );
  await app.tasks.reports.acceptReport(
    office,
    await report(reviewer, 1, 20, '专栏按月更新，全年任务已完成。', true),
  );
  // 有效投资 (task 4): returned with a comment, then a new report awaiting review.
  const returned = await report(clerk, 3, 30, '已公开部分项目信息。');
  await app.tasks.reports.returnReport(office, returned, {
    comment: '请补充重大建设项目批准和实施信息的链接。',
  });
  await report(clerk, 3, 5, '已补充重大建设项目批准、实施信息，见佐证链接。');
  // 政策解读 (task 10, all departments): 县发改局 finished on time.
  await app.tasks.reports.acceptReport(
    office,
    await report(reviewer, 9, 15, '政策文件与解读材料同步发布。', true),
  );
  return `已导入示范工作要点 ${taskIds.length} 项任务及进展报告`;
}
