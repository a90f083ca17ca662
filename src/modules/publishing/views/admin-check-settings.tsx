/** The settings page of the pre-publication checks: severity per check, required metadata, word lists, hosts. */

import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { CHECK_SETTINGS } from '../checks/check-settings.service.ts';

const TITLE = '发布前检查设置';

export function CheckSettingsPage({ ctx, form, done }: { ctx: ViewContext; form: FormState; done: boolean }) {
  return (
    <AdminLayout ctx={ctx} title={TITLE}>
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: TITLE }]} />
      <h1>{TITLE}</h1>
      {done ? <Notice>发布前检查设置已保存，之后的提交、审核和发布按新设置检查。</Notice> : null}
      <p class="lead">
        信息提交保密审查和发布前会自动检查。“阻止发布”的问题必须修改后才能发布；“提醒审核人”的问题显示给审查和审核人员，由其判断；“不检查”则不运行该项检查。设置适用于全站所有单位，每次修改都记入审计日志。
      </p>
      <SettingsForm
        group={CHECK_SETTINGS}
        form={form}
        action="/admin/publishing/checks"
        csrfToken={ctx.csrfToken}
      />
    </AdminLayout>
  );
}
