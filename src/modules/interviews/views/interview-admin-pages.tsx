/** Back-office pages of 在线访谈: the list, the 预告 form, one interview (events, moderation, 实录). */

import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  ENTRY_ROLE_LABELS,
  ENTRY_ROLES,
  type EntryRole,
  type Guest,
  INTERVIEW_EVENTS,
  INTERVIEW_STATE_LABELS,
  type InterviewState,
  OFFERED_EVENTS,
  QUESTION_STATUS_LABELS,
  type QuestionStatus,
  RECORD_EDIT_STATES,
} from '../interview.model.ts';
import type { EntryListRow, InterviewRow, QuestionRow } from '../interview.repository.ts';

const stateOf = (r: InterviewRow) => INTERVIEW_STATE_LABELS[r.status as InterviewState];

export function InterviewListPage(p: {
  ctx: ViewContext;
  rows: InterviewRow[];
  unitNames: Map<number, string>;
}) {
  return (
    <AdminLayout ctx={p.ctx} title="在线访谈">
      <h1>在线访谈</h1>
      <p>
        <a class="button button-primary" href="/admin/interviews/new">
          新建访谈
        </a>
      </p>
      {p.rows.length ? (
        <table>
          <caption class="visually-hidden">在线访谈列表</caption>
          <thead>
            <tr>
              <th scope="col">访谈主题</th>
              <th scope="col">单位</th>
              <th scope="col">开始时间</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/interviews/${r.id}`}>{r.title}</a>
                </td>
                <td>{p.unitNames.get(r.unit_id) ?? ''}</td>
                <td>{r.starts_at}</td>
                <td>{stateOf(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>还没有在线访谈。</p>
      )}
    </AdminLayout>
  );
}

export function InterviewFormPage(p: {
  ctx: ViewContext;
  form: FormState;
  action: string;
  title: string;
  units: { id: number; name: string }[];
}) {
  return (
    <AdminLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${p.title}` : p.title}>
      <Breadcrumbs items={[{ href: '/admin/interviews', label: '在线访谈' }, { label: p.title }]} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{p.title}</h1>
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {p.units.length > 1 ? (
          <SelectField
            form={p.form}
            name="unitId"
            label="主办单位"
            options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        ) : null}
        <TextField form={p.form} name="title" label="访谈主题" required />
        <TextArea form={p.form} name="summary" label="访谈简介" rows={4} />
        <TextArea
          form={p.form}
          name="guests"
          label="访谈嘉宾"
          required
          rows={3}
          hint="每行一位：姓名，职务。例如：张明，县人力资源和社会保障局局长"
        />
        <TextField form={p.form} name="host" label="主持人" width="short" />
        <TextField
          form={p.form}
          name="startsAt"
          label="开始时间"
          required
          type="datetime-local"
          width="short"
          hint="例如 2026-12-08 09:30"
        />
        <TextField form={p.form} name="endsAt" label="结束时间" type="datetime-local" width="short" />
        <TextField
          form={p.form}
          name="policyIds"
          label="解读的政策文件"
          hint="已发布政策文件的信息编号，多个用逗号分隔；实录发布后作为这些文件的“在线访谈”形式解读"
        />
        <Button>保存</Button> <a href="/admin/interviews">返回列表</a>
      </form>
    </AdminLayout>
  );
}

function QuestionsTable({
  ctx,
  row,
  questions,
}: {
  ctx: ViewContext;
  row: InterviewRow;
  questions: QuestionRow[];
}) {
  if (!questions.length) return <p>还没有网友提问。</p>;
  return (
    <table>
      <caption class="visually-hidden">网友提问</caption>
      <thead>
        <tr>
          <th scope="col">编号</th>
          <th scope="col">昵称</th>
          <th scope="col">问题</th>
          <th scope="col">时段</th>
          <th scope="col">状态</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => (
          <tr key={q.id}>
            <td>{q.id}</td>
            <td>{q.asker_name ?? '网友'}</td>
            <td>{q.content}</td>
            <td>{q.phase === 'live' ? '访谈中' : '提前'}</td>
            <td>{QUESTION_STATUS_LABELS[q.status as QuestionStatus]}</td>
            <td>
              {q.status === 'pending' ? (
                <form
                  method="post"
                  action={`/admin/interviews/${row.id}/questions/${q.id}/moderate`}
                  class="inline-form"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <Button kind="secondary" name="decision" value="adopted">
                    采用
                  </Button>{' '}
                  <Button kind="warning" name="decision" value="rejected">
                    不予采用
                  </Button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntryForm({
  ctx,
  row,
  form,
  adopted,
}: {
  ctx: ViewContext;
  row: InterviewRow;
  form: FormState;
  adopted: QuestionRow[];
}) {
  return (
    <form
      method="post"
      action={`/admin/interviews/${row.id}/entries`}
      enctype="multipart/form-data"
      novalidate
    >
      <CsrfField token={ctx.csrfToken} />
      <SelectField
        form={form}
        name="role"
        label="发言人类型"
        options={ENTRY_ROLES.map((r) => ({ value: r, label: ENTRY_ROLE_LABELS[r] }))}
      />
      <TextField form={form} name="speaker" label="发言人" width="short" hint="例如 张明（网友提问可不填）" />
      <SelectField
        form={form}
        name="questionId"
        label="对应的网友提问"
        placeholder="（无）"
        options={adopted.map((q) => ({ value: String(q.id), label: `${q.id}：${q.content.slice(0, 40)}` }))}
      />
      <TextArea form={form} name="content" label="发言内容" required rows={4} />
      <FileField
        form={form}
        name="image"
        label="配图（选填）"
        hint="JPG 或 PNG，不超过 2 MB"
        accept=".jpg,.jpeg,.png"
      />
      <Button>添加到实录</Button>
    </form>
  );
}

export function InterviewAdminPage(p: {
  ctx: ViewContext;
  row: InterviewRow;
  unitName: string;
  policies: { id: number; title: string }[];
  questions: QuestionRow[];
  entries: EntryListRow[];
  form: FormState;
  notice?: string | undefined;
}) {
  const { ctx, row } = p;
  const state = row.status as InterviewState;
  const guests = JSON.parse(row.guests) as Guest[];
  const events = OFFERED_EVENTS.filter((e) =>
    (INTERVIEW_EVENTS[e].from as readonly string[]).includes(state),
  );
  const editable = state === 'draft' || state === 'announced';
  return (
    <AdminLayout ctx={ctx} title={p.form.problems.length ? `错误：${row.title}` : row.title}>
      <Breadcrumbs items={[{ href: '/admin/interviews', label: '在线访谈' }, { label: row.title }]} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{row.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <SummaryList
        rows={[
          ['状态', stateOf(row)],
          ['主办单位', p.unitName],
          ['访谈时间', `${row.starts_at}${row.ends_at ? ` 至 ${row.ends_at}` : ''}`],
          ['访谈嘉宾', guests.map((g) => (g.title ? `${g.name}（${g.title}）` : g.name)).join('；')],
          ['主持人', row.host],
          ['解读的政策文件', p.policies.map((d) => `${d.title}（${d.id}）`).join('；')],
          [
            '实录文件',
            row.document_id ? (
              <a href={`/admin/documents/${row.document_id}`}>信息编号 {row.document_id}</a>
            ) : null,
          ],
        ]}
      />
      <div class="actions">
        {editable ? <a href={`/admin/interviews/${row.id}/edit`}>修改预告</a> : null}{' '}
        {events.map((e) => (
          <ActionForm
            key={e}
            action={
              e === 'submit_record'
                ? `/admin/interviews/${row.id}/record`
                : `/admin/interviews/${row.id}/events/${e}`
            }
            csrf={ctx.csrfToken}
            label={INTERVIEW_EVENTS[e].label}
            kind={e === 'submit_record' ? 'primary' : 'secondary'}
          />
        ))}{' '}
        {state !== 'draft' ? <a href={`/interviews/${row.id}`}>查看公开页面</a> : null}
      </div>
      <h2>网友提问</h2>
      <QuestionsTable ctx={ctx} row={row} questions={p.questions} />
      <h2>访谈实录</h2>
      {p.entries.length ? (
        <ol class="interview-entries">
          {p.entries.map((e) => (
            <li key={e.id}>
              <strong>
                {ENTRY_ROLE_LABELS[e.role as EntryRole]}
                {e.speaker ? ` ${e.speaker}` : ''}：
              </strong>
              {e.content}
              {e.image_kind ? <span>（配图：{e.image_name}）</span> : null}{' '}
              {RECORD_EDIT_STATES.includes(state) ? (
                <ActionForm
                  action={`/admin/interviews/${row.id}/entries/${e.id}/remove`}
                  csrf={ctx.csrfToken}
                  label="删除"
                  kind="warning"
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>实录还没有条目。</p>
      )}
      {RECORD_EDIT_STATES.includes(state) ? (
        <section aria-labelledby="add-entry">
          <h3 id="add-entry">添加实录条目</h3>
          <EntryForm
            ctx={ctx}
            row={row}
            form={p.form}
            adopted={p.questions.filter((q) => q.status === 'adopted')}
          />
        </section>
      ) : null}
    </AdminLayout>
  );
}
