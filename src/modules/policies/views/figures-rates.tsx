/** 政策解读 rates of a unit over a period: each figure with its arithmetic, rule and target, and the cases. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  SelectField,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { UnitInterpretationRates } from '../interpretation-rates.service.ts';
import type { RateCase, RateFigure, RateKey } from '../interpretation-rates.ts';
import { INTERPRETATION_FORM_LABELS } from '../policy.model.ts';
import type { UnitChoice } from './figures-table.tsx';

const SCOPE_OPTIONS = [
  { value: 'own', label: '本单位的文件' },
  { value: 'subtree', label: '本单位及下级单位' },
];

function ratesQuery(r: UnitInterpretationRates, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    unit: String(r.unitId),
    from: r.from,
    to: r.to,
    ...(r.ownOnly ? {} : { scope: 'subtree' }),
    ...extra,
  }).toString();
}

function Shortcuts({ r }: { r: UnitInterpretationRates }) {
  const year = r.from.slice(0, 4);
  const link = (q: Record<string, string>) =>
    `/admin/policies/interpretation-rates?${new URLSearchParams({
      unit: String(r.unitId),
      year,
      ...q,
      ...(r.ownOnly ? {} : { scope: 'subtree' }),
    })}`;
  return (
    <p>
      快捷期间：<a href={link({})}>{year}年全年</a>
      {[1, 2, 3, 4].map((q) => (
        <span key={q}>
          {' · '}
          <a href={link({ quarter: String(q) })}>第{q}季度</a>
        </span>
      ))}
    </p>
  );
}

const met = (f: RateFigure) => (f.met === null ? '—' : f.met ? '达标' : '未达标');

function CaseRow({ c }: { c: RateCase }) {
  return (
    <ul class="plain">
      {c.interpretations.map((i) => (
        <li key={i.documentId}>
          <a href={`/admin/documents/${i.documentId}`}>{i.title}</a>（{i.publishedOn}
          {i.form ? `，${INTERPRETATION_FORM_LABELS[i.form]}` : ''}
          {i.byPrincipal ? '，主要负责人解读' : ''}）
        </li>
      ))}
    </ul>
  );
}

/** The rates page. `show` limits the cases to those counted in one figure's numerator. */
export function RatesPage(p: {
  ctx: ViewContext;
  form: FormState;
  units: UnitChoice[];
  rates: UnitInterpretationRates | null;
  show: RateKey | null;
}) {
  const r = p.rates;
  const shown = r?.figures.find((f) => f.key === p.show) ?? null;
  const cases = r
    ? shown
      ? r.cases.filter((c) => shown.caseIds.includes(c.policy.documentId))
      : r.cases
    : [];
  return (
    <AdminLayout ctx={p.ctx} title="政策解读情况统计">
      <Breadcrumbs items={[{ href: '/admin', label: '管理首页' }, { label: '政策解读情况统计' }]} />
      <h1>政策解读情况统计</h1>
      <ErrorSummary problems={p.form.problems} />
      <form method="get" action="/admin/policies/interpretation-rates" class="filters" novalidate>
        <SelectField
          form={p.form}
          name="unit"
          label="单位"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <TextField form={p.form} name="from" label="开始日期" width="short" hint="例如 2026-01-01" />
        <TextField form={p.form} name="to" label="结束日期" width="short" hint="例如 2026-03-31" />
        <SelectField form={p.form} name="scope" label="统计范围" options={SCOPE_OPTIONS} />
        <Button kind="secondary">查看</Button>
      </form>
      {r ? (
        <>
          <h2>
            {r.unitName}（{r.from} 至 {r.to}）
          </h2>
          <Shortcuts r={r} />
          <DataTable<RateFigure>
            caption="解读指标"
            rows={r.figures}
            rowKey={(f) => f.key}
            columns={[
              { header: '指标', cell: (f) => f.label },
              { header: '算式', cell: (f) => f.text },
              { header: '目标', cell: (f) => f.target ?? '无目标设置' },
              { header: '是否达标', cell: met },
              { header: '计算规则', cell: (f) => f.rule },
              {
                header: '计入的文件',
                cell: (f) => (
                  <a href={`/admin/policies/interpretation-rates?${ratesQuery(r, { show: f.key })}#cases`}>
                    {f.numerator} 件<span class="visually-hidden">（{f.label}）</span>
                  </a>
                ),
              },
            ]}
          />
          <h2 id="cases">{shown ? `计入“${shown.label}”的文件` : '须解读的文件'}</h2>
          {shown ? (
            <p>
              <a href={`/admin/policies/interpretation-rates?${ratesQuery(r)}#cases`}>显示全部须解读的文件</a>
            </p>
          ) : null}
          <DataTable<RateCase>
            caption="须解读的文件及其解读"
            captionHidden
            rows={cases}
            rowKey={(c) => c.policy.documentId}
            empty={<p>没有符合条件的文件。</p>}
            columns={[
              {
                header: '文件',
                cell: (c) => <a href={`/admin/documents/${c.policy.documentId}`}>{c.policy.title}</a>,
              },
              { header: '公布日期', cell: (c) => c.policy.publishedOn },
              { header: '解读截止', cell: (c) => c.dueOn },
              {
                header: '情况',
                cell: (c) =>
                  !c.interpreted
                    ? '未解读'
                    : `${c.timely ? '按时' : '逾期'}；${c.forms.length} 种形式${c.byPrincipal ? '；主要负责人解读' : ''}`,
              },
              { header: '解读', cell: (c) => (c.interpretations.length ? <CaseRow c={c} /> : '—') },
            ]}
          />
          {r.exempted.length ? (
            <>
              <h2>写明无需解读理由的文件（不计入分母）</h2>
              <ul>
                {r.exempted.map((x) => (
                  <li key={x.documentId}>
                    <a href={`/admin/documents/${x.documentId}`}>{x.title}</a>（{x.publishedOn}）：
                    {x.noInterpretationReason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </AdminLayout>
  );
}
