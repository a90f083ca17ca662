/** Back-office pages of the unanswered queue: the list (with 从咨询来信转入) and one question. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
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
import { QA_QUESTION_STATE_LABELS, type QaQuestionState } from '../qa.model.ts';
import { sourceField } from '../qa-entry.model.ts';
import { QUESTION_CLOSE_REASONS, type QuestionRow } from '../qa-queue.service.ts';

type Named = { id: number; name: string };
const crumbs = (last?: string) => [
  { href: '/admin/qa', label: '政策问答库' },
  ...(last
    ? [{ href: '/admin/qa/questions', label: '未解答问题' }, { label: last }]
    : [{ label: '未解答问题' }]),
];

export function QuestionListPage(p: {
  ctx: ViewContext;
  rows: QuestionRow[];
  unitNames: Map<number, string>;
  units: Named[];
  form: FormState;
  lettersEnabled: boolean;
}) {
  return (
    <AdminLayout ctx={p.ctx} title={p.form.problems.length ? '错误：未解答问题' : '未解答问题'}>
      <Breadcrumbs items={crumbs()} />
      <ErrorSummary problems={p.form.problems} />
      <h1>未解答问题</h1>
      <p>群众在政策问答中提出、未能找到答案的问题。答复后可一步转入问答库（由他人审核后发布）。</p>
      <DataTable
        caption={`待答复的问题（${p.rows.length} 个）`}
        rows={p.rows}
        rowKey={(r) => r.id}
        empty="没有待答复的问题。"
        columns={[
          { header: '问题', cell: (r) => <a href={`/admin/qa/questions/${r.id}`}>{r.question}</a> },
          { header: '承办单位', cell: (r) => (r.unit_id ? (p.unitNames.get(r.unit_id) ?? '') : '待分派') },
          { header: '提出时间', cell: (r) => r.created_at.slice(0, 10) },
        ]}
      />
      {p.lettersEnabled ? (
        <>
          <h2>从咨询来信转入</h2>
          <form method="post" action="/admin/qa/questions/from-letter" novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <TextField
              form={p.form}
              name="reference"
              label="来信编号"
              width="short"
              hint="已答复且答复已公开发布的咨询来信"
            />
            {p.units.length > 1 ? (
              <SelectField
                form={p.form}
                name="unitId"
                label="所属单位"
                options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
              />
            ) : null}
            <Button kind="secondary">转为问答草稿</Button>
          </form>
        </>
      ) : null}
    </AdminLayout>
  );
}

export function QuestionPage(p: {
  ctx: ViewContext;
  row: QuestionRow;
  unitName: string | null;
  routeUnits: Named[] | null;
  canAnswer: boolean;
  form: FormState;
  done?: boolean;
}) {
  const { row, form } = p;
  const open = row.state === 'open';
  return (
    <AdminLayout
      ctx={p.ctx}
      title={form.problems.length ? `错误：未解答问题 ${row.id}` : `未解答问题 ${row.id}`}
    >
      <Breadcrumbs items={crumbs(`问题 ${row.id}`)} />
      <ErrorSummary problems={form.problems} />
      {p.done ? <Notice>已办理。</Notice> : null}
      <h1>未解答问题 {row.id}</h1>
      <SummaryList
        rows={[
          ['问题', row.question],
          ['状态', QA_QUESTION_STATE_LABELS[row.state as QaQuestionState] ?? row.state],
          ['承办单位', p.unitName ?? '待分派'],
          ['联系方式', row.contact_enc ? '已留（答复时发送到其电子邮箱）' : '未留'],
          ['提出时间', row.created_at.slice(0, 16).replace('T', ' ')],
          ['答复', row.answer],
        ]}
      />
      {open && p.routeUnits ? (
        <form method="post" action={`/admin/qa/questions/${row.id}/route`} novalidate class="action-block">
          <CsrfField token={p.ctx.csrfToken} />
          <SelectField
            form={form}
            name="unitId"
            label="分派至单位"
            placeholder="请选择"
            options={p.routeUnits.map((u) => ({ value: String(u.id), label: u.name }))}
          />
          <Button kind="secondary">分派</Button>
        </form>
      ) : null}
      {open && p.canAnswer ? (
        <>
          <h2>答复并转入问答库</h2>
          <form
            method="post"
            action={`/admin/qa/questions/${row.id}/promote`}
            novalidate
            class="action-block"
          >
            <CsrfField token={p.ctx.csrfToken} />
            <TextField form={form} name="question" label="问题（可修改措辞）" />
            <TextArea form={form} name="answer" label="答复内容" required rows={8} />
            <TextField form={form} name={sourceField(0, 'doc')} label="依据文件（文号或标题）" />
            <TextField
              form={form}
              name={sourceField(0, 'article')}
              label="条款"
              width="short"
              hint="例如 第二十条"
            />
            <TextArea form={form} name={sourceField(0, 'excerpt')} label="摘录" rows={2} />
            <Button>答复并转入问答库（送审）</Button>
          </form>
          <h2>只答复</h2>
          <form method="post" action={`/admin/qa/questions/${row.id}/answer`} novalidate class="action-block">
            <CsrfField token={p.ctx.csrfToken} />
            <TextArea form={form} name="answerOnly" label="答复内容（不转入问答库）" rows={5} />
            <Button kind="secondary">答复</Button>
          </form>
        </>
      ) : null}
      {open && (p.canAnswer || p.routeUnits) ? (
        <form method="post" action={`/admin/qa/questions/${row.id}/close`} novalidate class="action-block">
          <CsrfField token={p.ctx.csrfToken} />
          <SelectField
            form={form}
            name="closeReason"
            label="关闭理由"
            placeholder="请选择"
            options={QUESTION_CLOSE_REASONS.map((r) => ({ value: r.code, label: r.label }))}
          />
          <Button kind="warning">关闭</Button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
