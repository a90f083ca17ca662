/** 规范性文件库 / 政策解读 actions. Drafting and review of the documents themselves are 主动公开's actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Record or cancel validity events (施行, 修改, 废止 …) of a unit's library documents; close 评估 tasks. */
    'policy.record': true;
    /** 清理 batches, library import, the library's and 解读's settings. */
    'policy.manage': true;
  }
}

export const POLICY_ACTIONS: readonly ActionDeclaration[] = [
  { action: 'policy.record', label: '记录规范性文件有效性变化', roles: ['reviewer', 'disclosure_admin'] },
  { action: 'policy.manage', label: '管理规范性文件库（清理、导入、设置）', roles: ['disclosure_admin'] },
];
