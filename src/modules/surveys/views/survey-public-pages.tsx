/** Public 在线调查 pages: the list, the questionnaire (no JavaScript needed) and its notices. */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  answerField,
  type Question,
  questionLabel,
  SURVEY_STATE_LABELS,
  type SurveyState,
} from '../survey.model.ts';
import type { SurveyListRow, SurveyRow } from '../surveys.repository.ts';
import { SURVEYS_PATH } from '../surveys.services.ts';

export function windowText(s: Pick<SurveyRow, 'opens_on' | 'closes_on'>): string {
  if (!s.opens_on && !s.closes_on) return '—';
  return `${s.opens_on ?? '—'} 至 ${s.closes_on ?? '结束时公告'}`;
}

const crumbs = (title?: string) => [
  { href: '/', label: '首页' },
  { href: SURVEYS_PATH, label: '在线调查' },
  ...(title ? [{ label: title }] : []),
];

export function SurveyListPage({ ctx, rows }: { ctx: ViewContext; rows: SurveyListRow[] }) {
  return (
    <PublicLayout ctx={ctx} title="在线调查">
      <Breadcrumbs items={crumbs()} />
      <h1>在线调查</h1>
      <p>无需注册即可参与；每份调查每人可提交一次答卷。</p>
      {rows.length === 0 ? (
        <p>目前没有调查。</p>
      ) : (
        <table>
          <caption class="visually-hidden">在线调查列表</caption>
          <thead>
            <tr>
              <th scope="col">调查</th>
              <th scope="col">发布单位</th>
              <th scope="col">时间</th>
              <th scope="col">状态</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={`${SURVEYS_PATH}/${s.id}`}>{s.title}</a>
                </td>
                <td>{s.unit_name}</td>
                <td>{windowText(s)}</td>
                <td>{SURVEY_STATE_LABELS[s.state as SurveyState]}</td>
                <td>
                  {s.results_published_at ? (
                    <a href={`${SURVEYS_PATH}/${s.id}/results`}>
                      查看结果<span class="visually-hidden">：{s.title}</span>
                    </a>
                  ) : (
                    '未公布'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PublicLayout>
  );
}

function QuestionField({ q, index, form }: { q: Question; index: number; form: FormState }) {
  const name = answerField(q);
  const legend = `${questionLabel(q, index)}${q.required ? '（必填）' : '（选填）'}`;
  const options = q.options.map((label, i) => ({ value: String(i), label }));
  if (q.kind === 'single')
    return (
      <RadioGroup form={form} name={name} legend={legend} hint={q.help || undefined} options={options} />
    );
  if (q.kind === 'rating')
    return (
      <RadioGroup
        form={form}
        name={name}
        legend={legend}
        hint={q.help || '1 分最低，5 分最高'}
        options={q.options.map((label, i) => ({ value: String(i + 1), label: `${i + 1} 分：${label}` }))}
      />
    );
  if (q.kind === 'multiple') {
    const limits = [
      q.minChoices ? `至少选 ${q.minChoices} 项` : '',
      q.maxChoices ? `最多选 ${q.maxChoices} 项` : '',
    ].filter(Boolean);
    const hint = [q.help, limits.length ? `可多选，${limits.join('，')}` : '可多选']
      .filter(Boolean)
      .join('；');
    return <CheckboxGroup form={form} name={name} legend={legend} hint={hint} options={options} />;
  }
  const hint = [q.help, `不超过 ${q.maxLength ?? 500} 个字`].filter(Boolean).join('；');
  return <TextArea form={form} name={name} label={legend} hint={hint} rows={4} />;
}

export function SurveyFormPage(p: {
  ctx: ViewContext;
  survey: SurveyRow;
  questions: Question[];
  accepting: boolean;
  responded: boolean;
  done?: boolean;
  form: FormState;
}) {
  const { ctx, survey: s, questions, form } = p;
  return (
    <PublicLayout ctx={ctx} title={s.title}>
      <Breadcrumbs items={crumbs(s.title)} />
      <h1>{s.title}</h1>
      <p>
        调查时间：{windowText(s)}　状态：{SURVEY_STATE_LABELS[s.state as SurveyState]}
      </p>
      {s.description ? s.description.split(/\r?\n/).map((line, i) => <p key={i}>{line}</p>) : null}
      {s.results_published_at ? (
        <p>
          <a href={`${SURVEYS_PATH}/${s.id}/results`}>查看调查结果</a>
        </p>
      ) : null}
      {/* outside the form: a refused second response is shown although the form is not */}
      <ErrorSummary problems={form.problems} />
      {p.done ? <Notice>答卷已提交，感谢您的参与！</Notice> : null}
      {!p.done && p.responded && !form.problems.length ? (
        <Notice kind="info">您已提交过本次调查的答卷，每人只能提交一次。感谢您的参与！</Notice>
      ) : null}
      {!p.accepting ? <Notice kind="info">本次调查目前不接受答卷。</Notice> : null}
      {p.accepting && !p.responded ? (
        <form method="post" action={`${SURVEYS_PATH}/${s.id}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
          <div hidden>
            <label for="f-website">请勿填写此项</label>
            <input
              id="f-website"
              name={HONEYPOT_FIELD}
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </div>
          <p class="hint">带“（必填）”的题目必须回答。本调查不需要填写姓名等个人信息。</p>
          {questions.map((q, i) => (
            <QuestionField key={q.id} q={q} index={i} form={form} />
          ))}
          {s.asks_contact === 1 ? (
            <TextField
              form={form}
              name="contact"
              label="联系方式（选填）"
              hint="如希望工作人员就您的意见与您联系，可填写手机号码或电子邮箱；仅工作人员可见，加密保存。"
              autocomplete="tel"
            />
          ) : null}
          <Button>提交答卷</Button>
        </form>
      ) : null}
    </PublicLayout>
  );
}
