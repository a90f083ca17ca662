/** 主动公开 actions: drafting, the 三审 (保密审查, 审核), forced publication and the disclosure set-up. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    'content.draft': true;
    'content.review_confidentiality': true;
    'content.approve': true;
    'content.force_publish': true;
    /** Columns, topics, the 主动公开目录, check settings (also used by the catalogue). */
    'disclosure.manage': true;
  }
}

export const PUBLISHING_ACTIONS: readonly ActionDeclaration[] = [
  { action: 'content.draft', label: '起草和编辑政府信息', roles: ['clerk', 'reviewer', 'disclosure_admin'] },
  { action: 'content.review_confidentiality', label: '保密审查', roles: ['confidentiality_reviewer'] },
  { action: 'content.approve', label: '审核发布', roles: ['reviewer', 'disclosure_admin'] },
  { action: 'content.force_publish', label: '强制发布（记录理由）', roles: ['disclosure_admin'] },
  { action: 'disclosure.manage', label: '管理栏目、目录和发布设置', roles: ['disclosure_admin'] },
];
