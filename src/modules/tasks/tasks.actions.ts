/** 工作要点 → 任务分工台账 actions: units report progress, the office manages the ledger. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    'task.report': true;
    'task.manage': true;
  }
}

export const TASK_ACTIONS: readonly ActionDeclaration[] = [
  { action: 'task.report', label: '报送任务进展', roles: ['clerk', 'reviewer', 'disclosure_admin'] },
  { action: 'task.manage', label: '管理工作台账', roles: ['disclosure_admin'] },
];
