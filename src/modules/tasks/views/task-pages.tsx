/** One task: facts, history (回头看 links and reports), the report form, accept / return. */

import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { FieldProblem } from '../../../lib/errors.ts';
import { formatBytes } from '../../../lib/file-types.ts';
import { type ColumnFreshness, FRESHNESS_LABELS } from '../../publishing/columns/column-freshness.ts';
import type { ItemEvidence } from '../task-evidence.service.ts';
import { OccurrencesSection, type OccurrenceView, PartsSection, type PartView } from './task-parts.tsx';
import { CheckboxField, deadlineText, ReportStateTag, StatusTag, TasksStyles } from './task-ui.tsx';

export interface TaskView {
  id: number;
  number: string;
  title: string;
  content: string;
  status: string;
  due_date: string | null;
  recurrence: string | null;
  deadline_text: string | null;
  done_on: string | null;
  path: string[];
  planTitle: string;
  planId: number;
  units: { unit_id: number; role: string; name: string }[];
}

export interface ReportView {
  id: number;
  unitName: string;
  report_date: string;
  text: string;
  evidence: string[];
  attachments: { id: number; file_name: string; size: number }[];
  marks_done: number;
  state: string;
  submittedBy: string;
  submitted_at: string;
  reviewedBy: string | null;
  reviewed_on: string | null;
  review_comment: string | null;
}

export interface TaskPageProps {
  ctx: ViewContext;
  task: TaskView;
  reports: ReportView[];
  links: { carriedFrom: { id: number; label: string } | null; carriedTo: { id: number; label: string }[] };
  canReview: boolean;
  /** Columns tied to the task with their freshness (issue 5 §4). */
  evidence: ColumnFreshness[];
  evidenceChoices: { value: string; label: string }[];
  evidenceForm: FormState;
  items: ItemEvidence[];
  itemChoices: { value: string; label: string }[];
  itemForm: FormState;
  /** Responsible units the actor may report for (empty: no report form). */
  reportUnits: { value: string; label: string }[];
  reportForm: FormState;
  reviewProblems?: FieldProblem[];
  /** Each unit's own part, and the periods of a recurring duty per unit (occurrences). */
  parts: PartView[];
  partForm: FormState;
  occurrences: OccurrenceView[];
  occurrenceUnits: { unitId: number; name: string }[];
  done?: string;
}

const DONE: Record<string, string> = {
  reported: '进展报告已报送，等待政务公开办审核。',
  accepted: '进展报告已采纳。',
  returned: '进展报告已退回。',
  evidence: '佐证栏目已更新。',
  not_applicable: '已将该责任单位标为不适用。',
  applicable: '已撤销该责任单位的不适用。',
};

function Reports({ ctx, reports, canReview }: Pick<TaskPageProps, 'ctx' | 'reports' | 'canReview'>) {
  if (reports.length === 0) return <p>尚无进展报告。</p>;
  return (
    <ol>
      {reports.map((r) => (
        <li key={r.id} id={`report-${r.id}`}>
          <h3>
            {r.unitName} · {r.report_date} <ReportStateTag state={r.state} />
            {r.marks_done ? ' （申请办结）' : ''}
          </h3>
          <p class="prewrap">{r.text}</p>
          {r.evidence.length ? (
            <ul aria-label="佐证材料">
              {r.evidence.map((e) => (
                <li key={e}>
                  <a href={e}>{e}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {r.attachments.length ? (
            <ul aria-label="佐证附件">
              {r.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/admin/tasks/reports/attachments/${f.id}`}>{f.file_name}</a>（
                  {formatBytes(f.size)}）
                </li>
              ))}
            </ul>
          ) : null}
          <p class="hint">
            {r.submittedBy} 于 {r.submitted_at.slice(0, 10)} 报送
            {r.reviewedBy ? `；${r.reviewedBy} 于 ${r.reviewed_on} 审核` : ''}
            {r.review_comment ? `；退回意见：${r.review_comment}` : ''}
          </p>
          {canReview && r.state === 'submitted' ? (
            <div class="actions">
              <ActionForm
                action={`/admin/tasks/reports/${r.id}/accept`}
                csrf={ctx.csrfToken}
                label="采纳"
                kind="primary"
              />
              <a href={`/admin/tasks/reports/${r.id}/return`}>退回并填写意见</a>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function ReportForm({
  ctx,
  task,
  reportUnits,
  reportForm,
}: Pick<TaskPageProps, 'ctx' | 'task' | 'reportUnits' | 'reportForm'>) {
  // Units whose own part is done or 不适用 are not offered (task-page-data.ts).
  if (reportUnits.length === 0) return null;
  return (
    <>
      <h2 id="report-form">报送进展</h2>
      <form method="post" action={`/admin/tasks/${task.id}/reports`} encType="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField form={reportForm} name="unitId" label="报送单位" required options={reportUnits} />
        <TextField
          form={reportForm}
          name="reportDate"
          label="报送日期"
          required
          width="short"
          hint="格式：YYYY-MM-DD"
        />
        <TextArea form={reportForm} name="text" label="进展情况" required rows={6} />
        <TextArea
          form={reportForm}
          name="evidence"
          label="佐证材料链接"
          rows={3}
          hint="每行一个链接：http(s):// 网址，或以 / 开头的本站路径（如已发布的文件、栏目）"
        />
        <TextField
          form={reportForm}
          name="attachments"
          label="佐证材料附件"
          type="file"
          hint="可选：pdf、ofd、Word、Excel、WPS、图片或 zip，不超过 20 MB"
        />
        <CheckboxField form={reportForm} name="done" label="本单位承担的部分已完成，申请办结" />
        <Button>报送</Button>
      </form>
    </>
  );
}

export function TaskPage(p: TaskPageProps) {
  const { task } = p;
  const units = (role: string) =>
    task.units
      .filter((u) => u.role === role)
      .map((u) => u.name)
      .join('、');
  return (
    <AdminLayout ctx={p.ctx} title={task.title}>
      <TasksStyles />
      <Breadcrumbs
        items={[
          { href: `/admin/tasks?plan=${task.planId}`, label: '工作台账' },
          { label: `${task.number} ${task.title}` },
        ]}
      />
      <h1>{task.title}</h1>
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <ErrorSummary
        problems={[...(p.reviewProblems ?? []), ...p.reportForm.problems, ...p.partForm.problems]}
      />
      <SummaryList
        rows={[
          ['工作要点', task.planTitle],
          ['序号', task.number],
          ['所属部分', task.path.join(' › ')],
          ['状态', <StatusTag key="s" status={task.status} />],
          ['完成时限', deadlineText(task)],
          ['完成日期', task.done_on],
          ['牵头单位', units('lead')],
          ['责任单位', units('co')],
          [
            '具体内容',
            <span key="c" class="prewrap">
              {task.content}
            </span>,
          ],
        ]}
      />
      {p.canReview ? (
        <p>
          <a href={`/admin/tasks/${task.id}/edit`}>修改序号、名称、内容或完成时限</a>
        </p>
      ) : null}
      <PartsSection
        ctx={p.ctx}
        taskId={task.id}
        parts={p.parts}
        canReview={p.canReview}
        partForm={p.partForm}
      />
      <OccurrencesSection occurrences={p.occurrences} units={p.occurrenceUnits} />
      <EvidenceSection {...p} />
      <ItemEvidenceSection {...p} />
      <h2>历史</h2>
      <ul>
        {p.links.carriedFrom ? (
          <li>
            回头看：接续 <a href={`/admin/tasks/${p.links.carriedFrom.id}`}>{p.links.carriedFrom.label}</a>
            （原任务的进展报告见该页）
          </li>
        ) : null}
        {p.links.carriedTo.map((t) => (
          <li key={t.id}>
            回头看：已转入 <a href={`/admin/tasks/${t.id}`}>{t.label}</a>
          </li>
        ))}
        <li>共 {p.reports.length} 份进展报告</li>
      </ul>
      <h2>进展报告</h2>
      <Reports ctx={p.ctx} reports={p.reports} canReview={p.canReview} />
      <ReportForm ctx={p.ctx} task={task} reportUnits={p.reportUnits} reportForm={p.reportForm} />
    </AdminLayout>
  );
}

export function ReturnReportPage(p: {
  ctx: ViewContext;
  report: ReportView;
  task: { id: number; number: string; title: string };
  form: FormState;
}) {
  return (
    <AdminLayout ctx={p.ctx} title="退回进展报告">
      <Breadcrumbs
        items={[
          { href: '/admin/tasks', label: '工作台账' },
          { href: `/admin/tasks/${p.task.id}`, label: `${p.task.number} ${p.task.title}` },
          { label: '退回进展报告' },
        ]}
      />
      <h1>退回进展报告</h1>
      <ErrorSummary problems={p.form.problems} />
      <p>
        {p.report.unitName} 于 {p.report.report_date} 报送：
      </p>
      <p class="prewrap">{p.report.text}</p>
      <form method="post" action={`/admin/tasks/reports/${p.report.id}/return`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <TextArea
          form={p.form}
          name="comment"
          label="退回意见"
          required
          rows={4}
          hint="说明需要补充或修改的内容"
        />
        <Button kind="warning">退回</Button>
      </form>
    </AdminLayout>
  );
}

/** 佐证栏目: whether the tied columns are really updated; the office ties and unties them. */
function EvidenceSection(p: TaskPageProps) {
  if (!p.evidence.length && !p.canReview) return null;
  return (
    <section aria-labelledby="evidence">
      <h2 id="evidence">佐证栏目</h2>
      <p class="hint">任务关联的栏目须按其更新周期发布信息；存在未按时更新或空栏目时，任务不能办结。</p>
      {p.evidence.length ? (
        <table>
          <caption class="visually-hidden">佐证栏目更新情况</caption>
          <thead>
            <tr>
              <th scope="col">栏目</th>
              <th scope="col">更新情况</th>
              <th scope="col">依据</th>
              {p.canReview ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.evidence.map((c) => (
              <tr key={c.columnId}>
                <td>
                  <a href={`/columns/${c.columnId}`}>{c.name}</a>
                </td>
                <td>
                  <strong>{FRESHNESS_LABELS[c.status]}</strong>
                </td>
                <td>{c.explanation}</td>
                {p.canReview ? (
                  <td>
                    <ActionForm
                      action={`/admin/tasks/${p.task.id}/columns/${c.columnId}/unlink`}
                      csrf={p.ctx.csrfToken}
                      label={`取消关联 ${c.name}`}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未关联佐证栏目。</p>
      )}
      {p.canReview && p.evidenceChoices.length ? (
        <form method="post" action={`/admin/tasks/${p.task.id}/columns`} novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          <SelectField
            form={p.evidenceForm}
            name="columnId"
            label="关联佐证栏目"
            placeholder="请选择栏目"
            options={p.evidenceChoices}
          />
          <Button kind="secondary">关联</Button>
        </form>
      ) : null}
    </section>
  );
}

/** 佐证目录事项: catalogue items whose columns must show the information; the office ties and unties them. */
function ItemEvidenceSection(p: TaskPageProps) {
  if (!p.items.length && !(p.canReview && p.itemChoices.length)) return null;
  return (
    <section aria-labelledby="evidence-items">
      <h2 id="evidence-items">佐证目录事项</h2>
      <p class="hint">
        任务关联的主动公开目录事项须在其发布栏目中按时公开；事项未关联栏目、栏目未按时更新或为空时，任务不能办结。
      </p>
      {p.items.length ? (
        <table>
          <caption class="visually-hidden">佐证目录事项及其栏目更新情况</caption>
          <thead>
            <tr>
              <th scope="col">目录事项</th>
              <th scope="col">公开时限</th>
              <th scope="col">发布栏目更新情况</th>
              {p.canReview ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {p.items.map((it) => (
              <tr key={it.itemId}>
                <td>
                  {it.active ? `${it.unitName} › ${it.label}` : `${it.label}（已从目录中停用，不再作为佐证）`}
                </td>
                <td>{it.timeLimit ?? '—'}</td>
                <td>
                  {!it.active ? (
                    '—'
                  ) : it.columns.length ? (
                    <ul>
                      {it.columns.map((c) => (
                        <li key={c.columnId}>
                          <a href={`/columns/${c.columnId}`}>{c.name}</a>：
                          <strong>{FRESHNESS_LABELS[c.status]}</strong>（{c.explanation}）
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <strong>未关联发布栏目，无法核验</strong>
                  )}
                </td>
                {p.canReview ? (
                  <td>
                    <ActionForm
                      action={`/admin/tasks/${p.task.id}/catalogue-items/${it.itemId}/unlink`}
                      csrf={p.ctx.csrfToken}
                      label={`取消关联 ${it.label}`}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未关联目录事项。</p>
      )}
      {p.canReview && p.itemChoices.length ? (
        <form method="post" action={`/admin/tasks/${p.task.id}/catalogue-items`} novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          <SelectField
            form={p.itemForm}
            name="itemId"
            label="关联佐证目录事项"
            placeholder="请选择目录事项"
            options={p.itemChoices}
          />
          <Button kind="secondary">关联</Button>
        </form>
      ) : null}
    </section>
  );
}
