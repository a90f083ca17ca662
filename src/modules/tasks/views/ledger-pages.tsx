/** The office's ledger (matrix, lists, chart) and a unit's own tasks (我的任务). */
import type { ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Button,
  Chart,
  ErrorSummary,
  Notice,
  SelectField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { renderBarChartSvg } from '../../../lib/charts.ts';
import type { LedgerMatrix, LedgerTaskInput } from '../task-ledger.presenter.ts';
import { TASK_STATUS_LABELS, TASK_STATUSES } from '../task-status.ts';
import { deadlineText, PartTag, ReportStateTag, StatusLegend, StatusTag, TasksStyles } from './task-ui.tsx';

const DONE: Record<string, string> = {
  imported: '工作要点已导入，任务已写入工作台账。',
  accepted: '进展报告已采纳。',
  returned: '进展报告已退回。',
  carried: '回头看：未完成任务已转入下一年度。',
};

type Plan = { id: number; year: number; title: string };

export interface LedgerPageProps {
  ctx: ViewContext;
  plans: Plan[];
  plan: Plan | null;
  filters: { status?: string; unitId?: number };
  matrix: LedgerMatrix | null;
  pending: {
    id: number;
    task_id: number;
    number: string;
    title: string;
    unit_name: string;
    report_date: string;
  }[];
  done?: string;
  carryProblems?: { field: string; message: string }[];
}

function TaskList({ tasks, caption, empty }: { tasks: LedgerTaskInput[]; caption: string; empty: string }) {
  if (tasks.length === 0) return <p>{empty}</p>;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">任务</th>
          <th scope="col">完成时限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id}>
            <td>{t.number}</td>
            <td>
              <a href={`/admin/tasks/${t.id}`}>{t.title}</a>
            </td>
            <td>{deadlineText(t)}</td>
            <td>
              <StatusTag status={t.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Filters({
  plans,
  plan,
  filters,
  matrix,
}: Pick<LedgerPageProps, 'plans' | 'plan' | 'filters' | 'matrix'>) {
  const values = {
    plan: String(plan?.id ?? ''),
    status: filters.status ?? '',
    unit: String(filters.unitId ?? ''),
  };
  const form = { values, problems: [] };
  const units = matrix ? matrix.completion.map((c) => ({ value: String(c.unitId), label: c.unitName })) : [];
  return (
    <form method="get" action="/admin/tasks" class="filters">
      <SelectField
        form={form}
        name="plan"
        label="工作要点"
        options={plans.map((p) => ({ value: String(p.id), label: `${p.year}年 ${p.title}` }))}
      />
      <SelectField
        form={form}
        name="status"
        label="状态"
        placeholder="全部"
        options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
      />
      <SelectField form={form} name="unit" label="责任单位" placeholder="全部" options={units} />
      <Button kind="secondary">筛选</Button>
    </form>
  );
}

function Matrix({ matrix }: { matrix: LedgerMatrix }) {
  return (
    <section class="table-scroll" aria-label="任务与单位矩阵" tabindex={0}>
      <table class="data-table matrix">
        <caption class="visually-hidden">
          任务与责任单位：每格为单位的角色、本单位承担部分的状态和最近一次进展报告的状态
        </caption>
        <thead>
          <tr>
            <th scope="col">序号 任务</th>
            <th scope="col">完成时限</th>
            <th scope="col">状态</th>
            {matrix.columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                <span class="task-number">{t.number}</span>
                <a href={`/admin/tasks/${t.id}`}>{t.title}</a>
              </th>
              <td>{deadlineText(t)}</td>
              <td>
                <StatusTag status={t.status} />
              </td>
              {t.cells.map((cell, i) =>
                cell.role ? (
                  <td key={matrix.columns[i]?.id}>
                    {cell.role === 'lead' ? '牵头' : '责任'} <PartTag part={cell.part ?? 'not_started'} />
                    {cell.part !== 'not_applicable' ? (
                      <>
                        {' '}
                        <ReportStateTag state={cell.state} />
                      </>
                    ) : null}
                  </td>
                ) : (
                  <td key={matrix.columns[i]?.id}>
                    <span class="visually-hidden">不涉及</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CompletionChart({ completion }: { completion: LedgerMatrix['completion'] }) {
  if (completion.length === 0) return null;
  const svg = renderBarChartSvg({
    categories: completion.map((c) => c.unitName),
    series: [{ name: '完成率', values: completion.map((c) => Math.round(c.rate * 1000) / 10) }],
    horizontal: true,
    max: 100,
    unit: '%',
  });
  return (
    <Chart svg={svg} label="各单位任务完成率（本单位已完成的部分 ÷ 承担的部分，不含不适用）">
      <table class="data-table">
        <caption>各单位完成情况</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">承担任务</th>
            <th scope="col">已完成</th>
            <th scope="col">完成率</th>
          </tr>
        </thead>
        <tbody>
          {completion.map((c) => (
            <tr key={c.unitId}>
              <th scope="row">{c.unitName}</th>
              <td>{c.total}</td>
              <td>{c.done}</td>
              <td>{(c.rate * 100).toFixed(1)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Chart>
  );
}

export function LedgerPage(p: LedgerPageProps) {
  const { ctx, plan, matrix } = p;
  return (
    <AdminLayout ctx={ctx} title="工作台账">
      <TasksStyles />
      <h1>工作台账</h1>
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <ErrorSummary problems={p.carryProblems ?? []} />
      <div class="actions">
        <a href="/admin/tasks/plans/new">导入工作要点</a>
        <a href="/admin/tasks/bulletin">季度通报</a>
        <a href="/admin/tasks/assessment">年度考核</a>
        {plan ? <a href={`/admin/tasks/plans/${plan.id}/ledger.xlsx`}>导出台账（Excel）</a> : null}
      </div>
      {plan === null || matrix === null ? (
        <p>还没有工作要点。请先导入工作要点。</p>
      ) : (
        <>
          <Filters plans={p.plans} plan={plan} filters={p.filters} matrix={matrix} />
          <h2>待审核的进展报告</h2>
          {p.pending.length === 0 ? (
            <p>没有待审核的进展报告。</p>
          ) : (
            <ul>
              {p.pending.map((r) => (
                <li key={r.id}>
                  <a href={`/admin/tasks/${r.task_id}#report-${r.id}`}>
                    {r.unit_name}：{r.number} {r.title}（{r.report_date}）
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h2>逾期任务</h2>
          <TaskList tasks={matrix.overdue} caption="逾期任务" empty="没有逾期任务。" />
          <h2>即将到期（5 个工作日内）</h2>
          <TaskList tasks={matrix.dueSoon} caption="即将到期的任务" empty="没有即将到期的任务。" />
          <h2>
            任务矩阵（{plan.year}年 {plan.title}）
          </h2>
          <StatusLegend />
          <Matrix matrix={matrix} />
          <h2>各单位完成率</h2>
          <CompletionChart completion={matrix.completion} />
          <h2>回头看</h2>
          <p>将本工作要点中未完成的任务转入 {plan.year + 1} 年，原任务的进展报告保留并可相互链接。</p>
          <ActionForm
            action={`/admin/tasks/plans/${plan.id}/carry-over`}
            csrf={ctx.csrfToken}
            label={`转入 ${plan.year + 1} 年`}
          />
        </>
      )}
    </AdminLayout>
  );
}

type UnitTask = LedgerTaskInput & {
  plan_title: string;
  year: number;
  role: string;
  state: string | null;
  /** The unit's own part (PartStatus). */
  part: string;
};

export function MyTasksPage(p: {
  ctx: ViewContext;
  unitName: string | null;
  tasks: UnitTask[];
  overdue: LedgerTaskInput[];
  dueSoon: LedgerTaskInput[];
}) {
  return (
    <AdminLayout ctx={p.ctx} title="我的任务">
      <TasksStyles />
      <h1>我的任务</h1>
      {p.unitName === null ? (
        <p>当前单位没有报送任务进展的权限。</p>
      ) : (
        <>
          <p>当前单位：{p.unitName}。可在页面顶部切换单位。</p>
          <h2>已逾期</h2>
          <TaskList tasks={p.overdue} caption="已逾期的任务" empty="没有逾期任务。" />
          <h2>即将到期（5 个工作日内）</h2>
          <TaskList tasks={p.dueSoon} caption="即将到期的任务" empty="没有即将到期的任务。" />
          <h2>全部任务</h2>
          {p.tasks.length === 0 ? (
            <p>本单位暂无任务。</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">工作要点</th>
                  <th scope="col">序号</th>
                  <th scope="col">任务</th>
                  <th scope="col">角色</th>
                  <th scope="col">完成时限</th>
                  <th scope="col">本单位承担部分</th>
                  <th scope="col">任务整体</th>
                  <th scope="col">本单位报送</th>
                </tr>
              </thead>
              <tbody>
                {p.tasks.map((t) => (
                  <tr key={t.id}>
                    <td>
                      {t.year}年 {t.plan_title}
                    </td>
                    <td>{t.number}</td>
                    <td>
                      <a href={`/admin/tasks/${t.id}`}>{t.title}</a>
                    </td>
                    <td>{t.role === 'lead' ? '牵头' : '责任'}</td>
                    <td>{deadlineText(t)}</td>
                    <td>
                      <PartTag part={t.part} />
                    </td>
                    <td>
                      <StatusTag status={t.status} />
                    </td>
                    <td>
                      <ReportStateTag state={t.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </AdminLayout>
  );
}
