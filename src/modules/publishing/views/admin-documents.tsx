/** The documents workbench: documents of a unit by state with counts, filters and paging. */
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { DOCUMENT_STATE_LABELS, type DocumentState } from '../document.workflow.ts';
import { BUILT_IN_KIND, type DocumentKindRegistry, kindMetadataOf } from '../document-kinds.ts';
import { fmtTime, StateTag } from './admin-publishing-ui.tsx';

/** The tabs of the workbench, in workflow order. */
export const WORKBENCH_STATES: readonly DocumentState[] = [
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

function href(p: WorkbenchProps, over: Record<string, string | number | undefined>) {
  const q = new URLSearchParams();
  const all = {
    unit: p.unit.id,
    state: p.filters.state,
    title: p.filters.title,
    topic: p.filters.topicId,
    ...over,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/admin/documents?${q}`;
}

export function WorkbenchPage(p: WorkbenchProps) {
  const { ctx, counts, filters } = p;
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const extraKinds = (p.kinds?.list() ?? []).filter((k) => k.key !== BUILT_IN_KIND);
  const kindColumns = p.kinds?.listColumns() ?? [];
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
      <div class="table-wrap">
        <table>
          <caption>
            {filters.state ? DOCUMENT_STATE_LABELS[filters.state as DocumentState] : '全部信息'}（共 {p.total}{' '}
            条）
          </caption>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
              <th scope="col">发文字号</th>
              <th scope="col">单位</th>
              <th scope="col">最后修改</th>
              {extraKinds.length ? <th scope="col">类型</th> : null}
              {kindColumns.map(({ kind, column }) => (
                <th scope="col" key={`${kind.key}-${column.header}`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/admin/documents/${d.id}`}>{d.title}</a>
                </td>
                <td>
                  <StateTag state={d.state} />
                </td>
                <td>{d.doc_number ?? '—'}</td>
                <td>{d.unit_name}</td>
                <td>{fmtTime(d.updated_at)}</td>
                {extraKinds.length ? <td>{p.kinds?.of(d.kind).label}</td> : null}
                {kindColumns.map(({ kind, column }) => (
                  <td key={`${kind.key}-${column.header}`}>
                    {(d.kind ?? BUILT_IN_KIND) === kind.key
                      ? (column.value(kindMetadataOf(d.kind_metadata_json)) ?? '—')
                      : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="pager" aria-label="分页">
          {p.page > 1 ? <a href={href(p, { page: p.page - 1 })}>上一页</a> : null} 第 {p.page} / {pages} 页{' '}
          {p.page < pages ? <a href={href(p, { page: p.page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
}
