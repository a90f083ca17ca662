/** Public pages of 意见征集: the list, one consultation by article, the comment form. */
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  ADOPTION_LABELS,
  BASIS_LABELS,
  type ConsultationBasis,
  type ConsultationState,
  STATE_LABELS,
} from '../consultation.model.ts';
import type { PublicConsultation } from '../consultation-public.service.ts';
import type { ArticleRow, ConsultationListRow } from '../consultations.repository.ts';
import type { FeedbackReport } from '../feedback-report.ts';

export const CONSULTATIONS_CSS = 'consultations';

const crumbs = (last?: { href?: string; label: string }) => (
  <>
    <ModuleStylesheets names={[CONSULTATIONS_CSS]} />
    <Breadcrumbs
      items={[
        { href: '/', label: '首页' },
        ...(last ? [{ href: '/consultations', label: '意见征集' }, last] : [{ label: '意见征集' }]),
      ]}
    />
  </>
);

const daysText = (w: PublicConsultation['window']) =>
  `${w.length}${w.min.unit === 'working' ? '个工作日' : '日'}`;

function ListTable({ rows, caption }: { rows: ConsultationListRow[]; caption: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">标题</th>
          <th scope="col">征集单位</th>
          <th scope="col">类型</th>
          <th scope="col">征集期限</th>
          <th scope="col">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <a href={`/consultations/${r.id}`}>{r.title}</a>
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
  );
}

export function ConsultationListPage({ ctx, rows }: { ctx: ViewContext; rows: ConsultationListRow[] }) {
  const open = rows.filter((r) => r.state === 'open');
  const closed = rows.filter((r) => r.state !== 'open');
  return (
    <PublicLayout ctx={ctx} title="意见征集">
      {crumbs()}
      <h1>意见征集</h1>
      <p class="lead">重大行政决策、规章和规范性文件草案公开征求意见；征集结束后公布意见采纳情况。</p>
      <h2>正在征集</h2>
      {open.length ? (
        <ListTable rows={open} caption="正在征集意见的草案" />
      ) : (
        <p>目前没有正在征集意见的草案。</p>
      )}
      <h2>已结束的征集</h2>
      {closed.length ? (
        <ListTable rows={closed} caption="已截止的意见征集及其反馈" />
      ) : (
        <p>暂无已结束的意见征集。</p>
      )}
    </PublicLayout>
  );
}

export function FeedbackTable({ report }: { report: FeedbackReport }) {
  return (
    <>
      <p>
        共收到意见 {report.received} 条，采纳 {report.counts.adopted} 条、部分采纳 {report.counts.partly}{' '}
        条、未采纳 {report.counts.rejected} 条。
      </p>
      {report.rows.length ? (
        <table>
          <caption>意见采纳情况</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">反馈人</th>
              <th scope="col">意见内容</th>
              <th scope="col">是否采纳</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.no}>
                <td>{r.no}</td>
                <td>{r.people}</td>
                <td class="pre-line">{r.content}</td>
                <td>{ADOPTION_LABELS[r.adoption]}</td>
                <td>{r.reason || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function Comments({ list }: { list: PublicConsultation['comments'] }) {
  if (!list.length) return null;
  return (
    <ul class="comment-list">
      {list.map((c) => (
        <li key={c.id} class="pre-line">
          <strong>{c.nameMasked ?? '匿名'}</strong>：{c.body}
        </li>
      ))}
    </ul>
  );
}

function Article({ a, v, open }: { a: ArticleRow; v: PublicConsultation; open: boolean }) {
  const comments = v.comments.filter((c) => c.articleId === a.id);
  const label = a.number ?? '草案说明';
  return (
    <section class="draft-article" id={`article-${a.id}`} aria-label={label}>
      <p class="pre-line">
        {a.number ? <strong>{a.number} </strong> : null}
        {a.text}
      </p>
      {comments.length ? (
        <details>
          <summary>
            对{label}的意见（{comments.length} 条）
          </summary>
          <Comments list={comments} />
        </details>
      ) : null}
      {open && a.number ? (
        <p>
          <a href={`/consultations/${v.row.id}/comment?article=${a.id}`}>对{a.number}提出意见</a>
        </p>
      ) : null}
    </section>
  );
}

export function ConsultationPage({
  ctx,
  v,
  sent,
}: {
  ctx: ViewContext;
  v: PublicConsultation;
  sent: boolean;
}) {
  const r = v.row;
  const open = r.state === 'open';
  const whole = v.comments.filter((c) => c.articleId === null);
  return (
    <PublicLayout ctx={ctx} title={r.title}>
      {crumbs({ label: r.title })}
      {sent ? <Notice>您的意见已提交，经审核后显示。感谢您的参与！</Notice> : null}
      <h1>{r.title}</h1>
      <dl class="summary-list">
        <div>
          <dt>征集单位</dt>
          <dd>{r.unit_name}</dd>
        </div>
        <div>
          <dt>征集类型</dt>
          <dd>{BASIS_LABELS[r.basis as ConsultationBasis]}</dd>
        </div>
        <div>
          <dt>征集期限</dt>
          <dd>
            {r.opens_on} 至 {r.closes_on}（{daysText(v.window)}）
          </dd>
        </div>
        <div>
          <dt>期限依据</dt>
          <dd>{v.window.min.basis}</dd>
        </div>
        {r.short_reason ? (
          <div>
            <dt>缩短期限的理由</dt>
            <dd>{r.short_reason}</dd>
          </div>
        ) : null}
        <div>
          <dt>状态</dt>
          <dd>{STATE_LABELS[r.state as ConsultationState]}</dd>
        </div>
      </dl>
      {r.summary ? (
        <>
          <h2>起草说明</h2>
          <p class="pre-line">{r.summary}</p>
        </>
      ) : null}
      <h2>草案全文</h2>
      {v.articles.map((a) => (
        <Article key={a.id} a={a} v={v} open={open} />
      ))}
      <h2>对草案整体的意见</h2>
      {whole.length ? <Comments list={whole} /> : <p>暂无显示的意见。</p>}
      {open ? (
        <p>
          <a class="button button-primary" href={`/consultations/${r.id}/comment`}>
            对草案整体提出意见
          </a>
        </p>
      ) : (
        <p>本次意见征集已于 {r.closes_on} 截止，不再接收意见。</p>
      )}
      {v.feedback ? (
        <>
          <h2>意见采纳情况</h2>
          <FeedbackTable report={v.feedback.report} />
          <p>
            <a href={`/documents/${v.feedback.documentId}`}>查看意见采纳情况反馈全文</a>
          </p>
        </>
      ) : r.state !== 'open' ? (
        <p>意见采纳情况正在整理，反馈后在此公布。</p>
      ) : null}
    </PublicLayout>
  );
}

export function CommentPage({
  ctx,
  v,
  form,
}: {
  ctx: ViewContext;
  v: Pick<PublicConsultation, 'row' | 'articles'>;
  form: FormState;
}) {
  const r = v.row;
  const chosen = v.articles.find((a) => String(a.id) === String(form.values.articleId ?? ''));
  const title = `对“${r.title}”提出意见`;
  const options = [
    { value: '', label: '草案整体' },
    ...v.articles.filter((a) => a.number).map((a) => ({ value: String(a.id), label: a.number! })),
  ];
  return (
    <PublicLayout ctx={ctx} title={form.problems.length ? `错误：${title}` : title}>
      {crumbs({ label: '提出意见' })}
      <ErrorSummary problems={form.problems} />
      <h1>{title}</h1>
      <p>
        征集期限：{r.opens_on} 至 {r.closes_on}
        。意见经审核后公开显示；姓名只显示第一个字（如“张**”），联系方式不公开。
      </p>
      {chosen ? (
        <blockquote class="pre-line">
          {chosen.number} {chosen.text}
        </blockquote>
      ) : null}
      <form method="post" action={`/consultations/${r.id}/comment`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
        <div hidden>
          <label for="f-website">请勿填写此项</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <SelectField form={form} name="articleId" label="意见针对" options={options} />
        <TextArea
          form={form}
          name="body"
          label="意见内容"
          required
          rows={8}
          hint="不超过2000字；请勿填写与征集内容无关的信息。"
        />
        <TextField form={form} name="name" label="姓名" hint="选填" autocomplete="name" />
        <TextField
          form={form}
          name="contact"
          label="联系方式"
          hint="选填，电话或电子邮箱，仅供工作人员联系，不公开"
        />
        <div class="form-actions">
          <Button>提交意见</Button> <a href={`/consultations/${r.id}`}>返回征集页面</a>
        </div>
      </form>
    </PublicLayout>
  );
}
