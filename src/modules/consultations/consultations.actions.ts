/** 意见征集 actions. Review and publication of the feedback report's document are 主动公开's actions. */
import type { ActionDeclaration } from '../../kernel/roles.ts';

declare module '../../kernel/roles.ts' {
  interface ModuleActions {
    /** Create, edit and publish a unit's consultations, record 采纳情况, generate the feedback, link the final policy. */
    'consultation.manage': true;
    /** Moderate public comments (显示 / 不予显示 with a reason). */
    'consultation.moderate': true;
  }
}

export const CONSULTATION_ACTIONS: readonly ActionDeclaration[] = [
  {
    action: 'consultation.manage',
    label: '发布意见征集、记录采纳情况',
    roles: ['clerk', 'reviewer', 'disclosure_admin'],
  },
  {
    action: 'consultation.moderate',
    label: '审核公众意见（显示或不予显示）',
    roles: ['reviewer', 'disclosure_admin'],
  },
];
