/**
 * The results of a survey: per question a server-rendered bar chart (ECharts SVG) with the same numbers
 * in a table, ratings with their mean, texts for staff (or when the survey publishes them), and under
 * each figure how it was computed.
 */
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Chart, Notice } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { renderBarChartSvg } from '../../../lib/charts.ts';
import type { ResultsView } from '../survey-public.service.ts';
import type { QuestionResult } from '../survey-results.ts';
import { ADMIN_SURVEYS_PATH, SURVEYS_PATH } from '../surveys.services.ts';

function CountTable({ r }: { r: Exclude<QuestionResult, { kind: 'text' }> }) {
  return (
    <table>
      <caption>{r.label}：各项人数和占比</caption>
      <thead>
        <tr>
          <th scope="col">{r.kind === 'rating' ? '评分' : '选项'}</th>
          <th scope="col">人数</th>
          <th scope="col">占比</th>
        </tr>
      </thead>
      <tbody>
        {r.options.map((o) => (
          <tr key={o.label}>
            <th scope="row">{o.label}</th>
            <td>{o.count}</td>
            <td>{o.share}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionBlock({ r, showTexts }: { r: QuestionResult; showTexts: boolean }) {
  if (r.kind === 'text')
    return (
      <section>
        <h2>{r.label}</h2>
        <p>回答人数：{r.answered}</p>
        {showTexts ? (
          r.texts.length ? (
            <ol class="survey-texts">
              {r.texts.map((t, i) => (
                // text answers are plain text: preact escapes them, never markup
                <li key={i}>{t}</li>
              ))}
            </ol>
          ) : (
            <p>没有回答。</p>
          )
        ) : (
          <p>文字回答不公开。</p>
        )}
        <p class="hint">{r.method}</p>
      </section>
    );
  const svg = renderBarChartSvg({
    categories: r.options.map((o) => o.label),
    series: [{ name: '占比', values: r.options.map((o) => o.share) }],
    horizontal: true,
    unit: '%',
    max: 100,
  });
  return (
    <section>
      <h2>{r.label}</h2>
      {r.kind === 'rating' ? (
        <p>平均分：{r.mean === null ? '—（无人回答）' : `${r.mean} 分`}（满分 5 分）</p>
      ) : null}
      <Chart svg={svg} label={`${r.label}：各项占比（n = ${r.answered}）`}>
        <CountTable r={r} />
      </Chart>
      <p class="hint">{r.method}</p>
    </section>
  );
}

export function SurveyResultsPage({ ctx, view }: { ctx: ViewContext; view: ResultsView }) {
  const { survey: s, results } = view;
  return (
    <PublicLayout ctx={ctx} title={`${s.title}：调查结果`}>
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: SURVEYS_PATH, label: '在线调查' },
          { label: `${s.title}：调查结果` },
        ]}
      />
      <h1>{s.title}：调查结果</h1>
      {!s.results_published_at ? (
        <Notice kind="warning">结果尚未公开发布，本页仅本单位工作人员可见。</Notice>
      ) : null}
      <p>
        共收到 {results.total} 份答卷。以下每题的占比均以回答了该题的答卷数（n）为分母。
        {s.results_published_at ? `结果发布时间：${s.results_published_at.slice(0, 10)}。` : ''}
      </p>
      {view.staff ? (
        <p>
          <a href={`${ADMIN_SURVEYS_PATH}/${s.id}/export.xlsx`}>导出 Excel（原始答卷和汇总）</a>　
          <a href={`${ADMIN_SURVEYS_PATH}/${s.id}`}>返回调查管理</a>
        </p>
      ) : null}
      {results.questions.map((r) => (
        <QuestionBlock key={r.question.id} r={r} showTexts={view.showTexts} />
      ))}
    </PublicLayout>
  );
}
