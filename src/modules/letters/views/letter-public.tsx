/** Public letter pages: the boxes, the form (信箱 and 找错), the receipt, the query page with rating and follow-up. */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
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
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import type { EventAvailability } from '../../../lib/workflow/definition.ts';
import {
  LETTER_STATUS_LABELS,
  LETTER_TYPE_LABELS,
  type LetterStatus,
  MAILBOX_LETTER_TYPES,
  MAX_ATTACHMENTS,
  RATINGS,
  SITE_ERROR_KINDS,
} from '../letter.model.ts';
import type { LetterReceipt } from '../letter.service.ts';
import type { LetterEvent } from '../letter.workflow.ts';
import type { LetterClockState } from '../letter-clock.ts';
import type { ChannelRow, LetterRow, ReplyRow } from '../letters.repository.ts';
import { ClockTag, chinaDateTime, LettersStyles } from './letter-ui.tsx';

type Box = ChannelRow & { unit_name: string };

export function LettersHomePage({ ctx, channels }: { ctx: ViewContext; channels: Box[] }) {
  const mailboxes = channels.filter((c) => c.kind === 'mailbox');
  const leaders = mailboxes.filter((c) => c.leader_name);
  const units = mailboxes.filter((c) => !c.leader_name);
  const errorBox = channels.find((c) => c.kind === 'site_error');
  const list = (items: Box[]) => (
    <ul class="box-list">
      {items.map((c) => (
        <li key={c.id}>
          <h3>{c.name}</h3>
          {c.leader_name ? <p>{c.leader_name}</p> : null}
          <p class="hint">{c.unit_name}</p>
          {c.description ? <p>{c.description}</p> : null}
          <p>
            <a href={`/letters/write/${c.id}`}>写信给{c.name}</a>
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <PublicLayout ctx={ctx} title="写信咨询">
      <LettersStyles />
      <h1>写信咨询</h1>
      <p class="lead">
        您可以向领导信箱、部门信箱写信，提出咨询、建议、投诉或求助。无需注册账号，提交后凭编号和查询码查询办理进度和答复。
      </p>
      <p>
        <a href="/letters/query">查询来信办理情况</a>
      </p>
      {leaders.length ? (
        <>
          <h2>领导信箱</h2>
          {list(leaders)}
        </>
      ) : null}
      {units.length ? (
        <>
          <h2>部门信箱和咨询</h2>
          {list(units)}
        </>
      ) : null}
      {errorBox ? (
        <p>
          发现本网站的错误？请到<a href="/report-error">我为政府网站找错</a>。
        </p>
      ) : null}
    </PublicLayout>
  );
}

/** Hidden fields of a public form: idempotency key, fill-time token, honeypot. */
function AbuseFields({ form }: { form: FormState }) {
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={String(form.values.idempotencyKey ?? '')} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
      <div hidden>
        <label for="f-website">请勿填写此项</label>
        <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
    </>
  );
}

function ContactFields({ form, optional }: { form: FormState; optional: boolean }) {
  return (
    <fieldset class="group">
      <legend>
        {optional ? '联系方式（选填，便于我们回复您）' : '联系方式（联系电话和电子邮箱至少填写一项）'}
      </legend>
      <TextField
        form={form}
        name="name"
        label={optional ? '姓名（选填）' : '姓名'}
        required={!optional}
        width="short"
        autocomplete="name"
      />
      <TextField form={form} name="phone" label="联系电话" width="short" type="tel" autocomplete="tel" />
      <TextField
        form={form}
        name="email"
        label="电子邮箱"
        type="email"
        autocomplete="email"
        hint="填写后，编号、查询码和答复将发送到此邮箱"
      />
    </fieldset>
  );
}

export function WritePage({ ctx, channel, form }: { ctx: ViewContext; channel: Box; form: FormState }) {
  return (
    <PublicLayout ctx={ctx} title={`写信：${channel.name}`}>
      <LettersStyles />
      <Breadcrumbs items={[{ href: '/letters', label: '写信咨询' }, { label: channel.name }]} />
      <h1>写信：{channel.name}</h1>
      {channel.leader_name ? <p class="lead">{channel.leader_name}</p> : null}
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`/letters/write/${channel.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <AbuseFields form={form} />
        <ContactFields form={form} optional={false} />
        <RadioGroup
          form={form}
          name="type"
          legend="来信类型"
          inline
          options={MAILBOX_LETTER_TYPES.map((t) => ({ value: t, label: LETTER_TYPE_LABELS[t] }))}
        />
        <TextField form={form} name="title" label="标题" required hint="不超过 100 个字" />
        <TextArea
          form={form}
          name="body"
          label="内容"
          required
          rows={10}
          hint="不超过 5000 个字；请勿填写他人的个人信息"
        />
        <FileField
          form={form}
          name="attachments"
          label="附件（选填）"
          hint={`最多 ${MAX_ATTACHMENTS} 个，JPG、PNG、PDF 或 Word 文件，每个不超过 10 MB`}
          accept=".jpg,.jpeg,.png,.pdf,.doc,.docx"
          multiple
        />
        <RadioGroup
          form={form}
          name="consent"
          legend="是否同意公开"
          hint="同意的，来信和答复经审核、隐去个人信息后可在网站公开"
          inline
          options={[
            { value: 'yes', label: '同意公开' },
            { value: 'no', label: '不同意公开' },
          ]}
        />
        <p>个人信息仅用于办理本来信，加密保存。</p>
        <Button>提交来信</Button>
      </form>
    </PublicLayout>
  );
}

export function ReportErrorPage({ ctx, channel, form }: { ctx: ViewContext; channel: Box; form: FormState }) {
  return (
    <PublicLayout ctx={ctx} title="我为政府网站找错">
      <LettersStyles />
      <h1>我为政府网站找错</h1>
      <p class="lead">发现本网站的错误（错链断链、内容错误、信息不更新、服务无法使用等），请告诉我们。</p>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/report-error" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="channelId" value={String(channel.id)} />
        <AbuseFields form={form} />
        <TextField
          form={form}
          name="pageUrl"
          label="出错页面的地址"
          required
          hint="本网站的页面路径，例如 /policies/12"
        />
        <SelectField
          form={form}
          name="errorKind"
          label="错误类型"
          required
          placeholder="请选择"
          options={SITE_ERROR_KINDS.map((k) => ({ value: k.code, label: k.label }))}
        />
        <TextArea form={form} name="body" label="问题描述" required rows={6} />
        <FileField
          form={form}
          name="attachments"
          label="截图（选填）"
          hint="JPG、PNG 或 PDF，每个不超过 10 MB"
          accept=".jpg,.jpeg,.png,.pdf"
          multiple
        />
        <ContactFields form={form} optional />
        <Button>提交</Button>
      </form>
    </PublicLayout>
  );
}

export function ReceiptPage({
  ctx,
  receipt,
  mailed,
}: {
  ctx: ViewContext;
  receipt: LetterReceipt;
  mailed: boolean;
}) {
  return (
    <PublicLayout ctx={ctx} title="来信已提交">
      <LettersStyles />
      <h1>来信已提交</h1>
      <Notice>请记下编号和查询码，凭它们查询办理进度和答复。</Notice>
      <SummaryList
        rows={[
          ['编号', <span class="code-box">{receipt.reference}</span>],
          ['查询码', <span class="code-box">{receipt.lookupCode}</span>],
          ['答复期限', receipt.dueOn],
        ]}
      />
      {mailed ? <p>编号和查询码已发送到您填写的电子邮箱。</p> : null}
      <p>
        <a href="/letters/query">查询来信办理情况</a>
      </p>
    </PublicLayout>
  );
}

export interface WriterView {
  row: LetterRow;
  replies: ReplyRow[];
  clockState: LetterClockState;
  options: EventAvailability<LetterEvent>[];
}

function WriterForms({
  ctx,
  v,
  code,
  form,
}: {
  ctx: ViewContext;
  v: WriterView;
  code: string;
  form: FormState;
}) {
  const can = (e: LetterEvent) => v.options.find((o) => o.event === e)?.available;
  const hidden = (
    <>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="reference" value={v.row.reference} />
      <input type="hidden" name="lookupCode" value={code} />
    </>
  );
  return (
    <>
      {can('rate') ? (
        <form method="post" action="/letters/query/rate" class="event-form" novalidate>
          {hidden}
          <h3>评价答复</h3>
          <RadioGroup
            form={form}
            name="rating"
            legend="您对答复是否满意"
            inline
            options={RATINGS.map((r) => ({ value: r.code, label: r.label }))}
          />
          <Button>提交评价</Button>
        </form>
      ) : null}
      {can('follow_up') ? (
        <form method="post" action="/letters/query/follow-up" class="event-form" novalidate>
          {hidden}
          <h3>追问</h3>
          <TextArea form={form} name="text" label="追问内容" hint="每件来信可追问一次" rows={4} />
          <Button kind="secondary">提交追问</Button>
        </form>
      ) : null}
    </>
  );
}

export function QueryPage({
  ctx,
  form,
  view,
  done,
}: {
  ctx: ViewContext;
  form: FormState;
  view?: WriterView;
  done?: string;
}) {
  const code = String(form.values.lookupCode ?? '');
  return (
    <PublicLayout ctx={ctx} title="查询来信办理情况">
      <LettersStyles />
      <Breadcrumbs items={[{ href: '/letters', label: '写信咨询' }, { label: '来信查询' }]} />
      <h1>查询来信办理情况</h1>
      {done ? <Notice>{done}</Notice> : null}
      <ErrorSummary problems={form.problems} />
      {view ? null : (
        <form method="post" action="/letters/query" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField
            form={form}
            name="reference"
            label="编号"
            width="short"
            required
            hint="例如 XX2026-000123"
          />
          <TextField form={form} name="lookupCode" label="查询码" width="short" required autocomplete="off" />
          <Button>查询</Button>
        </form>
      )}
      {view ? (
        <>
          <h2>{view.row.title}</h2>
          <SummaryList
            rows={[
              ['编号', view.row.reference],
              ['类型', LETTER_TYPE_LABELS[view.row.type as keyof typeof LETTER_TYPE_LABELS] ?? view.row.type],
              ['来信时间', chinaDateTime(view.row.received_at)],
              ['办理状态', LETTER_STATUS_LABELS[view.row.status as LetterStatus]],
              [
                '答复期限',
                <>
                  {view.row.due_on} <ClockTag state={view.clockState} />
                </>,
              ],
            ]}
          />
          <h3>来信内容</h3>
          <div class="letter-text">{view.row.body}</div>
          {view.replies.map((r) => (
            <section key={r.id}>
              <h3>
                {r.round === 1 ? '答复' : '追问的答复'}（{r.sent_at ? chinaDateTime(r.sent_at) : ''}）
              </h3>
              {r.round === 2 && view.row.follow_up ? (
                <>
                  <p>追问内容：</p>
                  <div class="letter-text">{view.row.follow_up}</div>
                </>
              ) : null}
              <div class="letter-text">{r.body}</div>
            </section>
          ))}
          {view.row.follow_up && !view.replies.some((r) => r.round === 2) ? (
            <>
              <h3>您的追问（办理中）</h3>
              <div class="letter-text">{view.row.follow_up}</div>
            </>
          ) : null}
          {view.row.rating ? <p>您的评价：{RATINGS.find((r) => r.code === view.row.rating)?.label}</p> : null}
          {view.row.status === 'closed' ? <p>该来信已关闭，不予答复。</p> : null}
          <WriterForms ctx={ctx} v={view} code={code} form={form} />
        </>
      ) : null}
    </PublicLayout>
  );
}
