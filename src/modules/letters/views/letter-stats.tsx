/**
 * 信箱办理情况统计: the public page (/letters/stats) and the staff page (/admin/letters/stats), one table per
 * unit and per box, the 找错 figures, a server-rendered chart with the same numbers as a table, and the rule
 * of every figure. On the staff page each count links to the letters behind it.
 */
import type { ComponentChildren } from 'preact';
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Chart } from '../../../http/views/components.tsx';
import { AdminLayout, PublicLayout } from '../../../http/views/layouts.tsx';
import type { StatsReport } from '../letter-stats.service.ts';
import {
  FIGURE_LABELS,
  FIGURE_RULES,
  formatPercent,
  type MemberSet,
  STATS_FIGURES,
  type StatsRow,
} from '../letter-stats.ts';

export interface StatsPageProps {
  ctx: ViewContext;
  report: StatsReport;
  siteErrors: StatsReport;
  /** The picker's choices ('2026-09', …, '2026'). */
  choices: readonly { value: string; label: string }[];
  chartSvg: string;
  /** Staff: where the letters behind a count are listed (null on the public page). */
  linkFor:
    | ((group: { unit?: number | 'none'; box?: number; kind?: string }, set: MemberSet) => string)
    | null;
  action: string;
}

interface Line {
  key: string;
  name: string;
  row: StatsRow;
  group: { unit?: number | 'none'; box?: number; kind?: string };
}

function columns(first: string, linkFor: StatsPageProps['linkFor']): TableColumn<Line>[] {
  const count = (l: Line, n: number, set: MemberSet): ComponentChildren =>
    linkFor && n > 0 ? <a href={linkFor(l.group, set)}>{n}</a> : n;
  return [
    { header: first, cell: (l) => l.name },
    { header: FIGURE_LABELS.received, numeric: true, cell: (l) => count(l, l.row.received, 'received') },
    { header: FIGURE_LABELS.done, numeric: true, cell: (l) => count(l, l.row.done, 'done') },
    { header: FIGURE_LABELS.doneRate, numeric: true, cell: (l) => formatPercent(l.row.doneRate) },
    {
      header: FIGURE_LABELS.avgWorkingDays,
      numeric: true,
      cell: (l) => (l.row.avgWorkingDays === null ? '—' : l.row.avgWorkingDays),
    },
    {
      header: FIGURE_LABELS.onTimeRate,
      numeric: true,
      cell: (l) => (
        <>
          {formatPercent(l.row.onTimeRate)}
          {linkFor && l.row.done - l.row.onTime > 0 ? (
            <>
              {' '}
              （<a href={linkFor(l.group, 'late')}>逾期 {l.row.done - l.row.onTime}</a>）
            </>
          ) : null}
        </>
      ),
    },
    {
      header: FIGURE_LABELS.satisfactionRate,
      numeric: true,
      cell: (l) => (
        <>
          {formatPercent(l.row.satisfactionRate)}（已评价 {count(l, l.row.rated, 'rated')} 件）
        </>
      ),
    },
  ];
}

/**
 * A table that may scroll sideways (phones, 长者模式) in a region the keyboard can reach and scroll
 * (axe scrollable-region-focusable): the DataTable's own wrapper is not focusable.
 */
function ScrollTable(p: {
  caption: string;
  columns: TableColumn<Line>[];
  rows: Line[];
  empty?: ComponentChildren;
}) {
  return (
    <section class="table-wrap" aria-label={p.caption} tabindex={0}>
      <DataTable
        caption={p.caption}
        columns={p.columns}
        rows={p.rows}
        rowKey={(x) => x.key}
        wrap={false}
        {...(p.empty ? { empty: p.empty } : {})}
      />
    </section>
  );
}

function lines(report: StatsReport): { units: Line[]; boxes: Line[]; total: Line } {
  return {
    units: report.byUnit.map((u) => ({
      key: `u${u.unitId ?? 'none'}`,
      name: u.unitName,
      row: u.row,
      group: { unit: u.unitId ?? 'none' },
    })),
    boxes: report.byChannel.map((c) => ({
      key: `c${c.channelId}`,
      name: c.channelName,
      row: c.row,
      group: { box: c.channelId },
    })),
    total: { key: 'total', name: '合计', row: report.total, group: {} },
  };
}

function Picker({
  choices,
  value,
  action,
}: {
  choices: StatsPageProps['choices'];
  value: string;
  action: string;
}) {
  return (
    <search>
      <form method="get" action={action} class="filters">
        <div class="field">
          <label for="f-month">统计期间</label>
          <select class="select" id="f-month" name="month">
            {choices.map((c) => (
              <option key={c.value} value={c.value} selected={c.value === value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          查看
        </button>
      </form>
    </search>
  );
}

function StatsBody(p: StatsPageProps) {
  const r = p.report;
  const l = lines(r);
  const site = lines(p.siteErrors);
  const siteTotal = { ...site.total, name: '我为政府网站找错', group: { kind: 'site_error' } };
  return (
    <>
      <Picker choices={p.choices} value={r.period.value} action={p.action} />
      <p>
        {r.period.label}，各信箱共收到来信 {r.total.received} 件，已办结 {r.total.done} 件，办结率{' '}
        {formatPercent(r.total.doneRate)}；来信人评价 {r.total.rated} 件，满意率{' '}
        {formatPercent(r.total.satisfactionRate)}。
      </p>
      <ScrollTable
        caption={`${r.period.label}各单位办理情况`}
        columns={columns('单位', p.linkFor)}
        rows={[...l.units, l.total]}
      />
      <Chart svg={p.chartSvg} label={`${r.period.label}各单位收到和已办结的来信件数（柱状图，数字见上表）`} />
      <ScrollTable
        caption={`${r.period.label}各信箱办理情况`}
        columns={columns('信箱', p.linkFor)}
        rows={l.boxes}
        empty={<p>本期没有来信。</p>}
      />
      <ScrollTable
        caption={`${r.period.label}“我为政府网站找错”办理情况`}
        columns={columns('渠道', p.linkFor ? (g, s) => p.linkFor!({ ...g, kind: 'site_error' }, s) : null)}
        rows={[siteTotal]}
      />
      <section aria-labelledby="stats-rules">
        <h2 id="stats-rules">统计口径</h2>
        <dl class="summary-list">
          {STATS_FIGURES.map((f) => (
            <div class="summary-row" key={f}>
              <dt>{FIGURE_LABELS[f]}</dt>
              <dd>{FIGURE_RULES[f]}</dd>
            </div>
          ))}
        </dl>
        <p>统计按来信收到之日归入月份；数据随办理进度实时更新。</p>
      </section>
    </>
  );
}

export function PublicStatsPage(p: StatsPageProps) {
  return (
    <PublicLayout ctx={p.ctx} title="信箱办理情况统计">
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: '/interaction', label: '互动交流' },
          { label: '信箱办理情况统计' },
        ]}
      />
      <h1>信箱办理情况统计</h1>
      <p>
        <a href="/letters/replies">查看公开的来信及答复</a>
      </p>
      <StatsBody {...p} />
    </PublicLayout>
  );
}

export function AdminStatsPage(p: StatsPageProps) {
  return (
    <AdminLayout ctx={p.ctx} title="信箱办理情况统计">
      <Breadcrumbs items={[{ href: '/admin', label: '管理首页' }, { label: '信箱办理情况统计' }]} />
      <h1>信箱办理情况统计</h1>
      <p>
        与公开页面（<a href={`/letters/stats?month=${p.report.period.value}`}>/letters/stats</a>
        ）数字相同；点击件数可查看其中的来信。
      </p>
      <StatsBody {...p} />
    </AdminLayout>
  );
}
