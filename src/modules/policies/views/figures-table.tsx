/** 年度报告表二 (first block) with each figure linking to its documents, and the list page of one figure. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { POLICY_KIND_LABELS } from '../policy.model.ts';
import type { UnitTableTwo } from '../policy-figures.service.ts';
import {
  FIGURE_LABELS,
  FIGURES,
  type Figure,
  type FigureDocument,
  type FigureKey,
  type TableTwoKind,
} from '../policy-figures.ts';

export interface UnitChoice {
  id: number;
  name: string;
}

const SCOPE_OPTIONS = [
  { value: 'own', label: '本单位制定的文件（年度报告口径）' },
  { value: 'subtree', label: '本单位及下级单位（监督口径）' },
];

/** The query of a figures page as a URL query string. */
export function figuresQuery(t: UnitTableTwo, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    unit: String(t.unitId),
    year: String(t.year),
    ...(t.ownOnly ? {} : { scope: 'subtree' }),
    ...extra,
  });
  return q.toString();
}

function Filters({ form, units }: { form: FormState; units: UnitChoice[] }) {
  return (
    <form method="get" action="/admin/policies/figures" class="filters" novalidate>
      <SelectField
        form={form}
        name="unit"
        label="单位"
        options={units.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <TextField form={form} name="year" label="年度" width="short" inputmode="numeric" />
      <SelectField form={form} name="scope" label="统计范围" options={SCOPE_OPTIONS} />
      <Button kind="secondary">查看</Button>
    </form>
  );
}

const crumbs = (items: { href?: string; label: string }[]) => (
  <Breadcrumbs items={[{ href: '/admin', label: '管理首页' }, ...items]} />
);

function scopeNote(t: UnitTableTwo): string {
  return t.ownOnly
    ? `统计${t.unitName}制定（本单位发布）的规章和行政规范性文件，即年度报告表二的口径。`
    : `统计${t.unitName}及其下级单位的文件（监督口径，不作为本单位年度报告数据）。`;
}

/** The table 二 page: the form, the first block of table 二, and how each figure is computed. */
export function FiguresPage(p: {
  ctx: ViewContext;
  form: FormState;
  units: UnitChoice[];
  table: UnitTableTwo | null;
}) {
  const t = p.table;
  const cell = (kind: TableTwoKind, f: Figure) =>
    t ? (
      <td class="num">
        <a href={`/admin/policies/figures/list?${figuresQuery(t, { kind, figure: f.key })}`}>
          {f.count}
          <span class="visually-hidden">
            （{POLICY_KIND_LABELS[kind]}
            {FIGURE_LABELS[f.key]}清单）
          </span>
        </a>
      </td>
    ) : null;
  return (
    <AdminLayout ctx={p.ctx} title="年度报告表二数据">
      {crumbs([{ label: '年度报告表二数据' }])}
      <h1>年度报告表二：规章和行政规范性文件</h1>
      <ErrorSummary problems={p.form.problems} />
      <Filters form={p.form} units={p.units} />
      {t ? (
        <>
          <h2>
            {t.unitName}
            {t.year}年
          </h2>
          <p>
            {scopeNote(t)}现行有效件数截至 {t.asOf}。
          </p>
          <div class="table-wrap">
            <table class="data-table">
              <caption>二、主动公开政府信息情况（第二十条第（一）项）</caption>
              <thead>
                <tr>
                  <th scope="col">信息内容</th>
                  {FIGURES.map((k) => (
                    <th key={k} scope="col" class="num">
                      {FIGURE_LABELS[k]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={r.kind}>
                    <th scope="row">{r.label}</th>
                    {cell(r.kind, r.issued)}
                    {cell(r.kind, r.repealed)}
                    {cell(r.kind, r.inForce)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>计算方法</h2>
          <dl class="figure-rules">
            {t.rows[0]
              ? [t.rows[0].issued, t.rows[0].repealed, t.rows[0].inForce].map((f) => (
                  <div key={f.key}>
                    <dt>{FIGURE_LABELS[f.key]}</dt>
                    <dd>{f.rule}</dd>
                  </div>
                ))
              : null}
          </dl>
        </>
      ) : null}
    </AdminLayout>
  );
}

/** The documents behind one figure. */
export function FigureListPage(p: {
  ctx: ViewContext;
  table: UnitTableTwo;
  kind: TableTwoKind;
  figure: Figure;
}) {
  const { table: t, figure: f } = p;
  const label = `${POLICY_KIND_LABELS[p.kind]}${FIGURE_LABELS[f.key]}`;
  return (
    <AdminLayout ctx={p.ctx} title={label}>
      {crumbs([{ href: `/admin/policies/figures?${figuresQuery(t)}`, label: '年度报告表二数据' }, { label }])}
      <h1>
        {t.unitName}
        {t.year}年{label}：{f.count} 件
      </h1>
      <p>{scopeNote(t)}</p>
      <p>计算方法：{f.rule}</p>
      {f.documents.some((d) => d.certainty === 'presumed') ? (
        <Notice kind="warning">清单中标注“推定”的文件没有施行或有效性记录，请核实后在文件库中补记。</Notice>
      ) : null}
      <DataTable<FigureDocument>
        caption={label}
        captionHidden
        rows={f.documents}
        rowKey={(d) => d.documentId}
        empty={<p>没有计入该项的文件。</p>}
        columns={[
          { header: '标题', cell: (d) => <a href={`/admin/documents/${d.documentId}`}>{d.title}</a> },
          { header: '文号', cell: (d) => d.docNumber ?? '—' },
          ...(t.ownOnly ? [] : [{ header: '单位', cell: (d: FigureDocument) => d.unitName }]),
          { header: '公布日期', cell: (d) => d.publishedOn ?? '—' },
          { header: '计入依据', cell: (d) => d.note },
        ]}
      />
    </AdminLayout>
  );
}

export type { FigureKey };
