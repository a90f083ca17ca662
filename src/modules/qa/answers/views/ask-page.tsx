/** The public 政策问答 · 我要提问 page: the question box (GET, works without JavaScript), the cited answers, the "send to the unit" form. */
import type { FormState, ViewContext } from '../../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../../http/views/components.tsx';
import { PublicLayout } from '../../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../../lib/form-abuse.ts';
import { QA_LIMITS } from '../../qa.model.ts';
import type { AnswerItem, AnswerResult, Citation } from '../answer.model.ts';

export interface AskPageProps {
  ctx: ViewContext;
  units: { id: number; name: string; depth: number }[];
  /** The question box's values (q, unit, history). */
  query: { q: string; unit: string; history: boolean };
  /** Problems of the question box itself (a unit that does not exist). */
  queryProblems?: { field: string; message: string }[];
  result: AnswerResult | null;
  /** The "send to the unit" form (shown when there is no good answer). */
  send: FormState | null;
}

const TITLE = '政策问答 · 我要提问';

function CitationLine({ c }: { c: Citation }) {
  const name = `${c.title}${c.docNumber ? `（${c.docNumber}）` : ''}`;
  return (
    <li>
      {c.href ? <a href={c.href}>{name}</a> : name}
      {c.article ? ` ${c.article}` : ''}
      {' · '}
      <span class={c.validity.inForce ? 'validity validity-in-force' : 'validity validity-not-in-force'}>
        {c.validity.label}
      </span>
    </li>
  );
}

function Citations({ items }: { items: Citation[] }) {
  return (
    <div class="citations">
      <p class="meta">依据：</p>
      <ul>
        {items.map((c) => (
          <CitationLine key={`${c.documentId}-${c.title}-${c.article}`} c={c} />
        ))}
      </ul>
    </div>
  );
}

function Item({ item }: { item: AnswerItem }) {
  if (item.kind === 'entry')
    return (
      <li class="answer-item">
        <h3>
          <a href={item.href}>{item.question}</a>
        </h3>
        {item.stale ? <p class="notice notice-warning">本问答所依据的文件已变化，正在更新。</p> : null}
        <p>{item.answerShort}</p>
        <Citations items={item.citations} />
      </li>
    );
  return (
    <li class="answer-item">
      <h3>
        <a href={item.href}>{item.title}</a>
        {item.article ? ` ${item.article}` : ''}
      </h3>
      <p class="excerpt" dangerouslySetInnerHTML={{ __html: item.excerptHtml }} />
      <Citations items={item.citations} />
    </li>
  );
}

function Results({ result, history }: { result: AnswerResult; history: boolean }) {
  const entries = result.items.filter((i) => i.kind === 'entry');
  const passages = result.items.filter((i) => i.kind === 'passage');
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">答复</h2>
      <p class="hint">以下内容摘自已发布的问答和文件，有效性按 {result.asOf} 核对；以原文为准。</p>
      {entries.length ? (
        <>
          <h3>相关问答</h3>
          <ul class="item-list">
            {entries.map((i) => (
              <Item key={i.entryId} item={i} />
            ))}
          </ul>
        </>
      ) : null}
      {passages.length ? (
        <>
          <h3>相关文件条款</h3>
          <ul class="item-list">
            {passages.map((i) => (
              <Item key={`${i.documentId}-${i.article}-${i.excerpt.slice(0, 20)}`} item={i} />
            ))}
          </ul>
        </>
      ) : null}
      {history ? (
        <>
          <h3>历史文件（已废止或已失效，仅供查阅，不作为现行依据）</h3>
          {result.history.length ? (
            <ul class="item-list">
              {result.history.map((i) => (
                <Item key={`${i.kind}-${i.score}-${i.citations[0]?.title}`} item={i} />
              ))}
            </ul>
          ) : (
            <p>没有相关的历史文件。</p>
          )}
        </>
      ) : null}
    </section>
  );
}

function SendForm({ ctx, units, form }: { ctx: ViewContext; units: AskPageProps['units']; form: FormState }) {
  return (
    <section aria-labelledby="send-title">
      <h2 id="send-title">转交有关单位答复</h2>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/ask/send" novalidate class="kit-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
        <div hidden>
          <label for="f-website">请勿填写此项</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <TextArea
          form={form}
          name="question"
          label="您的问题"
          required
          rows={3}
          hint={`不超过 ${QA_LIMITS.askLength} 字`}
        />
        <SelectField
          form={form}
          name="toUnit"
          label="转交单位（选填）"
          hint="不清楚由哪个单位负责的，可不选，由政务公开工作机构分派"
          placeholder="不选择，由政务公开工作机构分派"
          options={units.map((u) => ({ value: String(u.id), label: `${'　'.repeat(u.depth)}${u.name}` }))}
        />
        <TextField
          form={form}
          name="contact"
          label="联系邮箱（选填）"
          type="email"
          autocomplete="email"
          hint="留下邮箱的，答复后将发送到该邮箱；邮箱加密保存，不会公开"
        />
        <CheckboxGroup
          form={form}
          name="consent"
          legend="同意"
          options={[
            {
              value: '1',
              label:
                '我同意将以上问题（及联系邮箱）转交有关单位处理，答复可能经整理后收入政策问答库（不含个人信息）',
            },
          ]}
        />
        <Button>转交单位</Button>
      </form>
    </section>
  );
}

export function AskPage(p: AskPageProps) {
  const r = p.result;
  const problems = p.queryProblems ?? [];
  return (
    <PublicLayout ctx={p.ctx} title={r?.question ? `${r.question} - ${TITLE}` : TITLE}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p class="intro">
        输入您想了解的政策问题，系统从已发布的政策问答和文件中查找答案，并注明出处和有效性。
      </p>
      <ErrorSummary problems={problems} />
      <form method="get" action="/ask" class="kit-form">
        <TextField
          form={{ values: { q: p.query.q }, problems }}
          name="q"
          label="您的问题"
          type="search"
          hint="例如：低保怎么申请、申请政府信息公开多少天答复"
        />
        <SelectField
          form={{ values: { unit: p.query.unit }, problems }}
          name="unit"
          label="限定单位（选填）"
          placeholder="全部单位"
          options={p.units.map((u) => ({ value: String(u.id), label: `${'　'.repeat(u.depth)}${u.name}` }))}
        />
        <CheckboxGroup
          form={{ values: { history: p.query.history ? '1' : '' }, problems }}
          name="history"
          legend="历史文件"
          options={[{ value: '1', label: '同时显示已废止、已失效的文件（仅供查阅）' }]}
        />
        <Button>提问</Button>
      </form>
      {r?.truncated ? (
        <Notice kind="info">
          问题超过 {QA_LIMITS.askLength} 字，已按前 {QA_LIMITS.askLength} 字查找。
        </Notice>
      ) : null}
      {r?.problem ? (
        <Notice kind="warning">{r.problem}</Notice>
      ) : r && !r.answered ? (
        <Notice kind="info">
          暂未找到能可靠回答这个问题的政策问答或文件条款。您可以把问题转交有关单位，由其答复。
        </Notice>
      ) : null}
      {r && !r.problem && (r.answered || p.query.history) ? (
        <Results result={r} history={p.query.history} />
      ) : null}
      {p.send ? <SendForm ctx={p.ctx} units={p.units} form={p.send} /> : null}
    </PublicLayout>
  );
}

/** After "send to the unit": what happens next. */
export function AskSentPage({
  ctx,
  unitName,
  withContact,
}: {
  ctx: ViewContext;
  unitName: string | null;
  withContact: boolean;
}) {
  return (
    <PublicLayout ctx={ctx} title={`问题已转交 - ${TITLE}`}>
      <Breadcrumbs
        items={[{ href: '/', label: '首页' }, { href: '/ask', label: TITLE }, { label: '问题已转交' }]}
      />
      <h1>问题已转交</h1>
      <Notice>您的问题已收到，已{unitName ? `转交${unitName}` : '交政务公开工作机构分派给有关单位'}。</Notice>
      <h2>接下来</h2>
      <ul>
        <li>有关单位将核实并答复您的问题。</li>
        <li>
          {withContact
            ? '答复后将发送到您留下的邮箱。'
            : '您没有留下联系邮箱：答复如具有普遍性，将整理后收入政策问答库，可稍后在本站查询。'}
        </li>
        <li>需要正式答复或办理的，请通过政府信息公开申请或政民互动信箱提出。</li>
      </ul>
      <p>
        <a href="/ask">继续提问</a>
      </p>
    </PublicLayout>
  );
}
