/** 规范性文件库 (back office): the entries of the actor's units, filtered, paged. */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { Pager, type QueryParams } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, CheckboxGroup, SelectField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { ENTRY_PAGE_SIZE, type EntryListRow } from '../library-admin.service.ts';
import {
  CERTAINTY_LABELS,
  type Certainty,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  type PolicyKind,
  VALIDITY_STATE_LABELS,
  VALIDITY_STATES,
  type ValidityState,
} from '../policy.model.ts';

export const stateLabel = (s: string) => VALIDITY_STATE_LABELS[s as ValidityState] ?? s;
export const certaintyLabel = (c: string) => CERTAINTY_LABELS[c as Certainty] ?? c;
export const kindLabel = (k: string) => POLICY_KIND_LABELS[k as PolicyKind] ?? k;

const COLUMNS: readonly TableColumn<EntryListRow>[] = [
  {
    header: '标题',
    cell: (r) => (
      <>
        <a href={`/admin/policies/${r.document_id}`}>{r.title}</a>
        {r.doc_number ? <span class="hint"> {r.doc_number}</span> : null}
      </>
    ),
  },
  { header: '类型', cell: (r) => kindLabel(r.kind) },
  { header: '制定单位', cell: (r) => r.unit_name },
  { header: '施行日期', cell: (r) => r.effective_on ?? '—', class: 'mono' },
  { header: '有效期至', cell: (r) => r.expires_on ?? '未设', class: 'mono' },
  {
    header: '有效性',
    cell: (r) => (
      <>
        {stateLabel(r.state)}
        <span class="hint">（{certaintyLabel(r.certainty)}）</span>
      </>
    ),
  },
  { header: '评估', cell: (r) => (r.open_evaluation ? '待评估' : '—') },
  { header: '文件', cell: (r) => <a href={`/admin/documents/${r.document_id}`}>查看文件</a> },
];

export function LibraryListPage(p: {
  ctx: ViewContext;
  rows: EntryListRow[];
  total: number;
  page: number;
  filters: Record<string, string>;
  units: { id: number; name: string }[];
  canManage: boolean;
}) {
  const form = { values: p.filters, problems: [] };
  const pages = Math.max(1, Math.ceil(p.total / ENTRY_PAGE_SIZE));
  return (
    <AdminLayout ctx={p.ctx} title="规范性文件库">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '规范性文件库' }]} />
      <h1>规范性文件库</h1>
      {p.canManage ? (
        <p>
          <a href="/admin/policies/settings">文件库设置</a>
        </p>
      ) : null}
      <form method="get" action="/admin/policies" class="filters">
        <SelectField
          form={form}
          name="kind"
          label="类型"
          placeholder="全部"
          options={POLICY_KINDS.map((k) => ({ value: k, label: POLICY_KIND_LABELS[k] }))}
        />
        <SelectField
          form={form}
          name="state"
          label="有效性"
          placeholder="全部"
          options={VALIDITY_STATES.map((s) => ({ value: s, label: VALIDITY_STATE_LABELS[s] }))}
        />
        <SelectField
          form={form}
          name="unit"
          label="制定单位"
          placeholder="全部"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <CheckboxGroup
          form={form}
          name="soon"
          legend="到期"
          options={[{ value: '1', label: '六个月内到期' }]}
        />
        <CheckboxGroup
          form={form}
          name="evaluation"
          legend="评估"
          options={[{ value: '1', label: '有待办评估任务' }]}
        />
        <Button kind="secondary">筛选</Button>
      </form>
      <DataTable
        caption={`共 ${p.total} 件，第 ${p.page} / ${pages} 页`}
        columns={COLUMNS}
        rows={p.rows}
        rowKey={(r) => r.document_id}
        empty="没有符合条件的文件。"
      />
      <Pager base="/admin/policies" params={p.filters as QueryParams} page={p.page} pages={pages} />
    </AdminLayout>
  );
}
