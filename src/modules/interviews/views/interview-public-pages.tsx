/** Public pages of 在线访谈: the list (预告 / 进行中 / 往期) and one interview (预告 + 提问, or the 实录). */

import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  ENTRY_ROLE_LABELS,
  type EntryRole,
  INTERVIEW_STATE_LABELS,
  type InterviewState,
  QUESTION_MAX,
  QUESTION_STATES,
} from '../interview.model.ts';
import type { InterviewRow } from '../interview.repository.ts';
import type { PublicInterview } from '../interview-public.ts';

const GROUP_TITLES = { upcoming: '访谈预告', live: '正在进行', past: '往期访谈' } as const;

function InterviewList({ rows, empty }: { rows: InterviewRow[]; empty: string }) {
  if (!rows.length) return <p>{empty}</p>;
  return (
    <ul class="item-list">
      {rows.map((r) => (
        <li key={r.id}>
          <a href={`/interviews/${r.id}`}>{r.title}</a>{' '}
          <span class="meta">
            {r.starts_at} · {INTERVIEW_STATE_LABELS[r.status as InterviewState]}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function InterviewsHomePage(p: {
  ctx: ViewContext;
  groups: Record<keyof typeof GROUP_TITLES, InterviewRow[]>;
}) {
  return (
    <PublicLayout ctx={p.ctx} title="在线访谈">
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: '/interaction', label: '互动交流' },
          { label: '在线访谈' },
        ]}
      />
      <h1>在线访谈</h1>
      {(Object.keys(GROUP_TITLES) as (keyof typeof GROUP_TITLES)[]).map((g) => (
        <section key={g} aria-labelledby={`g-${g}`}>
          <h2 id={`g-${g}`}>{GROUP_TITLES[g]}</h2>
          <InterviewList rows={p.groups[g]} empty={`暂无${GROUP_TITLES[g]}`} />
        </section>
      ))}
    </PublicLayout>
  );
}

/** The question form with the anti-abuse fields (honeypot + signed start time). */
function QuestionForm({ ctx, id, form }: { ctx: ViewContext; id: number; form: FormState }) {
  return (
    <form method="post" action={`/interviews/${id}/questions`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
      <div hidden>
        <label for="f-website">请勿填写此项</label>
        <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      <TextField
        form={form}
        name="askerName"
        label="昵称（选填）"
        hint="不填写则显示为“网友”"
        width="short"
      />
      <TextArea
        form={form}
        name="content"
        label="您的问题"
        required
        hint={`不超过 ${QUESTION_MAX} 个字；提问经审核后显示，请勿填写身份证号、电话等个人信息`}
      />
      <Button>提交问题</Button>
    </form>
  );
}

export function InterviewPage(p: { ctx: ViewContext; v: PublicInterview; form: FormState; asked: boolean }) {
  const { row, state, guests, policies, questions, entries } = p.v;
  const title = p.form.problems.length ? `错误：${row.title}` : row.title;
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: '/interviews', label: '在线访谈' },
          { label: row.title },
        ]}
      />
      <ErrorSummary problems={p.form.problems} />
      <h1>{row.title}</h1>
      {p.asked ? <Notice>您的问题已提交，审核通过后将在本页显示。</Notice> : null}
      <SummaryList
        rows={[
          ['状态', INTERVIEW_STATE_LABELS[state]],
          ['访谈时间', `${row.starts_at}${row.ends_at ? ` 至 ${row.ends_at}` : ''}`],
          [
            '访谈嘉宾',
            <ul key="g">
              {guests.map((g) => (
                <li key={g.name}>{g.title ? `${g.title} ${g.name}` : g.name}</li>
              ))}
            </ul>,
          ],
          ['主持人', row.host],
          [
            '解读的政策文件',
            policies.length ? (
              <ul key="p">
                {policies.map((d) => (
                  <li key={d.id}>
                    <a href={`/documents/${d.id}`}>{d.title}</a>
                  </li>
                ))}
              </ul>
            ) : null,
          ],
        ]}
      />
      {row.summary ? (
        <section aria-labelledby="summary">
          <h2 id="summary">访谈简介</h2>
          {row.summary.split(/\r?\n/).map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </section>
      ) : null}
      {entries.length ? (
        <section aria-labelledby="record">
          <h2 id="record">访谈实录</h2>
          {entries.map((e) => (
            <div class="interview-entry" key={e.id}>
              <p>
                <strong>
                  {ENTRY_ROLE_LABELS[e.role as EntryRole]}
                  {e.speaker ? ` ${e.speaker}` : ''}：
                </strong>
                {e.content}
              </p>
              {e.image_kind ? (
                <p>
                  <img
                    src={`/interviews/${row.id}/images/${e.id}`}
                    alt={`${ENTRY_ROLE_LABELS[e.role as EntryRole]}发言配图`}
                  />
                </p>
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      {!entries.length ? (
        <section aria-labelledby="questions">
          <h2 id="questions">网友提问</h2>
          {questions.length ? (
            <ul class="item-list">
              {questions.map((q) => (
                <li key={q.id}>
                  <strong>{q.asker_name ?? '网友'}：</strong>
                  {q.content}
                </li>
              ))}
            </ul>
          ) : (
            <p>暂无已采用的网友提问。</p>
          )}
        </section>
      ) : null}
      {QUESTION_STATES.includes(state) ? (
        <section aria-labelledby="ask">
          <h2 id="ask">{state === 'live' ? '现场提问' : '提前提问'}</h2>
          <QuestionForm ctx={p.ctx} id={row.id} form={p.form} />
        </section>
      ) : null}
    </PublicLayout>
  );
}
