/**
 * Subtree totals (/admin/reports/totals?unit=&year=): tables 二, 三 and 四 summed over a unit and every unit
 * below it (a county's departments and townships; a province's counties), each number linking to the
 * records behind it across the subtree. The tables are the editor's.
 */
import { hrefWith } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, SelectField, SummaryList } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { yuan } from '../report-draft-text.ts';
import type { CellRecords, ComputedFigures } from '../report-figures.service.ts';
import type { CellKey } from '../report-values.ts';
import { Table2, Table3, Table4 } from './report-editor.tsx';

export const totalsCellPath = (unitId: number, year: number, key: CellKey) =>
  hrefWith(`/admin/reports/totals/cells/${encodeURIComponent(key)}`, { unit: unitId, year });

export function ReportTotalsPage(p: {
  ctx: ViewContext;
  unit: { id: number; name: string };
  units: { id: number; name: string }[];
  year: number;
  years: number[];
  unitCount: number;
  computed: ComputedFigures;
}) {
  const title = `${p.unit.name}及下属单位${p.year}年度报告数字汇总`;
  const v = {
    unit: p.unit as never,
    year: p.year,
    figures: p.computed.figures,
    cellHref: (k: CellKey) => totalsCellPath(p.unit.id, p.year, k),
  };
  return (
    <AdminLayout ctx={p.ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: hrefWith('/admin/reports', { year: p.year }), label: '年度报告' },
          { label: '汇总' },
        ]}
      />
      <h1>{title}</h1>
      <form method="get" action="/admin/reports/totals" class="filters">
        <SelectField
          form={{ values: { unit: String(p.unit.id) }, problems: [] }}
          name="unit"
          label="单位"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          form={{ values: { year: String(p.year) }, problems: [] }}
          name="year"
          label="年度"
          options={p.years.map((y) => ({ value: String(y), label: `${y}年度` }))}
        />
        <Button kind="secondary">查看</Button>
      </form>
      <SummaryList
        rows={[
          ['汇总范围', `${p.unit.name}及其下属 ${p.unitCount - 1} 个单位（共 ${p.unitCount} 个）`],
          [
            '信息处理费',
            p.computed.fees.count
              ? `${yuan(p.computed.fees.amountFen)} 元（${p.computed.fees.count} 笔）`
              : '未收取',
          ],
        ]}
      />
      {p.computed.notes.map((n) => (
        <p key={n} class="hint">
          {n}
        </p>
      ))}
      <p class="hint">点击任一数字，查看汇总范围内它依据的记录或填写记录。未填写的数字不计入合计。</p>
      <Table2 v={v} failing={new Set()} />
      <Table3 v={v} failing={new Set()} />
      <Table4 v={v} failing={new Set()} />
    </AdminLayout>
  );
}

/** The records behind one number of the subtree totals. */
export function TotalsCellPage(p: {
  ctx: ViewContext;
  unit: { id: number; name: string };
  year: number;
  cell: CellRecords;
}) {
  const c = p.cell;
  const back = hrefWith('/admin/reports/totals', { unit: p.unit.id, year: p.year });
  const source =
    c.source.kind === 'records'
      ? c.source.from === 'library'
        ? '来自规范性文件库'
        : '来自依申请公开记录'
      : c.source.kind === 'value'
        ? `填写或导入的数字（${c.source.units} 个单位合计，最近一次由${c.source.enteredBy ?? '系统'}于 ${c.source.enteredAt.slice(0, 10)} 填写）`
        : c.source.explain;
  return (
    <AdminLayout ctx={p.ctx} title={`${c.label} · ${p.unit.name}汇总`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: hrefWith('/admin/reports', { year: p.year }), label: '年度报告' },
          { href: back, label: `${p.unit.name}汇总` },
          { label: c.label },
        ]}
      />
      <h1>
        {c.label}（{p.unit.name}及下属单位，{p.year}年度）
      </h1>
      <SummaryList
        rows={[
          ['数字', c.value === null ? '未填写' : String(c.value)],
          ['来源', source],
          ['计算方法', c.rule],
        ]}
      />
      {c.source.kind === 'records' ? (
        c.records.length ? (
          <table class="data-table">
            <caption>依据的记录（{c.records.length} 条）</caption>
            <thead>
              <tr>
                <th scope="col">记录</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {c.records.map((r) => (
                <tr key={r.href}>
                  <td>
                    <a href={r.href}>{r.title}</a>
                  </td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>没有计入这个数字的记录（数字为 0）。</p>
        )
      ) : (
        <p>这个数字是各单位填写或导入的数字之和，请在各单位的报告页查看和修改。</p>
      )}
      <p>
        <a href={back}>返回汇总</a>
      </p>
    </AdminLayout>
  );
}
