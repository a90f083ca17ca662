/** The letters behind one number of the statistics (/admin/letters/stats/records): staff only. */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { LETTER_STATUS_LABELS, type LetterStatus } from '../letter.model.ts';
import { doneOn, MEMBER_SET_LABELS, type MemberSet, type StatsRecord } from '../letter-stats.ts';

export interface StatsRecordsProps {
  ctx: ViewContext;
  periodLabel: string;
  periodValue: string;
  groupLabel: string;
  set: MemberSet;
  records: readonly StatsRecord[];
  /** Letters of units outside the actor's scope, counted but not listed. */
  hidden: number;
}

const COLUMNS: TableColumn<StatsRecord>[] = [
  { header: '编号', class: 'mono', cell: (r) => <a href={`/admin/letters/${r.id}`}>{r.reference}</a> },
  { header: '标题', cell: (r) => r.title },
  { header: '状态', cell: (r) => LETTER_STATUS_LABELS[r.status as LetterStatus] ?? r.status },
  { header: '收到', cell: (r) => r.receivedOn },
  { header: '答复期限', cell: (r) => r.dueOn },
  { header: '首次答复', cell: (r) => r.firstAnsweredOn ?? '—' },
  { header: '办结', cell: (r) => doneOn(r) ?? '—' },
  {
    header: '评价',
    cell: (r) =>
      ({ satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' })[r.rating ?? ''] ?? '—',
  },
];

export function StatsRecordsPage(p: StatsRecordsProps) {
  const title = `${p.periodLabel} · ${p.groupLabel} · ${MEMBER_SET_LABELS[p.set]}`;
  return (
    <AdminLayout ctx={p.ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: `/admin/letters/stats?month=${p.periodValue}`, label: '信箱办理情况统计' },
          { label: MEMBER_SET_LABELS[p.set] },
        ]}
      />
      <h1>{title}</h1>
      <p>
        共 {p.records.length + p.hidden} 件{p.hidden ? `，其中 ${p.hidden} 件不属于您管理的单位，未列出` : ''}
        。
      </p>
      <DataTable
        caption={title}
        captionHidden
        columns={COLUMNS}
        rows={p.records}
        rowKey={(r) => r.id}
        empty={<p>没有来信。</p>}
      />
    </AdminLayout>
  );
}
