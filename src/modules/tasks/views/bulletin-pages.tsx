/** The quarterly bulletin (一季度一通报) and the year-end assessment (年度考核) pages. */

import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  ASSESSMENT_SETTINGS,
  type AssessmentWeights,
  CRITERIA,
  MIN_ASSESSMENT_SHARE,
  type UnitScore,
} from '../task-assessment.ts';
import { type BulletinDocument, bulletinTitle, QUARTER_LABELS } from '../task-bulletin.ts';
import type { BulletinColumnChoice, BulletinPublication } from '../task-bulletin-publication.service.ts';
import { BulletinSections } from './bulletin-body.tsx';
import { TasksStyles } from './task-ui.tsx';

/** 发布通报: the document the bulletin was filed as, or the form that files it once the quarter ended. */
function PublishSection({
  ctx,
  doc,
  publish,
}: {
  ctx: ViewContext;
  doc: BulletinDocument;
  publish: BulletinPublishProps;
}) {
  const b = doc.bulletin;
  return (
    <section aria-labelledby="publish">
      <h3 id="publish">六、在政务公开栏目发布本通报</h3>
      {publish.publication ? (
        <p>
          本季度通报已生成信息文稿：
          <a href={`/admin/documents/${publish.publication.documentId}`}>
            {bulletinTitle(doc.ownerName, b.year, b.quarter)}
          </a>
          。请在信息页面完成保密审查、审核和发布。
        </p>
      ) : !b.ended ? (
        <p>本季度尚未结束，季度结束后可将本通报生成为信息文稿，经保密审查、审核后在政务公开栏目发布。</p>
      ) : publish.choices.length === 0 ? (
        <p>本单位还没有信息列表栏目，请先在栏目管理中建立栏目（如“政务公开工作”）。</p>
      ) : (
        <form
          method="post"
          action={`/admin/tasks/bulletin/publish?year=${b.year}&quarter=${b.quarter}`}
          novalidate
        >
          <ErrorSummary problems={publish.form.problems} />
          <CsrfField token={ctx.csrfToken} />
          <SelectField
            form={publish.form}
            name="columnId"
            label="发布栏目"
            hint="通报生成为信息草稿，按主动公开流程保密审查、审核后发布。"
            placeholder="请选择栏目"
            options={publish.choices}
          />
          <Button>生成通报文稿</Button>
        </form>
      )}
    </section>
  );
}

export interface BulletinPublishProps {
  publication: BulletinPublication | null;
  choices: BulletinColumnChoice[];
  form: FormState;
}

const crumbs = (label: string) => (
  <Breadcrumbs items={[{ href: '/admin/tasks', label: '工作台账' }, { label }]} />
);

export function BulletinPage({
  ctx,
  doc,
  years,
  publish,
}: {
  ctx: ViewContext;
  doc: BulletinDocument;
  years: number[];
  publish: BulletinPublishProps;
}) {
  const b = doc.bulletin;
  const form = { values: { year: String(b.year), quarter: String(b.quarter) }, problems: [] };
  const title = bulletinTitle(doc.ownerName, b.year, b.quarter);
  return (
    <AdminLayout ctx={ctx} title="季度通报">
      <TasksStyles />
      {crumbs('季度通报')}
      <h1>季度通报</h1>
      <form method="get" action="/admin/tasks/bulletin" class="filters">
        <SelectField
          form={form}
          name="year"
          label="年度"
          options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
        />
        <SelectField
          form={form}
          name="quarter"
          label="季度"
          options={QUARTER_LABELS.map((l, i) => ({ value: String(i + 1), label: l }))}
        />
        <Button kind="secondary">查看</Button>
      </form>
      <h2>{title}</h2>
      {b.asOfNote ? <Notice>{b.asOfNote}。</Notice> : null}
      <p>
        统计期间：{b.start} 至 {b.end}
        {b.ended ? '' : `（数据截至 ${b.asOf}）`}。
        <a href={`/admin/tasks/bulletin.docx?year=${b.year}&quarter=${b.quarter}`}>下载 Word 版（.docx）</a>
      </p>
      <p class="formula">计算方法：{b.formula}</p>
      <BulletinSections doc={doc} level={3} taskHref={(id) => `/admin/tasks/${id}`} />
      <PublishSection ctx={ctx} doc={doc} publish={publish} />
    </AdminLayout>
  );
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function AssessmentPage(p: {
  ctx: ViewContext;
  year: number;
  years: number[];
  weights: AssessmentWeights;
  scores: UnitScore[];
  form: FormState;
  saved?: boolean;
}) {
  const yearForm = { values: { year: String(p.year) }, problems: [] };
  return (
    <AdminLayout ctx={p.ctx} title="年度考核">
      <TasksStyles />
      {crumbs('年度考核')}
      <h1>年度考核</h1>
      {p.saved ? <Notice>考核权重已保存。</Notice> : null}
      <form method="get" action="/admin/tasks/assessment" class="filters">
        <SelectField
          form={yearForm}
          name="year"
          label="年度"
          options={p.years.map((y) => ({ value: String(y), label: `${y}年` }))}
        />
        <Button kind="secondary">查看</Button>
      </form>
      <p class="formula">
        得分 = 完成率 × {p.weights.completion} + 按时完成率 × {p.weights.timeliness} + 报送质量（采纳率）×{' '}
        {p.weights.quality}（满分 100；某项无数据时不计入，其余权重按比例折算）。政务公开占绩效考核{' '}
        {p.weights.share}% （不得低于 {MIN_ASSESSMENT_SHARE}%），折合分 = 得分 × {p.weights.share}%。
      </p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">单位</th>
            {CRITERIA.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
            <th scope="col">得分</th>
            <th scope="col">算式</th>
          </tr>
        </thead>
        <tbody>
          {p.scores.map((s) => (
            <tr key={s.unitId}>
              <th scope="row">{s.unitName}</th>
              {CRITERIA.map((c) => (
                <td key={c.key}>
                  {pct(s.rates[c.key])}（{s.counts[c.key]}）
                </td>
              ))}
              <td>{s.score === null ? '—' : s.score.toFixed(1)}</td>
              <td>{s.formula}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>考核权重</h2>
      <SettingsForm
        group={ASSESSMENT_SETTINGS}
        form={p.form}
        action={`/admin/tasks/assessment?year=${p.year}`}
        csrfToken={p.ctx.csrfToken}
        submitLabel="保存权重"
      />
    </AdminLayout>
  );
}
