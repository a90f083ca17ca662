/** Back-office pages of 意见征集: list, create/edit form, the consultation's page (moderation, 采纳, feedback, final policy). */
import type { ComponentChildren } from 'preact';
import { FormPage } from '../../../http/kit/form-page.tsx';
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import { type FormState, problemFor, type ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  HintAndError,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { StaffComment } from '../comment.service.ts';
import {
  ADOPTION_LABELS,
  ADOPTIONS,
  type Adoption,
  BASIS_LABELS,
  COMMENT_STATE_LABELS,
  CONSULTATION_BASES,
  type CommentState,
  type ConsultationBasis,
  type ConsultationState,
  STATE_LABELS,
} from '../consultation.model.ts';
import type { ArticleRow, ConsultationListRow, ConsultationRow } from '../consultations.repository.ts';
import type { FeedbackReport } from '../feedback-report.ts';
import { CONSULTATIONS_CSS, FeedbackTable } from './public-pages.tsx';

const HOME = { href: '/admin', label: '工作台' };
const LIST = { href: '/admin/consultations', label: '意见征集' };

export function AdminListPage({
  ctx,
  rows,
  mayCreate,
}: {
  ctx: ViewContext;
  rows: ConsultationListRow[];
  mayCreate: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title="意见征集">
      <ModuleStylesheets names={[CONSULTATIONS_CSS]} />
      <Breadcrumbs items={[HOME, { label: '意见征集' }]} />
      <h1>意见征集</h1>
      {mayCreate ? (
        <p>
          <a class="button button-primary" href="/admin/consultations/new">
            新建意见征集
          </a>
        </p>
      ) : null}
      {rows.length ? (
        <table>
          <caption class="visually-hidden">意见征集列表</caption>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">单位</th>
              <th scope="col">类型</th>
              <th scope="col">征集期限</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/consultations/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.unit_name}</td>
                <td>{BASIS_LABELS[r.basis as ConsultationBasis]}</td>
                <td>
                  {r.opens_on} 至 {r.closes_on}
                </td>
                <td>{STATE_LABELS[r.state as ConsultationState]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>还没有意见征集。</p>
      )}
    </AdminLayout>
  );
}

export function ConsultationFormPage({
  ctx,
  form,
  action,
  units,
  editing,
}: {
  ctx: ViewContext;
  form: FormState;
  action: string;
  units: { id: number; name: string }[] | null;
  editing: boolean;
}) {
  const title = editing ? '修改意见征集' : '新建意见征集';
  return (
    <FormPage
      ctx={ctx}
      title={title}
      action={action}
      form={form}
      multipart
      submitLabel="保存草稿"
      breadcrumbs={[HOME, LIST, { label: title }]}
      cancel={{ href: '/admin/consultations', label: '返回列表' }}
      intro={
        <p>保存后为草稿，确认无误再“发布征集”。草案按“第一条”“一、”等编号自动分条，公众可逐条提出意见。</p>
      }
    >
      {units ? (
        <SelectField
          form={form}
          name="unitId"
          label="征集单位"
          required
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
      ) : null}
      <TextField
        form={form}
        name="title"
        label="标题"
        required
        hint="例如：关于《某县城市绿化管理办法（征求意见稿）》公开征求意见的公告"
      />
      <SelectField
        form={form}
        name="basis"
        label="征集类型"
        required
        placeholder="请选择"
        hint="重大行政决策、规章草案的征集期限一般不少于30日；规范性文件和其他类型按设置。"
        options={CONSULTATION_BASES.map((b) => ({ value: b, label: BASIS_LABELS[b] }))}
      />
      <TextField form={form} name="opensOn" label="开始日期" required width="short" hint="格式：2026-03-01" />
      <TextField
        form={form}
        name="closesOn"
        label="截止日期"
        required
        width="short"
        hint="格式：2026-03-31；截止日当天仍可提交意见"
      />
      <TextArea
        form={form}
        name="shortReason"
        label="缩短期限的理由"
        rows={3}
        hint="征集期限短于最短期限时必填，将在征集页面公开。"
      />
      <TextArea form={form} name="summary" label="起草说明" rows={5} hint="选填" />
      <TextArea
        form={form}
        name="draftText"
        label="草案全文"
        rows={16}
        hint="粘贴草案全文，或上传 Word 文件（.docx）；上传文件时以文件内容为准。"
      />
      <FileField form={form} name="draftFile" label="上传草案 Word 文件（选填）" accept=".docx" />
    </FormPage>
  );
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export interface DetailData {
  row: ConsultationRow;
  unitName: string;
  articles: ArticleRow[];
  comments: StaffComment[];
  window: { length: number; short: boolean; min: { days: number; unit: string; basis: string } };
  report: FeedbackReport;
  feedbackProblems: string[];
  columns: { id: number; name: string }[];
  feedbackState: string | null;
  finalState: string | null;
  mayManage: boolean;
  mayModerate: boolean;
}

function CommentCard({
  c,
  d,
  ctx,
  form,
}: {
  c: StaffComment;
  d: DetailData;
  ctx: ViewContext;
  form: FormState;
}) {
  const article = d.articles.find((a) => a.id === c.article_id);
  const field = `reason-${c.id}`;
  const error = problemFor(form, field);
  const frozen = d.row.feedback_document_id !== null;
  return (
    <li class="comment-card" id={`comment-${c.id}`}>
      <p>
        第 {c.id} 号 · {article?.number ?? '草案整体'} · {COMMENT_STATE_LABELS[c.state as CommentState]}
        {c.adoption
          ? ` · ${ADOPTION_LABELS[c.adoption as Adoption]}${c.adoption_group ? `（第 ${c.adoption_group} 组）` : ''}`
          : ''}
      </p>
      <p class="pre-line">{c.body}</p>
      <p class="hint">
        提出人：{c.name ?? '未留姓名'}（公开为 {c.name_masked ?? '匿名'}）；联系方式：
        {c.contactText ?? '未留'}
        {c.hidden_reason ? `；不予显示的理由：${c.hidden_reason}` : ''}
        {c.adoption_reason ? `；采纳理由：${c.adoption_reason}` : ''}
      </p>
      {d.mayModerate && !frozen ? (
        <div>
          {c.state !== 'shown' ? (
            <ActionForm
              action={`/admin/consultations/comments/${c.id}/show`}
              csrf={ctx.csrfToken}
              label="显示"
              kind="primary"
            />
          ) : null}
          {c.state !== 'hidden' ? (
            <form
              method="post"
              action={`/admin/consultations/comments/${c.id}/hide`}
              novalidate
              class={error ? 'field-error' : undefined}
            >
              <CsrfField token={ctx.csrfToken} />
              <label for={`f-${field}`}>不予显示的理由（第 {c.id} 号意见）</label>
              <HintAndError name={field} error={error} />
              <input
                class="input input-full"
                id={`f-${field}`}
                name="reason"
                value={String(form.values[field] ?? '')}
                aria-describedby={error ? `e-${field}` : undefined}
              />
              <Button kind="warning">不予显示</Button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function AdoptionForm({ d, ctx, form }: { d: DetailData; ctx: ViewContext; form: FormState }) {
  const shown = d.comments.filter((c) => c.state === 'shown');
  const picked = new Set([form.values.commentIds ?? []].flat().map(String));
  const error = problemFor(form, 'commentIds');
  return (
    <form method="post" action={`/admin/consultations/${d.row.id}/adoption`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <fieldset
        class={error ? 'field field-error' : 'field'}
        id="f-commentIds"
        aria-describedby={error ? 'e-commentIds' : undefined}
      >
        <legend>选择意见（内容相近的可一并选择，作为一组反馈）</legend>
        <HintAndError name="commentIds" error={error} />
        {shown.map((c) => (
          <div class="checkbox" key={c.id}>
            <input
              type="checkbox"
              id={`f-comment-${c.id}`}
              name="commentIds"
              value={String(c.id)}
              checked={picked.has(String(c.id))}
            />
            <label for={`f-comment-${c.id}`}>
              第 {c.id} 号{c.adoption ? `（已记：${ADOPTION_LABELS[c.adoption as Adoption]}）` : '（未记录）'}
              ：{c.body.slice(0, 60)}
            </label>
          </div>
        ))}
      </fieldset>
      <SelectField
        form={form}
        name="adoption"
        label="采纳情况"
        required
        placeholder="请选择"
        options={ADOPTIONS.map((a) => ({ value: a, label: ADOPTION_LABELS[a] }))}
      />
      <TextArea
        form={form}
        name="reason"
        label="理由"
        rows={3}
        hint="部分采纳、未采纳的必填，将在反馈报告中公开。"
      />
      <Button>记录采纳情况</Button>
    </form>
  );
}

export function ConsultationDetailPage({
  ctx,
  d,
  form,
  notice,
}: {
  ctx: ViewContext;
  d: DetailData;
  form: FormState;
  notice: string | null;
}) {
  const r = d.row;
  const pending = d.comments.filter((c) => c.state === 'pending');
  const others = d.comments.filter((c) => c.state !== 'pending');
  const wUnit = d.window.min.unit === 'working' ? '个工作日' : '日';
  return (
    <AdminLayout ctx={ctx} title={form.problems.length ? `错误：${r.title}` : r.title}>
      <ModuleStylesheets names={[CONSULTATIONS_CSS]} />
      <Breadcrumbs items={[HOME, LIST, { label: r.title }]} />
      <ErrorSummary problems={form.problems} />
      {notice ? <Notice>{notice}</Notice> : null}
      <h1>{r.title}</h1>
      <SummaryList
        rows={[
          ['单位', d.unitName],
          ['类型', BASIS_LABELS[r.basis as ConsultationBasis]],
          ['状态', STATE_LABELS[r.state as ConsultationState]],
          [
            '征集期限',
            `${r.opens_on} 至 ${r.closes_on}（${d.window.length}${wUnit}；最短 ${d.window.min.days}${wUnit}）`,
          ],
          ['期限依据', d.window.min.basis],
          ['缩短期限的理由', r.short_reason ?? '—'],
          [
            '反馈报告',
            r.feedback_document_id ? (
              <a href={`/admin/documents/${r.feedback_document_id}`}>
                信息编号 {r.feedback_document_id}（{d.feedbackState}）
              </a>
            ) : (
              '未生成'
            ),
          ],
          [
            '最终文件',
            r.final_document_id ? (
              <a href={`/admin/documents/${r.final_document_id}`}>
                信息编号 {r.final_document_id}（{d.finalState}）
              </a>
            ) : (
              '未登记'
            ),
          ],
        ]}
      />
      {r.state !== 'draft' ? (
        <p>
          <a href={`/consultations/${r.id}`}>查看公开页面</a>
        </p>
      ) : null}
      {d.mayManage && r.state === 'draft' ? (
        <p>
          <a href={`/admin/consultations/${r.id}/edit`}>修改草稿</a>{' '}
          <ActionForm
            action={`/admin/consultations/${r.id}/publish`}
            csrf={ctx.csrfToken}
            label="发布征集"
            kind="primary"
          />
        </p>
      ) : null}
      <Section title={`待审核意见（${pending.length} 条）`}>
        {pending.length ? (
          <ul class="plain-list">
            {pending.map((c) => (
              <CommentCard key={c.id} c={c} d={d} ctx={ctx} form={form} />
            ))}
          </ul>
        ) : (
          <p>没有待审核的意见。</p>
        )}
      </Section>
      <Section title={`已审核意见（${others.length} 条）`}>
        {others.length ? (
          <ul class="plain-list">
            {others.map((c) => (
              <CommentCard key={c.id} c={c} d={d} ctx={ctx} form={form} />
            ))}
          </ul>
        ) : (
          <p>暂无。</p>
        )}
      </Section>
      {d.mayManage && r.state === 'closed' && r.feedback_document_id === null ? (
        <Section title="采纳情况">
          <AdoptionForm d={d} ctx={ctx} form={form} />
        </Section>
      ) : null}
      {r.state === 'closed' || r.state === 'answered' ? (
        <Section title="意见采纳情况反馈">
          <FeedbackTable report={d.report} />
          {d.mayManage && r.feedback_document_id === null ? (
            d.feedbackProblems.length ? (
              <p>生成反馈报告前：{d.feedbackProblems.join('；')}。</p>
            ) : (
              <form method="post" action={`/admin/consultations/${r.id}/feedback`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <SelectField
                  form={form}
                  name="columnId"
                  label="发布栏目"
                  options={d.columns.map((c) => ({ value: String(c.id), label: c.name }))}
                />
                <Button>生成反馈报告并送审</Button>
              </form>
            )
          ) : null}
        </Section>
      ) : null}
      {d.mayManage && (r.state === 'closed' || r.state === 'answered') ? (
        <Section title="最终文件">
          <p>
            登记根据本次征集形成的最终文件（如正式印发的规章、规范性文件）。最终文件须在意见采纳情况反馈发布并关联后才能发布。
          </p>
          <form method="post" action={`/admin/consultations/${r.id}/final`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField
              form={form}
              name="documentId"
              label="最终文件的信息编号"
              width="short"
              inputmode="numeric"
              hint="在“主动公开”信息列表中查看信息编号"
            />
            <Button>登记最终文件</Button>
          </form>
        </Section>
      ) : null}
      <Section title="草案（按条）">
        <ol class="plain-list">
          {d.articles.map((a) => (
            <li key={a.id} class="pre-line">
              {a.number ? <strong>{a.number} </strong> : null}
              {a.text}
            </li>
          ))}
        </ol>
      </Section>
    </AdminLayout>
  );
}
