/** 意见征集设置: the minimum windows without a statutory number. */
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { CONSULTATION_SETTINGS } from '../consultation-settings.ts';

export function SettingsPage({ ctx, form, done }: { ctx: ViewContext; form: FormState; done: boolean }) {
  return (
    <AdminLayout ctx={ctx} title={form.problems.length ? '错误：意见征集设置' : '意见征集设置'}>
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '意见征集设置' }]} />
      <h1>意见征集设置</h1>
      {done ? <Notice>设置已保存。</Notice> : null}
      <p class="lead">
        重大行政决策和规章草案的最短征集期限（30日）由法规规定，不可修改；以下期限适用于全站，每次修改都记入审计日志。
      </p>
      <SettingsForm
        group={CONSULTATION_SETTINGS}
        form={form}
        action="/admin/consultations/settings"
        csrfToken={ctx.csrfToken}
      />
    </AdminLayout>
  );
}
