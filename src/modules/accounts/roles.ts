/**
 * Roles and what each may do. Roles are granted on a unit and cover its subtree.
 * The 三员 (等保 2.0 第三级 "三员分立"): system, security and audit administrators are separate
 * people; the audit administrator may hold neither of the other two roles.
 */
export const ROLES = [
  'clerk',
  'reviewer',
  'confidentiality_reviewer',
  'disclosure_admin',
  'system_admin',
  'security_admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '信息员',
  reviewer: '审核员',
  confidentiality_reviewer: '保密审查员',
  disclosure_admin: '政务公开管理员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '安全审计员',
};

/** The 三员 roles (等保 2.0 三级: separation of system, security and audit administrators). */
export const THREE_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

export const ACTIONS = [
  'admin.access',
  'unit.manage',
  'calendar.manage',
  'settings.manage',
  'user.view',
  'user.manage',
  'role.grant',
  'audit.read',
  'audit.export',
  'content.draft',
  'content.review_confidentiality',
  'content.approve',
  'content.force_publish',
  'disclosure.manage',
  'request.handle',
  'request.legal_review',
  'request.approve_extension',
  'task.report',
  'task.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The permission table. Read it as "role → actions it allows on units in its subtree".
 * 安全管理员 manages accounts and roles but no content; 安全审计员 only reads the audit log;
 * 系统管理员 configures the system and the unit tree but neither accounts nor audit.
 */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  clerk: ['admin.access', 'content.draft', 'request.handle', 'task.report'],
  reviewer: [
    'admin.access',
    'content.draft',
    'content.approve',
    'request.handle',
    'request.legal_review',
    'task.report',
  ],
  confidentiality_reviewer: ['admin.access', 'content.review_confidentiality'],
  disclosure_admin: [
    'admin.access',
    'content.draft',
    'content.approve',
    'content.force_publish',
    'disclosure.manage',
    'request.handle',
    'request.legal_review',
    'request.approve_extension',
    'task.report',
    'task.manage',
  ],
  system_admin: ['admin.access', 'unit.manage', 'calendar.manage', 'settings.manage'],
  security_admin: ['admin.access', 'user.view', 'user.manage', 'role.grant'],
  auditor: ['admin.access', 'audit.read', 'audit.export'],
};

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
