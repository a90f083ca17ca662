/** 文件库设置 (back office): the library's settings of one unit (blank = the parent unit's value). */
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, Notice, SelectField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { LIBRARY_SETTINGS } from '../policy-settings.ts';

export function LibrarySettingsPage(p: {
  ctx: ViewContext;
  unit: { id: number; name: string };
  units: { id: number; name: string }[];
  effective: Record<string, unknown>;
  form: FormState;
  saved: boolean;
}) {
  const title = '文件库设置';
  return (
    <AdminLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${title}` : title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: '/admin/policies', label: '规范性文件库' },
          { label: title },
        ]}
      />
      <h1>
        {title}：{p.unit.name}
      </h1>
      {p.saved ? <Notice>设置已保存。</Notice> : null}
      {p.units.length > 1 ? (
        <form method="get" action="/admin/policies/settings" class="filters">
          <SelectField
            form={{ values: { unit: String(p.unit.id) }, problems: [] }}
            name="unit"
            label="单位"
            options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
          <Button kind="secondary">切换</Button>
        </form>
      ) : null}
      <p>
        留空的项沿用上级单位（或全站）的设置。现行：默认有效期 {String(p.effective.validityYears)}{' '}
        年，“暂行”“试行”
        {String(p.effective.provisionalValidityYears)} 年，届满前 {String(p.effective.evaluationLeadMonths)}{' '}
        个月评估。
      </p>
      <SettingsForm
        group={LIBRARY_SETTINGS}
        form={p.form}
        action={`/admin/policies/settings?unit=${p.unit.id}`}
        csrfToken={p.ctx.csrfToken}
      />
    </AdminLayout>
  );
}
