/** The public 规范性文件库 page (/library, /units/:id/library): kind switch, filters, table, pager. */
import type { ComponentChildren } from 'preact';
import type { Unit } from '../../../db/schema.ts';
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import { hrefWith, Pager } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import type { FieldProblem } from '../../../lib/errors.ts';
import type { LibraryRow } from '../library-public.repository.ts';
import type { LibraryListing, LibraryQuery, LibraryQueryValues } from '../library-public.service.ts';
import { POLICY_KINDS, VALIDITY_STATE_LABELS, VALIDITY_STATES } from '../policy.model.ts';
import { LIBRARY_NAMES, LIBRARY_STYLESHEET, stateLabel } from './library-public-parts.tsx';

export interface LibraryPageProps {
  ctx: ViewContext;
  /** The unit whose library this is (null: the whole site). */
  unit: Unit | null;
  /** Units offered in the 单位 filter (the unit's subtree). */
  units: readonly Unit[];
  topics: readonly { id: number; name: string }[];
  q: LibraryQuery;
  listing: LibraryListing;
  base: string;
}

/** The query parameters of the filters as typed (for links that keep them). */
const paramsOf = (v: LibraryQueryValues): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x || undefined]));

const COLUMNS: TableColumn<LibraryRow>[] = [
  { header: '文件名称', cell: (r) => <a href={`/documents/${r.document_id}`}>{r.title}</a> },
  { header: '文号', cell: (r) => r.doc_number ?? '—' },
  { header: '登记号', cell: (r) => r.registration_number ?? '—', class: 'mono' },
  { header: '制定机关', cell: (r) => r.issuers ?? r.unit_name },
  { header: '公布日期', cell: (r) => r.published_on ?? r.published_at?.slice(0, 10) ?? '—' },
  { header: '施行日期', cell: (r) => r.effective_on ?? '—' },
  { header: '有效性', cell: (r) => stateLabel(r.state, r.certainty) },
];

function KindSwitch({ base, q }: { base: string; q: LibraryQuery }) {
  const params = paramsOf(q.values);
  const link = (kind: string | undefined, label: string) => (
    <li key={kind ?? 'all'}>
      <a href={hrefWith(base, { ...params, kind })} aria-current={q.kind === kind ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="文件库类别" class="library-kinds">
      <ul class="card-grid">
        {link(undefined, '全部')}
        {POLICY_KINDS.map((k) => link(k, LIBRARY_NAMES[k]))}
      </ul>
    </nav>
  );
}

function Field(p: {
  name: keyof LibraryQueryValues;
  label: string;
  hint?: string;
  problems: readonly FieldProblem[];
  children: (describedBy: string | undefined) => ComponentChildren;
}) {
  const problem = p.problems.find((x) => x.field === p.name);
  const ids = [p.hint ? `f-${p.name}-hint` : '', problem ? `f-${p.name}-error` : ''].filter(Boolean);
  return (
    <div class={problem ? 'field field-error' : 'field'}>
      <label for={`f-${p.name}`}>{p.label}</label>
      {p.hint ? (
        <p class="hint" id={`f-${p.name}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {problem ? (
        <p class="error-message" id={`f-${p.name}-error`}>
          {problem.message}
        </p>
      ) : null}
      {p.children(ids.length ? ids.join(' ') : undefined)}
    </div>
  );
}

function Filters({ base, q, units, topics }: Pick<LibraryPageProps, 'base' | 'q' | 'units' | 'topics'>) {
  const v = q.values;
  const text = (name: keyof LibraryQueryValues, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} problems={q.problems}>
      {(d) => (
        <input class="input" id={`f-${name}`} name={name} type="text" value={v[name]} aria-describedby={d} />
      )}
    </Field>
  );
  const select = (name: keyof LibraryQueryValues, label: string, all: string, opts: [string, string][]) => (
    <Field name={name} label={label} problems={q.problems}>
      {(d) => (
        <select class="select" id={`f-${name}`} name={name} aria-describedby={d}>
          <option value="">{all}</option>
          {opts.map(([value, text]) => (
            <option key={value} value={value} selected={v[name] === value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <search>
      <form method="get" action={base} class="filters">
        {v.kind ? <input type="hidden" name="kind" value={v.kind} /> : null}
        {select(
          'state',
          '有效性',
          '全部',
          VALIDITY_STATES.map((s) => [s, VALIDITY_STATE_LABELS[s]]),
        )}
        {text('issuer', '制定机关')}
        {text('year', '年份', '公布年份，例如 2026')}
        {select(
          'topic',
          '主题',
          '全部主题',
          topics.map((t) => [String(t.id), t.name]),
        )}
        {text('docNumber', '文号', '可只填一部分')}
        {units.length > 1 || q.problems.some((x) => x.field === 'unit')
          ? select(
              'unit',
              '单位',
              '全部单位',
              units.map((u) => [String(u.id), u.name]),
            )
          : null}
        {text('asOf', '在某日有效', '日期，例如 2026-03-02')}
        <button type="submit" class="button button-secondary">
          筛选
        </button>
      </form>
    </search>
  );
}

function Problems({ problems }: { problems: readonly FieldProblem[] }) {
  if (!problems.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="library-problems-title">
      <h2 id="library-problems-title">以下 {problems.length} 项筛选条件有误，已忽略</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field}>
            <a href={`#f-${p.field}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** “共 12 件：现行有效 9 件，已废止 3 件”. */
function Summary({ listing, asOf }: { listing: LibraryListing; asOf: string | undefined }) {
  const parts = VALIDITY_STATES.flatMap((s) =>
    listing.counts[s] ? [`${VALIDITY_STATE_LABELS[s]} ${listing.counts[s]} 件`] : [],
  );
  return (
    <p>
      {asOf ? `${asOf} 有效的文件` : '按公布日期从新到旧排列'}，共 {listing.total} 件
      {parts.length ? `（${parts.join('，')}）` : ''}。
    </p>
  );
}

export function LibraryPage(p: LibraryPageProps) {
  const { ctx, unit, q, listing, base } = p;
  const name = q.kind ? LIBRARY_NAMES[q.kind] : '规范性文件库';
  const title = `${unit ? unit.name : ''}${name}`;
  const crumbs = unit
    ? [
        { href: '/', label: '首页' },
        { href: `/units/${unit.id}`, label: unit.name },
        { href: `/units/${unit.id}/disclosure`, label: '政府信息公开' },
        { label: name },
      ]
    : [{ href: '/', label: '首页' }, { label: name }];
  return (
    <PublicLayout ctx={ctx} title={title}>
      <ModuleStylesheets names={[LIBRARY_STYLESHEET]} />
      <Breadcrumbs items={crumbs} />
      <h1>{title}</h1>
      <Problems problems={q.problems} />
      <KindSwitch base={base} q={q} />
      <Filters base={base} q={q} units={p.units} topics={p.topics} />
      <Summary listing={listing} asOf={q.asOf} />
      <p>
        <a href={`${base}/feed.xml`} rel="alternate" type="application/atom+xml">
          订阅文件库更新（Atom）
        </a>
      </p>
      <DataTable
        caption={`${title}文件列表${q.asOf ? `（有效性一栏为当前状态）` : ''}`}
        captionHidden
        class="library-table"
        columns={COLUMNS}
        rows={listing.items}
        rowKey={(r) => r.document_id}
        empty={<p>没有符合条件的文件。</p>}
      />
      <Pager
        base={base}
        params={paramsOf(q.values)}
        page={listing.page}
        pageSize={listing.pageSize}
        total={listing.total}
        summary={`（${listing.total} 件）`}
      />
    </PublicLayout>
  );
}
