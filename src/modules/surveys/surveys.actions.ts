/** 在线调查 actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Create and edit a unit's surveys and their questions, open and close them, see and export results. */
    'survey.manage': true;
    /** Publish a closed survey's results on the public site. */
    'survey.publish': true;
  }
}

export const SURVEY_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'survey.manage',
    label: '管理在线调查（题目、开始和结束、查看和导出结果）',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  { action: 'survey.publish', label: '发布在线调查结果', roles: ['reviewer', 'disclosure_admin'] },
];
