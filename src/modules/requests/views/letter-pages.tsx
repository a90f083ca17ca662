/** Back office: a letter (HTML), the template list and editor, the unit's 申请指南 settings. */

import type { Unit } from '../../../db/schema.ts';
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
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
import { INFO_REQUEST_SETTINGS } from '../info-request-settings.service.ts';
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
      <SettingsForm
        group={INFO_REQUEST_SETTINGS}
        form={form}
        action={`/admin/requests/settings?unit=${unit.id}`}
        csrfToken={ctx.csrfToken}
      />
    </AdminLayout>
  );
}
