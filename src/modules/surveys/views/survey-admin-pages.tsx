/** Back-office 在线调查 pages: the list, the survey's form, its questions (buttons, no JavaScript) and actions. */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  type Question,
  questionLabel,
  SURVEY_STATE_LABELS,
  type SurveyState,
} from '../survey.model.ts';
import type { SurveyListRow, SurveyRow } from '../surveys.repository.ts';
import { ADMIN_SURVEYS_PATH, SURVEYS_PATH } from '../surveys.services.ts';
import { windowText } from './survey-public-pages.tsx';

const crumbs = (label?: string) => [
  { href: '/admin', label: '管理首页' },
  { href: ADMIN_SURVEYS_PATH, label: '在线调查' },
  ...(label ? [{ label }] : []),
];

export function AdminSurveyListPage({
  ctx,
  rows,
  canCreate,
}: {
  ctx: ViewContext;
  rows: SurveyListRow[];
  canCreate: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title="在线调查">
      <Breadcrumbs items={crumbs()} />
      <h1>在线调查</h1>
      {canCreate ? (
        <p>
          <a class="button button-primary" href={`${ADMIN_SURVEYS_PATH}/new`}>
            新建调查
          </a>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>还没有调查。</p>
      ) : (
        <table>
          <caption class="visually-hidden">本单位的在线调查</caption>
          <thead>
            <tr>
              <th scope="col">调查</th>
              <th scope="col">单位</th>
              <th scope="col">时间</th>
              <th scope="col">状态</th>
              <th scope="col">答卷</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`${ADMIN_SURVEYS_PATH}/${s.id}`}>{s.title}</a>
                </td>
                <td>{s.unit_name}</td>
                <td>{windowText(s)}</td>
                <td>{SURVEY_STATE_LABELS[s.state as SurveyState]}</td>
                <td>{s.responses}</td>
                <td>{s.results_published_at ? '已公开' : s.results_public ? '待发布' : '不公开'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  );
}

export type UnitChoice = { id: number; name: string };

function DetailsFields({ form, units }: { form: FormState; units: UnitChoice[] }) {
  const yesNo = [
    { value: '1', label: '是' },
    { value: '0', label: '否' },
  ];
  return (
    <>
      <SelectField
        form={form}
        name="unitId"
        label="发布单位"
        required
        options={units.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <TextField form={form} name="title" label="调查标题" required />
      <TextArea
        form={form}
        name="description"
        label="调查说明"
        hint="调查的目的、对象和结果的用途；不超过 2000 字"
      />
      <TextField
        form={form}
        name="opensOn"
        label="开始日期"
        type="date"
        width="short"
        hint="到这一天每日任务自动开始调查；留空则手动开始"
      />
      <TextField
        form={form}
        name="closesOn"
        label="截止日期"
        type="date"
        width="short"
        hint="这一天之后自动结束（当天仍可提交）；留空则手动结束"
      />
      <RadioGroup
        form={form}
        name="resultsPublic"
        legend="是否公开调查结果"
        hint="调查结束后，由审核员发布结果"
        options={yesNo}
        inline
      />
      <RadioGroup
        form={form}
        name="publicTextAnswers"
        legend="公开结果时是否公开文字回答"
        options={yesNo}
        inline
      />
      <RadioGroup
        form={form}
        name="asksContact"
        legend="是否请参与者留联系方式（选填）"
        hint="联系方式加密保存，仅工作人员可见"
        options={yesNo}
        inline
      />
    </>
  );
}

export function SurveyDetailsPage({
  ctx,
  form,
  units,
  survey,
}: {
  ctx: ViewContext;
  form: FormState;
  units: UnitChoice[];
  survey?: SurveyRow;
}) {
  const title = survey ? `修改调查：${survey.title}` : '新建调查';
  return (
    <AdminLayout ctx={ctx} title={title}>
      <Breadcrumbs items={crumbs(title)} />
      <h1>{title}</h1>
      <form
        method="post"
        action={survey ? `${ADMIN_SURVEYS_PATH}/${survey.id}/edit` : ADMIN_SURVEYS_PATH}
        novalidate
      >
        <ErrorSummary problems={form.problems} />
        <CsrfField token={ctx.csrfToken} />
        <DetailsFields form={form} units={units} />
        <Button>{survey ? '保存' : '创建调查'}</Button>
      </form>
    </AdminLayout>
  );
}

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

function QuestionRow(p: {
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

export interface SurveyPageProps {
  ctx: ViewContext;
  survey: SurveyRow & { unit_name: string };
  questions: Question[];
  responses: number;
  canPublish: boolean;
  done?: string;
  /** The add-question form (kept on error) and problems of an action button. */
  addForm: FormState;
  actionProblems: FormState['problems'];
}

const DONE: Record<string, string> = {
  created: '调查已创建。请添加题目，然后开始调查。',
  saved: '已保存。',
  added: '题目已添加。',
  removed: '题目已删除。',
  moved: '题目顺序已调整。',
  opened: '调查已开始，公众可以提交答卷。',
  closed: '调查已结束。',
  published: '调查结果已公开发布。',
};

export function AdminSurveyPage(p: SurveyPageProps) {
  const { ctx, survey: s, questions } = p;
  const draft = s.state === 'draft';
  const csrf = ctx.csrfToken;
  const base = `${ADMIN_SURVEYS_PATH}/${s.id}`;
  return (
    <AdminLayout ctx={ctx} title={s.title}>
      <Breadcrumbs items={crumbs(s.title)} />
      <h1>{s.title}</h1>
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <ErrorSummary problems={p.actionProblems} />
      <SummaryList
        rows={[
          ['发布单位', s.unit_name],
          ['状态', SURVEY_STATE_LABELS[s.state as SurveyState]],
          ['时间', windowText(s)],
          ['答卷', `${p.responses} 份`],
          [
            '结果',
            s.results_published_at
              ? `已于 ${s.results_published_at.slice(0, 10)} 公开发布`
              : s.results_public
                ? '调查结束后由审核员发布'
                : '不公开',
          ],
          [
            '公众页面',
            s.state === 'draft' ? (
              '（开始后可见）'
            ) : (
              <a href={`${SURVEYS_PATH}/${s.id}`}>{`${SURVEYS_PATH}/${s.id}`}</a>
            ),
          ],
        ]}
      />
      <p>
        {draft ? <a href={`${base}/edit`}>修改基本信息</a> : null}　
        <a href={`${SURVEYS_PATH}/${s.id}/results`}>查看结果</a>　
        <a href={`${base}/export.xlsx`}>导出 Excel</a>
      </p>
      <div>
        {draft ? <ActionForm action={`${base}/open`} csrf={csrf} label="开始调查" kind="primary" /> : null}
        {s.state === 'open' ? (
          <ActionForm action={`${base}/close`} csrf={csrf} label="结束调查" kind="warning" />
        ) : null}
        {p.canPublish && s.state === 'closed' && s.results_public === 1 && !s.results_published_at ? (
          <ActionForm action={`${base}/publish`} csrf={csrf} label="发布调查结果" kind="primary" />
        ) : null}
      </div>
      <h2>题目（{questions.length}）</h2>
      {questions.length === 0 ? <p>还没有题目。</p> : null}
      <ol class="survey-questions">
        {questions.map((q, i) => (
          <QuestionRow
            key={q.id}
            survey={s}
            q={q}
            index={i}
            last={i === questions.length - 1}
            csrf={csrf}
            editable={draft}
          />
        ))}
      </ol>
      {draft ? (
        <>
          <h2>添加题目</h2>
          <form method="post" action={`${base}/questions`} novalidate>
            <ErrorSummary problems={p.addForm.problems} />
            <CsrfField token={csrf} />
            <QuestionFields form={p.addForm} />
            <Button>添加题目</Button>
          </form>
        </>
      ) : (
        <p class="hint">调查开始后题目不能再修改，以免已收到的答卷与题目不一致。</p>
      )}
    </AdminLayout>
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
          ...crumbs(),
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
