/** 在线访谈 actions. Review and publication of the 实录 document are 主动公开's actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Plan interviews, moderate questions, write the 实录 and send it for publication. */
    'interview.manage': true;
  }
}

export const INTERVIEW_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'interview.manage',
    label: '管理在线访谈（预告、网友提问审核、实录）',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
];
