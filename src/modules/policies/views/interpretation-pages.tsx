/** Back-office pages of 政策解读: 新建解读 from a policy, the late and missing list, the settings. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import { FormPage } from '../../../http/kit/form-page.tsx';
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice, SelectField, TextArea, TextField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { PolicyClock } from '../interpretation.service.ts';
import { INTERPRETATION_FORM_LABELS, INTERPRETATION_FORMS, POLICY_KIND_LABELS } from '../policy.model.ts';
import { INTERPRETATION_SETTINGS } from '../policy-settings.ts';

/** The policy a new 解读 is for. */
export interface PolicyRef {
  id: number;
  title: string;
  docNumber: string | null;
}

export function NewInterpretationPage({
  ctx,
  policy,
  form,
}: {
  ctx: ViewContext;
  policy: PolicyRef;
  form: FormState;
}) {
  return (
    <FormPage
      ctx={ctx}
      title="新建政策解读"
      action={`/admin/policies/${policy.id}/interpretations/new`}
      form={form}
      submitLabel="保存解读草稿"
      cancel={{ href: `/admin/documents/${policy.id}`, label: '返回政策文件' }}
      breadcrumbs={[
        { href: '/admin/documents', label: '信息发布' },
        { href: `/admin/documents/${policy.id}`, label: policy.title },
        { label: '新建政策解读' },
      ]}
      intro={
        <p>
          解读文件：<a href={`/admin/documents/${policy.id}`}>{policy.title}</a>
          {policy.docNumber ? `（${policy.docNumber}）` : ''}
          。保存后生成本单位的解读草稿，并与该文件关联；其余信息可在草稿页面补充，送审发布流程与其他信息相同。
        </p>
      }
    >
      <TextField form={form} name="title" label="标题" required />
      <SelectField
        form={form}
        name="meta.form"
        label="解读形式"
        placeholder="请选择"
        options={INTERPRETATION_FORMS.map((f) => ({ value: f, label: INTERPRETATION_FORM_LABELS[f] }))}
      />
      <TextField form={form} name="meta.interpreter" label="解读人" hint="例如 县民政局局长 张某" />
      <SelectField
        form={form}
        name="meta.byPrincipal"
        label="是否由主要负责人解读"
        options={[
          { value: 'no', label: '否' },
          { value: 'yes', label: '是' },
        ]}
      />
      <TextField form={form} name="issuers" label="发文机关" hint="多个机关用顿号或逗号分隔" />
      <TextArea form={form} name="bodyHtml" label="正文" rows={12} hint="可稍后在草稿页面编辑" />
    </FormPage>
  );
}

export function LateInterpretationsPage({ ctx, rows }: { ctx: ViewContext; rows: PolicyClock[] }) {
  return (
    <AdminLayout ctx={ctx} title="政策解读逾期与缺失">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '政策解读逾期与缺失' }]} />
      <h1>政策解读逾期与缺失</h1>
      <p class="lead">
        须同步解读的已公开政策文件中，解读尚未发布或逾期发布的文件。时限自文件公开日起按工作日计算（公开日不计入），
        见<a href="/admin/policies/interpretation-settings">政策解读设置</a>。
      </p>
      <DataTable
        caption="解读尚未发布或逾期发布的政策文件"
        rows={rows}
        rowKey={(r) => r.id}
        empty="没有解读缺失或逾期的政策文件。"
        columns={[
          {
            header: '政策文件',
            cell: (r) => (
              <>
                <a href={`/admin/documents/${r.id}`}>{r.title}</a>
                {r.docNumber ? `（${r.docNumber}）` : ''}
              </>
            ),
          },
          { header: '类型', cell: (r) => POLICY_KIND_LABELS[r.kind] },
          { header: '制定单位', cell: (r) => r.unitName },
          { header: '解读状态', cell: (r) => r.clock.label },
          { header: '时限', cell: (r) => r.clock.explanation ?? '' },
          {
            header: '操作',
            cell: (r) =>
              r.clock.state === 'late' ? (
                ''
              ) : (
                <a href={`/admin/policies/${r.id}/interpretations/new`}>
                  新建解读<span class="visually-hidden">：{r.title}</span>
                </a>
              ),
          },
        ]}
      />
    </AdminLayout>
  );
}

export function InterpretationSettingsPage({
  ctx,
  form,
  done,
}: {
  ctx: ViewContext;
  form: FormState;
  done: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title={form.problems.length ? '错误：政策解读设置' : '政策解读设置'}>
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '政策解读设置' }]} />
      <h1>政策解读设置</h1>
      {done ? <Notice>设置已保存。</Notice> : null}
      <p class="lead">适用于全站；每次修改都记入审计日志。</p>
      <SettingsForm
        group={INTERPRETATION_SETTINGS}
        form={form}
        action="/admin/policies/interpretation-settings"
        csrfToken={ctx.csrfToken}
      />
    </AdminLayout>
  );
}
