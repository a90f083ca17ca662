/** 主题日 / 开放日 actions. Review and publication of the 活动记录 document are 主动公开's actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Plan events, keep the sign-in list, write the 活动记录 and send it for publication. */
    'openday.manage': true;
    /** See registrants' names and phone numbers in clear (others see 张* / 138****0000). */
    'openday.personal': true;
  }
}

export const OPEN_DAY_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'openday.manage',
    label: '管理政务公开主题日和政府开放日（计划、签到、活动记录）',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  {
    action: 'openday.personal',
    label: '查看活动报名者的完整姓名和电话（个人信息保护法：最小必要）',
    roles: ['disclosure_admin'],
  },
];
