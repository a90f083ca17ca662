/** The documents workbench: documents of a unit by state with counts, filters and paging. */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { hrefWith, Pager, type QueryParams } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { BUILT_IN_KIND, type DocumentKindRegistry, kindMetadataOf } from '../documents/document-kinds.ts';
import { DOCUMENT_STATE_LABELS, type DocumentState } from '../review/document.workflow.ts';
import { fmtTime, StateTag } from './admin-publishing-ui.tsx';

/** The tabs of the workbench, in workflow order. */
const WORKBENCH_STATES: readonly DocumentState[] = [
  'draft',
  'confidentiality_review',
  'approval_review',
  'scheduled',
  'published',
  'withdrawn',
  'withheld',
];

export interface WorkbenchRow {
  id: number;
  title: string;
  state: string;
  doc_number: string | null;
  unit_name: string;
  updated_at: string;
  kind?: string;
  kind_metadata_json?: string | null;
}

export interface WorkbenchProps {
  ctx: ViewContext;
  unit: { id: number; name: string };
  units: { id: number; name: string }[];
  counts: Record<string, number>;
  filters: { state?: string; title?: string; topicId?: number };
  topics: { id: number; name: string }[];
  items: WorkbenchRow[];
  total: number;
  page: number;
  pageSize: number;
  done?: string;
  /** Registered document kinds: with more than the built-in one, a 类型 column, their columns and buttons. */
  kinds?: DocumentKindRegistry;
}

const DONE: Record<string, string> = { deleted: '草稿已删除。', imported: '批量导入完成。' };

/** The list's query parameters (the unit always first, so every link names it). */
function listParams(p: WorkbenchProps): QueryParams {
  return { unit: p.unit.id, state: p.filters.state, title: p.filters.title, topic: p.filters.topicId };
}

function href(p: WorkbenchProps, over: QueryParams) {
  return hrefWith('/admin/documents', { ...listParams(p), ...over });
}

const WORKBENCH_COLUMNS: TableColumn<WorkbenchRow>[] = [
  { header: '标题', cell: (d) => <a href={`/admin/documents/${d.id}`}>{d.title}</a> },
  { header: '状态', cell: (d) => <StateTag state={d.state} /> },
  { header: '发文字号', cell: (d) => d.doc_number ?? '—' },
  { header: '单位', cell: (d) => d.unit_name },
  { header: '最后修改', cell: (d) => fmtTime(d.updated_at) },
];

export function WorkbenchPage(p: WorkbenchProps) {
  const { ctx, counts, filters } = p;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const extraKinds = (p.kinds?.list() ?? []).filter((k) => k.key !== BUILT_IN_KIND);
  const kindColumns = p.kinds?.listColumns() ?? [];
  // With more than the built-in kind registered: a 类型 column and each kind's own columns.
  const columns: TableColumn<WorkbenchRow>[] = [
    ...WORKBENCH_COLUMNS,
    ...(extraKinds.length ? [{ header: '类型', cell: (d: WorkbenchRow) => p.kinds?.of(d.kind).label }] : []),
    ...kindColumns.map(({ kind, column }) => ({
      header: column.header,
      cell: (d: WorkbenchRow) =>
        (d.kind ?? BUILT_IN_KIND) === kind.key
          ? (column.value(kindMetadataOf(d.kind_metadata_json)) ?? '—')
          : '—',
    })),
  ];
  return (
    <AdminLayout ctx={ctx} title="信息发布">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '信息发布' }]} />
      <h1>信息发布 · {p.unit.name}</h1>
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <p class="actions">
        <a class="button button-primary" href={`/admin/documents/new?unit=${p.unit.id}`}>
          新建信息
        </a>{' '}
        {extraKinds.map((k) => (
          <span key={k.key}>
            <a class="button button-secondary" href={`/admin/documents/new?unit=${p.unit.id}&kind=${k.key}`}>
              新建{k.label}
            </a>{' '}
          </span>
        ))}
        <a class="button button-secondary" href={`/admin/documents/import?unit=${p.unit.id}`}>
          从 Word 导入
        </a>{' '}
        <a class="button button-secondary" href={`/admin/documents/import-bulk?unit=${p.unit.id}`}>
          批量导入
        </a>
      </p>
      <nav aria-label="按状态查看">
        <ul class="filters">
          <li>
            <a
              href={href(p, { state: undefined, page: undefined })}
              aria-current={filters.state ? undefined : 'page'}
            >
              全部（{all}）
            </a>
          </li>
          {WORKBENCH_STATES.map((s) => (
            <li key={s}>
              <a
                href={href(p, { state: s, page: undefined })}
                aria-current={filters.state === s ? 'page' : undefined}
              >
                {DOCUMENT_STATE_LABELS[s]}（{counts[s] ?? 0}）
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/documents" class="filters">
        {p.units.length > 1 ? null : <input type="hidden" name="unit" value={String(p.unit.id)} />}
        {filters.state ? <input type="hidden" name="state" value={filters.state} /> : null}
        {p.units.length > 1 ? (
          <div class="field">
            <label for="f-unit-pick">单位</label>
            <select id="f-unit-pick" name="unit" class="select">
              {p.units.map((u) => (
                <option key={u.id} value={String(u.id)} selected={u.id === p.unit.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="f-title">标题包含</label>
          <input id="f-title" name="title" class="input input-short" value={filters.title ?? ''} />
        </div>
        <div class="field">
          <label for="f-topic">主题分类</label>
          <select id="f-topic" name="topic" class="select">
            <option value="">全部</option>
            {p.topics.map((t) => (
              <option key={t.id} value={String(t.id)} selected={t.id === filters.topicId}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          筛选
        </button>
      </form>
      <DataTable
        caption={
          <>
            {filters.state ? DOCUMENT_STATE_LABELS[filters.state as DocumentState] : '全部信息'}（共 {p.total}{' '}
            条）
          </>
        }
        columns={columns}
        rows={p.items}
        rowKey={(d) => d.id}
      />
      <Pager
        base="/admin/documents"
        params={listParams(p)}
        page={p.page}
        total={p.total}
        pageSize={p.pageSize}
        numbers={false}
        status={(page, pages) => `第 ${page} / ${pages} 页`}
      />
    </AdminLayout>
  );
}
