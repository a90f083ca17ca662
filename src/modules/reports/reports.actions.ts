/** 年度报告 actions. Review and publication of the report's document are 主动公开's actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Draft and edit a unit's annual report, enter its figures, import a published report. */
    'report.edit': true;
    /** The reports of every unit in the subtree: the dashboard, subtree totals, deadlines and reminders. */
    'report.oversee': true;
  }
}

export const REPORT_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'report.edit',
    label: '编制政府信息公开工作年度报告',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  {
    action: 'report.oversee',
    label: '督促和汇总年度报告（总览、期限、提醒）',
    roles: ['reviewer', 'disclosure_admin'],
  },
];
