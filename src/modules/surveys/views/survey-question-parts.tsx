/** The question parts of the back-office survey pages: the question's fields, its row with buttons, its edit page. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { QUESTION_KIND_LABELS, QUESTION_KINDS, type Question, questionLabel } from '../survey.model.ts';
import type { SurveyRow } from '../surveys.repository.ts';
import { ADMIN_SURVEYS_PATH } from '../surveys.services.ts';

/** The fields of one question (add and edit). */
export function QuestionFields({ form }: { form: FormState }) {
  return (
    <>
      <SelectField
        form={form}
        name="kind"
        label="题型"
        required
        options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))}
      />
      <TextField form={form} name="title" label="题目" required />
      <TextField form={form} name="help" label="填写说明（选填）" />
      <CheckboxGroup
        form={form}
        name="required"
        legend="是否必答"
        options={[{ value: '1', label: '必须回答本题' }]}
      />
      <TextArea
        form={form}
        name="options"
        label="选项"
        rows={5}
        hint="单选、多选题：每行一个选项（2 到 20 个）。评分题：可写 5 行刻度说明（1 分到 5 分），留空则为“很不满意……很满意”。文本题不填。"
      />
      <TextField
        form={form}
        name="minChoices"
        label="多选题最少选择项数（选填）"
        width="short"
        inputmode="numeric"
      />
      <TextField
        form={form}
        name="maxChoices"
        label="多选题最多选择项数（选填）"
        width="short"
        inputmode="numeric"
      />
      <TextField
        form={form}
        name="maxLength"
        label="文本题字数上限（选填，默认 500）"
        width="short"
        inputmode="numeric"
      />
    </>
  );
}

export const questionFormValues = (q: Question) => ({
  kind: q.kind,
  title: q.title,
  help: q.help,
  required: q.required ? '1' : undefined,
  options: q.kind === 'text' ? '' : q.options.join('\n'),
  minChoices: q.minChoices ?? '',
  maxChoices: q.maxChoices ?? '',
  maxLength: q.kind === 'text' ? (q.maxLength ?? '') : '',
});

export function QuestionRow(p: {
  survey: SurveyRow;
  q: Question;
  index: number;
  last: boolean;
  csrf: string;
  editable: boolean;
}) {
  const { survey, q, index } = p;
  const base = `${ADMIN_SURVEYS_PATH}/${survey.id}/questions/${q.id}`;
  const detail =
    q.kind === 'text'
      ? `不超过 ${q.maxLength ?? 500} 字`
      : q.options.map((o, i) => (q.kind === 'rating' ? `${i + 1} 分：${o}` : o)).join(' / ');
  return (
    <li>
      <p>
        <strong>{questionLabel(q, index)}</strong>　{QUESTION_KIND_LABELS[q.kind]}　
        {q.required ? '必答' : '选答'}
      </p>
      <p class="hint">{detail}</p>
      {p.editable ? (
        <p>
          <a href={`${base}/edit`}>
            修改<span class="visually-hidden">{questionLabel(q, index)}</span>
          </a>
          　
          {index > 0 ? (
            <ActionForm action={`${base}/up`} csrf={p.csrf} label={`上移第 ${index + 1} 题`} />
          ) : null}
          {!p.last ? (
            <ActionForm action={`${base}/down`} csrf={p.csrf} label={`下移第 ${index + 1} 题`} />
          ) : null}
          <ActionForm
            action={`${base}/remove`}
            csrf={p.csrf}
            label={`删除第 ${index + 1} 题`}
            kind="warning"
          />
        </p>
      ) : null}
    </li>
  );
}

export function QuestionEditPage({
  ctx,
  survey,
  question,
  index,
  form,
}: {
  ctx: ViewContext;
  survey: SurveyRow;
  question: Question;
  index: number;
  form: FormState;
}) {
  const title = `修改${questionLabel(question, index)}`;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: ADMIN_SURVEYS_PATH, label: '在线调查' },
          { href: `${ADMIN_SURVEYS_PATH}/${survey.id}`, label: survey.title },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <form
        method="post"
        action={`${ADMIN_SURVEYS_PATH}/${survey.id}/questions/${question.id}/edit`}
        novalidate
      >
        <ErrorSummary problems={form.problems} />
        <CsrfField token={ctx.csrfToken} />
        <QuestionFields form={form} />
        <Button>保存</Button>
      </form>
    </AdminLayout>
  );
}
