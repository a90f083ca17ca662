/**
 * 年度报告总览 (/admin/reports): every unit of the user's scope with its report's status for a year, 逾期,
 * failing checks, deadline, publication date and latest reminder; counts per status that filter the
 * list; plain GET forms and links, so it works without JavaScript.
 */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { hrefWith, Pager } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, SelectField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { DashboardFilter, DashboardRow } from '../report-dashboard.service.ts';
import { reminderText } from '../report-deadlines.ts';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../report-status.ts';
import { reportPath } from './report-editor.tsx';

export const FILTER_LABELS: Record<DashboardFilter, string> = {
  ...REPORT_STATUS_LABELS,
  overdue: '逾期',
  failing: '检查未通过',
};
const FILTER_ORDER: DashboardFilter[] = [...REPORT_STATUSES, 'overdue', 'failing'];

export function ReportDashboardPage(p: {
  ctx: ViewContext;
  year: number;
  years: number[];
  filter: DashboardFilter | undefined;
  counts: Record<DashboardFilter, number>;
  total: number;
  rows: DashboardRow[];
  matching: number;
  page: number;
  pageSize: number;
  canOversee: boolean;
}) {
  const title = `${p.year}年度政府信息公开工作年度报告总览`;
  const base = '/admin/reports';
  const columns: TableColumn<DashboardRow>[] = [
    {
      header: '单位',
      cell: (r) => (
        <a href={reportPath(r.unit.id, p.year)}>
          {r.unit.name}
          <span class="visually-hidden">（打开{p.year}年度报告）</span>
        </a>
      ),
    },
    { header: '状态', cell: (r) => REPORT_STATUS_LABELS[r.status] },
    { header: '逾期', cell: (r) => (r.overdue ? <strong>逾期</strong> : '否') },
    {
      header: '检查',
      cell: (r) => (r.errors ? `${r.errors} 项未通过` : '通过'),
    },
    { header: '期限', cell: (r) => r.deadline, class: 'mono' },
    { header: '发布日期', cell: (r) => r.publishedOn ?? '—', class: 'mono' },
    { header: '提醒', cell: (r) => (r.reminder ? reminderText(r.reminder, r.deadline) : '—') },
    ...(p.canOversee
      ? [
          {
            header: '汇总',
            cell: (r: DashboardRow) =>
              r.unit.kind === 'government' ? (
                <a href={hrefWith(`${base}/totals`, { unit: r.unit.id, year: p.year })}>
                  本级及下属汇总<span class="visually-hidden">：{r.unit.name}</span>
                </a>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];
  return (
    <AdminLayout ctx={p.ctx} title={title}>
      <Breadcrumbs items={[{ href: '/admin', label: '管理首页' }, { label: '年度报告' }]} />
      <h1>{title}</h1>
      <form method="get" action={base} class="filters">
        <SelectField
          form={{ values: { year: String(p.year), status: p.filter ?? '' }, problems: [] }}
          name="year"
          label="年度"
          options={p.years.map((y) => ({ value: String(y), label: `${y}年度` }))}
        />
        <SelectField
          form={{ values: { status: p.filter ?? '' }, problems: [] }}
          name="status"
          label="状态"
          placeholder="全部"
          options={FILTER_ORDER.map((f) => ({ value: f, label: FILTER_LABELS[f] }))}
        />
        <Button kind="secondary">筛选</Button>
      </form>
      <h2>统计</h2>
      <ul class="inline-list report-counts">
        <li>
          <a href={hrefWith(base, { year: p.year })} aria-current={p.filter ? undefined : 'true'}>
            全部 {p.total}
          </a>
        </li>
        {FILTER_ORDER.map((f) => (
          <li key={f}>
            <a
              href={hrefWith(base, { year: p.year, status: f })}
              aria-current={p.filter === f ? 'true' : undefined}
            >
              {FILTER_LABELS[f]} {p.counts[f]}
            </a>
          </li>
        ))}
      </ul>
      {p.canOversee ? (
        <p>
          <a href="/admin/reports/settings">期限和提醒设置</a>
        </p>
      ) : null}
      <DataTable
        caption={`${p.filter ? FILTER_LABELS[p.filter] : '全部'}单位（${p.matching} 个）`}
        columns={columns}
        rows={p.rows}
        rowKey={(r) => r.unit.id}
        class="data-table"
        empty="没有符合条件的单位。"
      />
      <Pager
        base={base}
        params={{ year: p.year, status: p.filter }}
        page={p.page}
        total={p.matching}
        pageSize={p.pageSize}
        label="单位列表分页"
      />
      <p class="hint">
        期限：部门1月31日、本级人民政府3月31日（《政府信息公开条例》第四十九条），乡镇（街道）按本地规定。
        提醒由每日任务记录，显示在本页和各单位的报告页（系统不发送电子邮件）。
      </p>
    </AdminLayout>
  );
}
