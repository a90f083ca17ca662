/** 年度报告设置 (/admin/reports/settings): deadlines and reminder days of one unit (blank = inherited). */
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, Notice, SelectField } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { monthDayLabel, REPORT_SETTINGS, type ReportSettingsValues } from '../report-settings.ts';

export function ReportSettingsPage(p: {
  ctx: ViewContext;
  unit: { id: number; name: string };
  units: { id: number; name: string }[];
  effective: ReportSettingsValues;
  form: FormState;
  saved: boolean;
}) {
  const title = '年度报告期限和提醒设置';
  const e = p.effective;
  return (
    <AdminLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${title}` : title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: '/admin/reports', label: '年度报告' },
          { label: title },
        ]}
      />
      <h1>
        {title}：{p.unit.name}
      </h1>
      {p.saved ? <Notice>设置已保存。</Notice> : null}
      {p.units.length > 1 ? (
        <form method="get" action="/admin/reports/settings" class="filters">
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
        留空的项沿用上级单位（或全站）的设置。现行：部门 {monthDayLabel(e.departmentDeadline)}
        ，本级人民政府 {monthDayLabel(e.governmentDeadline)}，乡镇（街道）
        {monthDayLabel(e.townshipDeadline)}；期限前 {e.reminderDays.join('、')} 天提醒，逾期后每天提醒。
      </p>
      <SettingsForm
        group={REPORT_SETTINGS}
        form={p.form}
        action={`/admin/reports/settings?unit=${p.unit.id}`}
        csrfToken={p.ctx.csrfToken}
      />
    </AdminLayout>
  );
}
