/** Back office: a letter (HTML), the template list and editor, the unit's 申请指南 settings. */

import type { Unit } from '../../../db/schema.ts';
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
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { PLACEHOLDERS } from '../info-request-letter.templates.ts';
import type { LetterTemplateView } from '../info-request-letters.service.ts';
import type { LetterRow } from '../info-request-records.repository.ts';
import { RequestsStyles } from './request-ui.tsx';

export function LetterPage({
  ctx,
  letter,
  reference,
}: {
  ctx: ViewContext;
  letter: LetterRow;
  reference: string;
}) {
  return (
    <AdminLayout ctx={ctx} title={`${letter.title} ${letter.number}`}>
      <RequestsStyles />
      <Breadcrumbs
        items={[
          { href: '/admin/requests', label: '依申请公开' },
          { href: `/admin/requests/${letter.request_id}`, label: reference },
          { label: letter.title },
        ]}
      />
      <h1>{letter.title}</h1>
      <p>
        编号：{letter.number}　出具日期：{letter.issued_on}　
        {letter.sent_on ? `已于 ${letter.sent_on} 送达` : '尚未送达'}
      </p>
      <p>
        <a href={`/admin/requests/letters/${letter.id}/docx`}>下载 Word 文档</a>
      </p>
      <div class="letter-body">{letter.body}</div>
    </AdminLayout>
  );
}

export function TemplatesPage({
  ctx,
  templates,
  done,
}: {
  ctx: ViewContext;
  templates: LetterTemplateView[];
  done?: string;
}) {
  return (
    <AdminLayout ctx={ctx} title="文书模板">
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '文书模板' }]} />
      <h1>文书模板</h1>
      {done ? <Notice>模板已保存。</Notice> : null}
      <ul>
        {templates.map((t) => (
          <li key={t.kind}>
            <a href={`/admin/requests/templates/${t.kind}`}>{t.title}</a>
            {t.edited ? <span class="tag">已修改</span> : <span class="tag">默认</span>}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}

export function TemplatePage({ ctx, t, form }: { ctx: ViewContext; t: LetterTemplateView; form: FormState }) {
  return (
    <AdminLayout ctx={ctx} title={`编辑模板：${t.title}`}>
      <Breadcrumbs
        items={[
          { href: '/admin/requests', label: '依申请公开' },
          { href: '/admin/requests/templates', label: '文书模板' },
          { label: t.title },
        ]}
      />
      <h1>编辑模板：{t.title}</h1>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`/admin/requests/templates/${t.kind}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="title" label="文书标题" required />
        <TextArea
          form={form}
          name="body"
          label="文书正文"
          rows={18}
          hint="段落之间空一行；最后两段为落款（机关和日期）"
        />
        <Button>保存模板</Button>
      </form>
      <h2>可用的占位符</h2>
      <dl class="summary-list">
        {Object.entries(PLACEHOLDERS).map(([k, v]) => (
          <div class="summary-row" key={k}>
            <dt>{`{${k}}`}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </AdminLayout>
  );
}

export function SettingsPage({
  ctx,
  units,
  unit,
  form,
  done,
}: {
  ctx: ViewContext;
  units: Unit[];
  unit: Unit;
  form: FormState;
  done?: string;
}) {
  return (
    <AdminLayout ctx={ctx} title="申请指南设置">
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '申请指南设置' }]} />
      <h1>申请指南设置：{unit.name}</h1>
      {done ? <Notice>设置已保存。</Notice> : null}
      <form method="get" action="/admin/requests/settings" class="filters">
        <SelectField
          form={{ values: { unit: String(unit.id) }, problems: [] }}
          name="unit"
          label="单位"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <Button kind="secondary">切换</Button>
      </form>
      <p>
        未填写的项目使用单位信息（或上级单位的信息）。
        <a href={`/requests/units/${unit.id}`}>查看公开的申请指南</a>
      </p>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`/admin/requests/settings?unit=${unit.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="acceptingBody" label="受理机构" />
        <TextField form={form} name="address" label="地址" />
        <TextField form={form} name="postcode" label="邮政编码" width="short" />
        <TextField form={form} name="officeHours" label="办公时间" />
        <TextField form={form} name="phone" label="电话" width="short" />
        <TextField form={form} name="fax" label="传真" width="short" />
        <TextField form={form} name="email" label="电子邮箱" />
        <TextField
          form={form}
          name="letterPrefix"
          label="文书编号前缀"
          width="short"
          hint="例如“示范县发改依告”，编号为 示范县发改依告〔2026〕3号"
        />
        <TextField
          form={form}
          name="feePaymentWorkingDays"
          label="缴费期限（工作日）"
          width="short"
          hint="默认 20 个工作日"
        />
        <Button>保存设置</Button>
      </form>
    </AdminLayout>
  );
}
