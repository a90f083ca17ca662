/** 政策找人 actions. Subscribing, confirming and unsubscribing need no account (signed links). */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** See the subscription counts, mails sent and failures (addresses only masked) and change the settings. */
    'subscription.view': true;
  }
}

export const SUBSCRIPTION_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'subscription.view',
    label: '查看政策找人订阅统计和发送情况（邮箱仅显示脱敏形式），修改订阅设置',
    roles: ['disclosure_admin'],
  },
];
