/** 政策问答库 actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Write and edit entries of one's unit, send them for review, answer the unit's unanswered questions. */
    'qa.manage': true;
    /** Review entries (not one's own), publish, withdraw; route unanswered questions to units. */
    'qa.review': true;
    /** Import and export the 问答库 (xlsx) and exchange knowledge items with a 12345 hotline. */
    'qa.exchange': true;
  }
}

export const QA_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'qa.manage',
    label: '编写政策问答、答复未解答的群众提问',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  {
    action: 'qa.review',
    label: '审核、发布和撤回政策问答，分派未解答问题',
    roles: ['reviewer', 'disclosure_admin'],
  },
  {
    action: 'qa.exchange',
    label: '导入导出政策问答库，与12345热线知识库交换',
    roles: ['disclosure_admin'],
  },
];
