/**
 * Demo data for the task ledger: 示范县's own 政务公开工作要点 (demo-work-plan-2026.txt, written for
 * 示范县 and its units) imported through the real parser and services, carrying out a small provincial
 * upper plan. The plan's year is the clock's year, so its deadlines fall where a county's would; reports
 * come in every state, and one task shared by 县发改局 and 县市场监管局 shows two units at different
 * stages (one part done, the other still being reviewed, a third not yet reported).
 */
import { readFileSync } from 'node:fs';
import type { CallContext } from '../../lib/actor.ts';
import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Registry } from '../../platform/module.ts';

const PLAN_FILE = new URL('./demo-work-plan-2026.txt', import.meta.url);
const PLAN_YEAR_IN_FILE = 2026;
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

const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The plan text moved to `year` (the file is written for 2026 and mentions 2025's annual report). */
export function demoPlanText(year: number): string {
  const text = readFileSync(PLAN_FILE, 'utf8');
  const shift = year - PLAN_YEAR_IN_FILE;
  return text
    .replace(/(20\d\d)年/g, (_, y: string) => `${Number(y) + shift}年`)
    .replace(/〔(20\d\d)〕/g, (_, y: string) => `〔${Number(y) + shift}〕`);
}

/** Seeds the ledger; returns a progress line. */
export async function seedDemoTasks(app: Registry): Promise<string> {
  const county = await unitId(app, '示范县人民政府');
  const today = todayInShanghai(app.clock.now());
  const year = Number(today.slice(0, 4));
  const upper = await app.tasks.plans.confirmImport(system, {
    ...{
      unitId: county,
      year,
      title: `湖南省${year}年政务公开工作要点（摘要）`,
      source: `湘政办发〔${year}〕（示例）`,
    },
    tasks: [
      {
        number: '1',
        title: '围绕稳经济促发展加强政策发布解读',
        deadline: { recurrence: 'realtime' },
        unitIds: [county],
      },
      {
        number: '2',
        title: '深化基层政务公开标准化规范化',
        deadline: { date: `${year}-12-31` },
        unitIds: [county],
      },
    ],
  });
  const head = {
    unitId: county,
    year,
    title: `示范县${year}年政务公开工作要点`,
    source: `示政办发〔${year}〕10号`,
  };
  const draft = await app.tasks.plans.importPlan(system, {
    ...head,
    implementsPlanId: upper.planId,
    text: demoPlanText(year),
  });
  const byTitle = (title: string) => {
    const i = draft.tasks.findIndex((t) => t.title === title);
    if (i < 0) throw new Error(`demo plan task missing: ${title}`);
    return i;
  };
  const T = {
    business: byTitle('优化营商环境信息公开'),
    projects: byTitle('重大建设项目信息公开'),
    budget: byTitle('财政预决算公开'),
    normative: byTitle('规范性文件管理和政策解读'),
    grassroots: byTitle('基层政务公开标准化规范化'),
  };
  draft.tasks[T.business]!.upperTaskId = upper.taskIds[0]!;
  draft.tasks[T.grassroots]!.upperTaskId = upper.taskIds[1]!;
  const { taskIds } = await app.tasks.plans.confirmImport(system, draft);
  const fgj = await unitId(app, '县发展和改革局');
  const scj = await unitId(app, '县市场监督管理局');
  const czj = await unitId(app, '县财政局');
  const clerk = await userCtx(app, 'clerk');
  const reviewer = await userCtx(app, 'reviewer');
  const scjClerk = await userCtx(app, 'scjclerk');
  const czjClerk = await userCtx(app, 'czjclerk');
  const office = await userCtx(app, 'gkadmin');
  const report = async (
    who: CallContext,
    unit: number,
    task: number,
    daysAgo: number,
    text: string,
    done = false,
  ) =>
    app.tasks.reports.submitReport(who, taskIds[task]!, {
      ...{ unitId: unit, reportDate: maxDate(addDays(today, -daysAgo), `${year}-01-01`), text, done },
      evidence: ['/units', 'https://www.sfx.example.gov.cn/zwgk/yshj/'],
    });
  const accept = async (id: number) => app.tasks.reports.acceptReport(office, id);
  // 优化营商环境: 县发改局's part accepted as 完成; 县市场监管局 reported progress (accepted) and has a
  // newer report awaiting review; 县税务局 has not reported.
  await accept(
    await report(clerk, fgj, T.business, 60, '已在门户网站开设优化营商环境专栏，集中发布惠企政策 12 件。'),
  );
  await accept(await report(scjClerk, scj, T.business, 25, '涉企收费清单已梳理，正在核对后公开。'));
  await report(scjClerk, scj, T.business, 3, '涉企收费清单已在专栏公开，共 36 项。');
  await accept(
    await report(
      reviewer,
      fgj,
      T.business,
      20,
      '专栏按月更新，投资项目审批流程已公开，本单位任务完成。',
      true,
    ),
  );
  // 重大建设项目: returned with a comment, then a new report awaiting review.
  const returned = await report(clerk, fgj, T.projects, 30, '已公开部分项目信息。');
  await app.tasks.reports.returnReport(office, returned, {
    comment: '请补充重大建设项目批准和实施信息的链接。',
  });
  await report(clerk, fgj, T.projects, 5, '已补充重大建设项目批准、实施信息，见佐证链接。');
  // 财政预决算: 县财政局 finished.
  await accept(
    await report(czjClerk, czj, T.budget, 45, '县本级及 16 个部门预决算、“三公”经费已全部公开。', true),
  );
  // 规范性文件 (县直各单位): 县发改局 finished, 县财政局 reported progress, the others not yet.
  await accept(await report(czjClerk, czj, T.normative, 10, '已完成 3 件规范性文件的清理评估，待公布结果。'));
  await accept(await report(reviewer, fgj, T.normative, 15, '本单位规范性文件已清理，结果已公布。', true));
  return `已导入示范工作要点 ${taskIds.length} 项任务及进展报告`;
}
