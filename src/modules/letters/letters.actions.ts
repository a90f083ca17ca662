/**
 * 政民互动 letters actions. Routing is the 政务公开办's (disclosure_admin); the handling unit's staff draft and
 * submit replies; a reviewer (审核员) or the office sends them — never the person who drafted the reply.
 */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Route a received letter to a unit, close spam / duplicates / 不属于受理范围. */
    'letter.route': true;
    /** Handle a letter routed to the unit: draft and submit the reply, hand back, transfer, mark 简单咨询. */
    'letter.handle': true;
    /** 审核: return or send a submitted reply. */
    'letter.review': true;
    /** The boxes, the reply-limit settings and the overview of every unit in the subtree. */
    'letter.oversee': true;
  }
}

export const LETTER_ACTIONS: readonly ActionDeclaration[] = [
  { action: 'letter.route', label: '分办政民互动来信（政务公开办）', roles: ['disclosure_admin'] },
  {
    action: 'letter.handle',
    label: '办理政民互动来信（起草答复、退回、转办）',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  { action: 'letter.review', label: '审核政民互动来信答复', roles: ['reviewer', 'disclosure_admin'] },
  { action: 'letter.oversee', label: '管理信箱和答复时限设置', roles: ['disclosure_admin'] },
];
