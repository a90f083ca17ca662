/** Public pages of 政策找人: subscribe (e-mail or Atom), the feed address, confirm, manage, unsubscribe. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  CONSENT_TEXT,
  SUBSCRIPTION_AUDIENCE_LABELS,
  SUBSCRIPTION_AUDIENCES,
  SUBSCRIPTION_KIND_LABELS,
  SUBSCRIPTION_KINDS,
} from '../subscription.model.ts';

/** What the choice checkboxes offer. */
export interface ChoiceOptions {
  topics: { id: number; name: string }[];
  units: { id: number; name: string; depth: number }[];
}

const crumbs = (last: string) => [
  { href: '/', label: '首页' },
  { href: '/subscribe', label: '政策订阅' },
  { label: last },
];

function ChoiceFields({ form, options }: { form: FormState; options: ChoiceOptions }) {
  return (
    <>
      <CheckboxGroup
        form={form}
        name="kinds"
        legend="信息类别"
        hint="不选则接收全部类别"
        options={SUBSCRIPTION_KINDS.map((k) => ({ value: k, label: SUBSCRIPTION_KIND_LABELS[k] }))}
      />
      <CheckboxGroup
        form={form}
        name="audiences"
        legend="对象"
        hint="不选则不限；未标注对象的信息面向所有人，总会发送"
        options={SUBSCRIPTION_AUDIENCES.map((a) => ({ value: a, label: SUBSCRIPTION_AUDIENCE_LABELS[a] }))}
      />
      <CheckboxGroup
        form={form}
        name="topics"
        legend="主题"
        hint="不选则不限主题"
        options={options.topics.map((t) => ({ value: String(t.id), label: t.name }))}
      />
      <CheckboxGroup
        form={form}
        name="units"
        legend="发布单位"
        hint="不选则不限单位；选择一个单位时包括其下属单位"
        options={options.units.map((u) => ({
          value: String(u.id),
          label: `${'　'.repeat(u.depth)}${u.name}`,
        }))}
      />
    </>
  );
}

export function SubscribePage(p: {
  ctx: ViewContext;
  form: FormState;
  options: ChoiceOptions;
  mailEnabled: boolean;
}) {
  const title = '政策订阅（政策找人）';
  return (
    <PublicLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${title}` : title}>
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: '政策订阅' }]} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{title}</h1>
      <p>
        选择您关心的信息，新发布的政府信息、政策解读、规范性文件和政策问答将通过电子邮件或 Atom
        订阅源推送给您。
      </p>
      <form method="post" action="/subscribe" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value={String(p.form.values[FORM_TOKEN_FIELD] ?? '')} />
        <div hidden>
          <label for="f-website">请勿填写此项</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <ChoiceFields form={p.form} options={p.options} />
        <h2>方式一：电子邮件</h2>
        {p.mailEnabled ? null : <p>本网站暂未开通邮件发送，请使用方式二。</p>}
        <TextField
          form={p.form}
          name="email"
          label="电子邮箱"
          type="email"
          autocomplete="email"
          hint="我们会先发一封确认邮件，您点击其中的链接确认后才开始推送"
        />
        <CheckboxGroup
          form={p.form}
          name="consent"
          legend="同意"
          options={[{ value: 'yes', label: CONSENT_TEXT }]}
        />
        <Button name="via" value="email">
          邮件订阅
        </Button>
        <h2>方式二：Atom 订阅源（无需留下任何个人信息）</h2>
        <p>按上面的选择生成订阅地址，可添加到任何 RSS/Atom 阅读器。</p>
        <Button kind="secondary" name="via" value="feed">
          生成订阅地址
        </Button>
      </form>
    </PublicLayout>
  );
}

export function FeedAddressPage(p: { ctx: ViewContext; url: string }) {
  return (
    <PublicLayout ctx={p.ctx} title="Atom 订阅地址">
      <Breadcrumbs items={crumbs('Atom 订阅地址')} />
      <h1>Atom 订阅地址</h1>
      <p>将下面的地址添加到 RSS/Atom 阅读器即可接收符合您选择的新信息：</p>
      <p>
        <a href={p.url}>{p.url}</a>
      </p>
      <p>
        <a href="/subscribe">返回修改选择</a>
      </p>
    </PublicLayout>
  );
}

export function MessagePage(p: {
  ctx: ViewContext;
  title: string;
  children: preact.ComponentChildren;
  status?: 'success' | 'warning';
}) {
  return (
    <PublicLayout ctx={p.ctx} title={p.title}>
      <Breadcrumbs items={crumbs(p.title)} />
      <h1>{p.title}</h1>
      <Notice kind={p.status ?? 'success'}>{p.children}</Notice>
    </PublicLayout>
  );
}

/** A one-button page: the link of a mail is a GET; the change happens only on the button's POST. */
export function ButtonPage(p: {
  ctx: ViewContext;
  title: string;
  text: string;
  action: string;
  label: string;
  kind?: 'primary' | 'warning';
}) {
  return (
    <PublicLayout ctx={p.ctx} title={p.title}>
      <Breadcrumbs items={crumbs(p.title)} />
      <h1>{p.title}</h1>
      <p>{p.text}</p>
      <form method="post" action={p.action}>
        <CsrfField token={p.ctx.csrfToken} />
        <Button kind={p.kind ?? 'primary'}>{p.label}</Button>
      </form>
    </PublicLayout>
  );
}

export function ManagePage(p: {
  ctx: ViewContext;
  form: FormState;
  options: ChoiceOptions;
  token: string;
  masked: string;
  done: boolean;
}) {
  const title = '管理订阅';
  return (
    <PublicLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${title}` : title}>
      <Breadcrumbs items={crumbs(title)} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{title}</h1>
      {p.done ? <Notice>订阅内容已保存。</Notice> : null}
      <p>订阅邮箱：{p.masked}</p>
      <form method="post" action={`/subscriptions/manage/${p.token}`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <ChoiceFields form={p.form} options={p.options} />
        <Button>保存</Button>
      </form>
      <p>
        <a href={`/subscriptions/unsubscribe/${p.token}`}>退订</a>
      </p>
    </PublicLayout>
  );
}
