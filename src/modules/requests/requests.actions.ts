/** 依申请公开 actions: handling cases, the legal review of a reply, approving an extension. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    'request.handle': true;
    'request.legal_review': true;
    /** 条例 第三十三条第二款: an extension needs the approval of the office's head. */
    'request.approve_extension': true;
  }
}

export const REQUEST_ACTIONS: readonly ActionDeclaration[] = [
  { action: 'request.handle', label: '办理依申请公开', roles: ['clerk', 'reviewer', 'disclosure_admin'] },
  { action: 'request.legal_review', label: '答复法制审核', roles: ['reviewer', 'disclosure_admin'] },
  { action: 'request.approve_extension', label: '批准延期答复', roles: ['disclosure_admin'] },
];
