/** Back office: a letter (HTML), the template list and editor, the unit's 申请指南 settings. */

import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
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
import {
  DEFAULT_APPLICANT_RETENTION_YEARS,
  MIN_APPLICANT_RETENTION_YEARS,
} from '../info-request-retention.service.ts';
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

const SOURCE_LABELS = {
  unit: '本单位模板',
  global: '全局模板（已修改）',
  default: '全局模板（默认）',
} as const;

/** Where the template pages point: the global templates, or one unit's (?unit=<id>). */
const scoped = (path: string, unit: Unit | null) => (unit ? `${path}?unit=${unit.id}` : path);

export function TemplatesPage({
  ctx,
  templates,
  units,
  unit,
  done,
}: {
  ctx: ViewContext;
  templates: LetterTemplateView[];
  units: Unit[];
  unit: Unit | null;
  done?: string;
}) {
  return (
    <AdminLayout ctx={ctx} title="文书模板">
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '文书模板' }]} />
      <h1>文书模板{unit ? `：${unit.name}` : ''}</h1>
      {done ? <Notice>模板已保存。</Notice> : null}
      <p>
        全局模板适用于所有单位；单位可以有自己的模板版本，只用于本单位的申请，未单独设置的使用全局模板。文书编号仍按单位和年度连续编号。
      </p>
      <form method="get" action="/admin/requests/templates" class="filters">
        <SelectField
          form={{ values: { unit: unit ? String(unit.id) : '' }, problems: [] }}
          name="unit"
          label="查看和编辑"
          options={[
            { value: '', label: '全局模板' },
            ...units.map((u) => ({ value: String(u.id), label: `${u.name}的模板` })),
          ]}
        />
        <Button kind="secondary">切换</Button>
      </form>
      <table>
        <caption class="visually-hidden">文书模板及其适用版本</caption>
        <thead>
          <tr>
            <th scope="col">文书</th>
            <th scope="col">{unit ? '本单位适用的版本' : '版本'}</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.kind}>
              <td>
                <a href={scoped(`/admin/requests/templates/${t.kind}`, unit)}>{t.title}</a>
              </td>
              <td>
                <span class="tag">{SOURCE_LABELS[t.source]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

function InForce({
  t,
  unit,
  global,
}: {
  t: LetterTemplateView;
  unit: Unit | null;
  global: LetterTemplateView | null;
}) {
  if (!unit) {
    return <p>当前为{SOURCE_LABELS[t.source]}，适用于没有单独设置该模板的所有单位。</p>;
  }
  if (t.source !== 'unit') {
    return (
      <p>
        {unit.name}目前使用<strong>{SOURCE_LABELS[t.source]}</strong>
        。在下面修改并保存后，将成为本单位自己的版本，只用于本单位的申请。
      </p>
    );
  }
  return (
    <>
      <p>
        {unit.name}目前使用<strong>本单位模板</strong>（全局模板为“{global?.title}”）。
      </p>
      <details>
        <summary>查看全局模板正文</summary>
        <div class="letter-body">{global?.body}</div>
      </details>
    </>
  );
}

export function TemplatePage({
  ctx,
  t,
  unit,
  global,
  form,
  done,
}: {
  ctx: ViewContext;
  t: LetterTemplateView;
  unit: Unit | null;
  global: LetterTemplateView | null;
  form: FormState;
  done?: string;
}) {
  return (
    <AdminLayout ctx={ctx} title={`编辑模板：${t.title}`}>
      <Breadcrumbs
        items={[
          { href: '/admin/requests', label: '依申请公开' },
          { href: scoped('/admin/requests/templates', unit), label: '文书模板' },
          { label: t.title },
        ]}
      />
      <h1>
        编辑模板：{t.title}
        {unit ? `（${unit.name}）` : ''}
      </h1>
      {done === 'reset' ? <Notice>已恢复使用全局模板。</Notice> : null}
      <ErrorSummary problems={form.problems} />
      <InForce t={t} unit={unit} global={global} />
      <form method="post" action={scoped(`/admin/requests/templates/${t.kind}`, unit)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="title" label="文书标题" required />
        <TextArea
          form={form}
          name="body"
          label="文书正文"
          rows={18}
          hint="段落之间空一行；最后两段为落款（机关和日期）"
        />
        <Button>{unit ? '保存为本单位模板' : '保存全局模板'}</Button>
      </form>
      {unit && t.source === 'unit' ? (
        <ActionForm
          action={`/admin/requests/templates/${t.kind}/reset?unit=${unit.id}`}
          csrf={ctx.csrfToken}
          label="删除本单位模板，恢复使用全局模板"
        />
      ) : null}
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
        <TextField
          form={form}
          name="applicantRetentionYears"
          label="申请人信息保存期限（年）"
          width="short"
          inputmode="numeric"
          hint={`办结满该年限后，系统每日自动清除申请人的个人信息和身份证明扫描件，保留统计所需的申请人类型、日期和处理结果。默认 ${DEFAULT_APPLICANT_RETENTION_YEARS} 年（文书档案定期 10 年的常见做法），最少 ${MIN_APPLICANT_RETENTION_YEARS} 年`}
        />
        <Button>保存设置</Button>
      </form>
    </AdminLayout>
  );
}
