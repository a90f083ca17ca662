/** 文件清理: the list of batches and the new-batch page (criteria → the matching documents → create). */
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  CLEANUP_BATCH_STATE_LABELS,
  type CleanupBatchState,
  type CleanupCriteria,
} from '../cleanup.model.ts';
import type { CleanupRow, MatchingEntry } from '../cleanup.repository.ts';
import {
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  VALIDITY_STATE_LABELS,
  VALIDITY_STATES,
  type ValidityState,
} from '../policy.model.ts';

export const CLEANUPS_PATH = '/admin/policies/cleanups';
const crumbs = (label?: string) => (
  <Breadcrumbs items={[{ href: CLEANUPS_PATH, label: '文件清理' }, ...(label ? [{ label }] : [])]} />
);

/** One sentence describing what a batch selected (its 清理范围). */
export function describeCriteria(c: CleanupCriteria, unitName: string): string {
  const dates =
    c.publishedFrom || c.publishedTo
      ? `公布日期 ${c.publishedFrom ?? '不限'} 至 ${c.publishedTo ?? '不限'}`
      : '公布日期不限';
  return [
    `${unitName}${c.includeSubtree ? '（含下级单位）' : ''}`,
    c.kinds.map((k) => POLICY_KIND_LABELS[k]).join('、'),
    dates,
    `有效性：${c.states.map((s) => VALIDITY_STATE_LABELS[s]).join('、')}`,
  ].join('；');
}

export function CleanupListPage({
  ctx,
  rows,
  canCreate,
  queue = false,
}: {
  ctx: ViewContext;
  rows: (CleanupRow & { unit_name: string })[];
  canCreate: boolean;
  /** Only the batches awaiting review (the reviewers' menu entry). */
  queue?: boolean;
}) {
  const title = queue ? '待审核的文件清理' : '文件清理';
  return (
    <AdminLayout ctx={ctx} title={title}>
      {crumbs(queue ? '待审核' : undefined)}
      <h1>{title}</h1>
      <p class="lead">
        按单位、公布日期和有效性选出规范性文件，逐件作出继续有效、修改、废止或宣布失效的清理结论，经审核后发布清理结果；结果发布时，废止和失效记录登记到各文件。
      </p>
      {canCreate && !queue ? (
        <p>
          <a class="button button-primary" href={`${CLEANUPS_PATH}/new`}>
            新建清理批次
          </a>
        </p>
      ) : null}
      <DataTable
        caption="清理批次"
        rows={rows}
        rowKey={(r) => r.id}
        empty={queue ? '没有待审核的清理批次。' : '还没有清理批次。'}
        columns={[
          { header: '名称', cell: (r) => <a href={`${CLEANUPS_PATH}/${r.id}`}>{r.title}</a> },
          { header: '单位', cell: (r) => r.unit_name },
          {
            header: '状态',
            cell: (r) => CLEANUP_BATCH_STATE_LABELS[r.state as CleanupBatchState] ?? r.state,
          },
          { header: '建立日期', cell: (r) => r.created_at.slice(0, 10) },
          {
            header: '清理结果',
            cell: (r) =>
              r.result_document_id ? <a href={`/admin/documents/${r.result_document_id}`}>结果文件</a> : '—',
          },
        ]}
      />
    </AdminLayout>
  );
}

export interface NewCleanupProps {
  ctx: ViewContext;
  units: { id: number; name: string }[];
  /** The criteria as typed (query string) and their problems. */
  criteriaForm: FormState;
  /** The matching documents once the criteria were checked. */
  preview: { criteria: CleanupCriteria; entries: MatchingEntry[] } | null;
  /** The create form (title, basis) and its problems. */
  createForm: FormState;
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)];

/** The hidden copies of the checked criteria in the create form. */
function CriteriaHidden({ c }: { c: CleanupCriteria }) {
  const pairs: [string, string][] = [
    ['unitId', String(c.unitId)],
    ...(c.includeSubtree ? ([['includeSubtree', '1']] as [string, string][]) : []),
    ...c.kinds.map((k): [string, string] => ['kinds', k]),
    ...c.states.map((s): [string, string] => ['states', s]),
    ['publishedFrom', c.publishedFrom ?? ''],
    ['publishedTo', c.publishedTo ?? ''],
  ];
  return (
    <>
      {pairs.map(([n, v]) => (
        <input key={`${n}=${v}`} type="hidden" name={n} value={v} />
      ))}
    </>
  );
}

export function NewCleanupPage(p: NewCleanupProps) {
  const f = p.criteriaForm;
  const checked = {
    ...f,
    values: { ...f.values, kinds: list(f.values.kinds), states: list(f.values.states) },
  };
  const problems = [...f.problems, ...p.createForm.problems];
  return (
    <AdminLayout ctx={p.ctx} title={problems.length ? '错误：新建清理批次' : '新建清理批次'}>
      {crumbs('新建清理批次')}
      <ErrorSummary problems={problems} />
      <h1>新建清理批次</h1>
      <h2>第一步：选择清理范围</h2>
      <form method="get" action={`${CLEANUPS_PATH}/new`} novalidate>
        <SelectField
          form={f}
          name="unitId"
          label="清理的单位"
          placeholder="请选择单位"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <CheckboxGroup
          form={f}
          name="includeSubtree"
          legend="下级单位"
          options={[{ value: '1', label: '包括下级单位制定的文件' }]}
        />
        <CheckboxGroup
          form={checked}
          name="kinds"
          legend="文件类型"
          hint="不选则包括全部类型"
          options={POLICY_KINDS.map((k) => ({ value: k, label: POLICY_KIND_LABELS[k] }))}
        />
        <TextField
          form={f}
          name="publishedFrom"
          label="公布日期起"
          type="date"
          width="short"
          hint="例如 2020-01-01，不填则不限"
        />
        <TextField
          form={f}
          name="publishedTo"
          label="公布日期止"
          type="date"
          width="short"
          hint="不填则不限"
        />
        <CheckboxGroup
          form={checked}
          name="states"
          legend="有效性"
          hint="不选则为现行有效、已修改、部分失效和暂停执行的文件"
          options={VALIDITY_STATES.map((s: ValidityState) => ({ value: s, label: VALIDITY_STATE_LABELS[s] }))}
        />
        <input type="hidden" name="preview" value="1" />
        <Button kind="secondary">查看符合条件的文件</Button>
      </form>
      {p.preview ? <PreviewAndCreate {...p} preview={p.preview} /> : null}
    </AdminLayout>
  );
}

function PreviewAndCreate(p: NewCleanupProps & { preview: NonNullable<NewCleanupProps['preview']> }) {
  const { criteria, entries } = p.preview;
  const unitName = p.units.find((u) => u.id === criteria.unitId)?.name ?? '';
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">第二步：确认文件并建立批次</h2>
      <p role="status">
        {describeCriteria(criteria, unitName)}：共 <strong>{entries.length}</strong> 件文件符合条件。
      </p>
      <DataTable
        caption="符合条件的文件"
        rows={entries}
        rowKey={(e) => e.document_id}
        empty="没有符合条件的已发布文件，请调整清理范围。"
        columns={[
          { header: '信息编号', cell: (e) => e.document_id, numeric: true },
          { header: '文件名称', cell: (e) => e.title },
          { header: '文号', cell: (e) => e.doc_number ?? '—' },
          { header: '公布日期', cell: (e) => e.published_on ?? '—' },
          { header: '有效性', cell: (e) => VALIDITY_STATE_LABELS[e.state as ValidityState] ?? e.state },
        ]}
      />
      {entries.length ? (
        <form method="post" action={CLEANUPS_PATH} novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          <CriteriaHidden c={criteria} />
          <TextField
            form={p.createForm}
            name="title"
            label="清理名称"
            required
            hint="例如 2026年行政规范性文件全面清理"
          />
          <TextArea
            form={p.createForm}
            name="basis"
            label="清理依据"
            rows={2}
            hint="例如 《河南省行政规范性文件管理办法》，将写入清理结果文件"
          />
          <Button>建立清理批次（{entries.length}件）</Button>
        </form>
      ) : null}
    </section>
  );
}
