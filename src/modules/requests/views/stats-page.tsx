/** Back office: the annual report's tables 三 and 四 (exact labels) with the cross-checks. */
import type { Unit } from '../../../db/schema.ts';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, SelectField, TextField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { COLUMNS, TABLE4_RESULTS, type Table3Row } from '../info-request.stats.ts';
import type { AnnualStats } from '../info-request-stats.service.ts';
import { RequestsStyles } from './request-ui.tsx';

const Cells = ({ r }: { r: Table3Row }) => (
  <>
    {COLUMNS.map((c) => (
      <td key={c}>{r.values[c]}</td>
    ))}
  </>
);

function Table3View({ s }: { s: AnnualStats }) {
  const rows = s.table3.rows;
  const outcomes = rows.filter((r) => !['new', 'carried_in', 'carried_out'].includes(r.key));
  const groupSize = (g: string) => outcomes.filter((r) => r.group === g).length;
  return (
    <table class="report">
      <caption>三、收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <td colSpan={3} rowSpan={3}>
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
          </td>
          <th colSpan={7} scope="colgroup">
            申请人情况
          </th>
        </tr>
        <tr>
          <th rowSpan={2} scope="col">
            自然人
          </th>
          <th colSpan={5} scope="colgroup">
            法人或其他组织
          </th>
          <th rowSpan={2} scope="col">
            总计
          </th>
        </tr>
        <tr>
          {['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => (
            <th key={l} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          if (r.key === 'new' || r.key === 'carried_in' || r.key === 'carried_out') {
            return (
              <tr key={r.key}>
                <th colSpan={3} scope="row">
                  {r.label}
                </th>
                <Cells r={r} />
              </tr>
            );
          }
          const i = outcomes.indexOf(r);
          const firstOfGroup = r.group !== null && outcomes.findIndex((o) => o.group === r.group) === i;
          return (
            <tr key={r.key}>
              {i === 0 ? (
                <th rowSpan={outcomes.length} scope="rowgroup">
                  三、本年度办理结果
                </th>
              ) : null}
              {r.group === null ? (
                <th colSpan={2} scope="row">
                  {r.label}
                </th>
              ) : (
                <>
                  {firstOfGroup ? (
                    <th rowSpan={groupSize(r.group)} scope="rowgroup">
                      {r.group}
                    </th>
                  ) : null}
                  <th scope="row">{r.label}</th>
                </>
              )}
              <Cells r={r} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Table4View({ s }: { s: AnnualStats }) {
  const [review, direct, after] = s.table4.blocks;
  return (
    <table class="report">
      <caption>四、政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>
          <th colSpan={5} scope="colgroup">
            行政复议
          </th>
          <th colSpan={10} scope="colgroup">
            行政诉讼
          </th>
        </tr>
        <tr>
          {TABLE4_RESULTS.map((l) => (
            <th key={l} rowSpan={2} scope="col">
              {l}
            </th>
          ))}
          <th colSpan={5} scope="colgroup">
            未经复议直接起诉
          </th>
          <th colSpan={5} scope="colgroup">
            复议后起诉
          </th>
        </tr>
        <tr>
          {[...TABLE4_RESULTS, ...TABLE4_RESULTS].map((l, i) => (
            <th key={`${l}${i}`} scope="col">
              {l}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {[review, direct, after].flatMap((b) =>
            (b?.values ?? []).map((v, i) => <td key={`${b?.label}${i}`}>{v}</td>),
          )}
        </tr>
      </tbody>
    </table>
  );
}

export function StatsPage({
  ctx,
  s,
  units,
  query,
}: {
  ctx: ViewContext;
  s: AnnualStats;
  units: Unit[];
  query: Record<string, string>;
}) {
  const form = { values: query, problems: [] };
  return (
    <AdminLayout ctx={ctx} title="年度报表统计">
      <RequestsStyles />
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '年度报表统计' }]} />
      <h1>年度报表统计（{s.year} 年）</h1>
      <form method="get" action="/admin/requests/stats" class="filters">
        <SelectField
          form={form}
          name="unit"
          label="单位"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <TextField form={form} name="year" label="年份" width="short" inputmode="numeric" />
        <SelectField
          form={form}
          name="subtree"
          label="范围"
          options={[
            { value: '0', label: '仅本单位' },
            { value: '1', label: '含下级单位' },
          ]}
        />
        <Button kind="secondary">统计</Button>
      </form>
      <p>
        JSON：
        <code>{`/api/v1/info-requests/stats?org=${s.unitId}&year=${s.year}${s.subtree ? '&subtree=1' : ''}`}</code>
      </p>
      <div class="table-wrap">
        <Table3View s={s} />
      </div>
      <h2>勾稽关系校验</h2>
      <ul>
        {s.checks.map((c) => (
          <li key={c.name}>
            <span class={c.passed ? 'passed' : 'failed'}>{c.passed ? '通过' : '未通过'}</span>　{c.name}（
            {c.detail}）
          </li>
        ))}
      </ul>
      <div class="table-wrap">
        <Table4View s={s} />
      </div>
      <p>{s.table4.note}</p>
    </AdminLayout>
  );
}
