/**
 * The monitor's overdue list (/admin/letters/overdue, 'letter.oversee'): every letter past its due day, the
 * ones unanswered for more than INSPECTION_UNANSWERED_MONTHS months first and marked (国办秘函〔2019〕19号:
 * 单项否决), the 找错 reports past their limit apart, and the xlsx export.
 */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { INSPECTION_UNANSWERED_MONTHS, LETTER_STATUS_LABELS, type LetterStatus } from '../letter.model.ts';
import type { OverdueEntry, OverdueList } from '../letter-reminders.ts';

export const INSPECTION_MARK = `超过${INSPECTION_UNANSWERED_MONTHS}个月未答复（单项否决）`;
export const OVERDUE_PATH = '/admin/letters/overdue';

const base: TableColumn<OverdueEntry>[] = [
  { header: '编号', class: 'mono', cell: (e) => <a href={`/admin/letters/${e.id}`}>{e.reference}</a> },
  { header: '标题', cell: (e) => e.title },
  { header: '办理单位', cell: (e) => (e.routed ? e.unitName : `${e.unitName}（待分办）`) },
  { header: '状态', cell: (e) => LETTER_STATUS_LABELS[e.status as LetterStatus] ?? e.status },
  { header: '收到', cell: (e) => e.receivedOn },
  { header: '答复期限', cell: (e) => e.dueOn },
  { header: '超期（工作日）', numeric: true, cell: (e) => e.workingDaysLate },
];
const LETTER_COLUMNS: TableColumn<OverdueEntry>[] = [
  ...base.slice(0, 1),
  {
    header: '检查',
    cell: (e) => (e.inspection ? <strong class="tag tag-warning">{INSPECTION_MARK}</strong> : '—'),
  },
  ...base.slice(1),
];
const SITE_COLUMNS: TableColumn<OverdueEntry>[] = [
  ...base.slice(0, 2),
  { header: '页面地址', cell: (e) => e.pageUrl ?? '—' },
  ...base.slice(2),
];

export function OverduePage({ ctx, list }: { ctx: ViewContext; list: OverdueList }) {
  const inspection = list.letters.filter((e) => e.inspection).length;
  return (
    <AdminLayout ctx={ctx} title="超期未答复的来信">
      <Breadcrumbs items={[{ href: '/admin', label: '管理首页' }, { label: '超期未答复的来信' }]} />
      <h1>超期未答复的来信</h1>
      <p>
        截至 {list.today}：信箱来信超期 {list.letters.length} 件，“我为政府网站找错”超期{' '}
        {list.siteErrors.length} 件。
        <a href={`${OVERDUE_PATH}.xlsx`}>导出 Excel</a>
      </p>
      {inspection ? (
        <Notice kind="warning">
          有 {inspection} 件来信{INSPECTION_MARK.replace('（单项否决）', '')}
          。依据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），
          政务咨询类栏目存在超过3个月未回应的有效留言的，网站检查单项否决，请立即督办。
        </Notice>
      ) : null}
      <DataTable
        caption="信箱来信（超过3个月未答复的排在最前）"
        columns={LETTER_COLUMNS}
        rows={list.letters}
        rowKey={(e) => e.id}
        empty={<p>没有超期的来信。</p>}
      />
      <DataTable
        caption="我为政府网站找错（超过答复时限）"
        columns={SITE_COLUMNS}
        rows={list.siteErrors}
        rowKey={(e) => e.id}
        empty={<p>没有超期的找错留言。</p>}
      />
    </AdminLayout>
  );
}
