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

/**
 * The platform's own actions: the back office, the unit tree, the calendar, site settings, accounts and
 * the audit log — the duties the 三员 divide between them. Each module declares its own actions in its
 * manifest (`actions`), registered with `registerModuleActions` by the module list.
 */
const PLATFORM_ACTIONS = [
  'admin.access',
  'unit.manage',
  'calendar.manage',
  'settings.manage',
  'user.view',
  'user.manage',
  'role.grant',
  'audit.read',
  'audit.export',
] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/**
 * The actions modules declare, by name. A module adds its own with declaration merging in its
 * `<name>.actions.ts` (`declare module '../../kernel/roles.ts' { interface ModuleActions { … } }`), so
 * a misspelt action is a type error.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module (declaration merging).
export interface ModuleActions {}
export type ModuleAction = Extract<keyof ModuleActions, string>;
export type Action = PlatformAction | ModuleAction;

/** What a module declares about one of its actions: a Chinese label and the roles that hold it. */
export interface ActionDeclaration {
  action: ModuleAction;
  label: string;
  roles: readonly Role[];
}

/**
 * The platform part of the permission table: "role → platform actions it allows on units in its subtree".
 * 安全管理员 manages accounts and roles but no content; 安全审计员 only reads the audit log;
 * 系统管理员 configures the system and the unit tree but neither accounts nor audit.
 */
const PLATFORM_ROLE_ACTIONS: Record<Role, readonly PlatformAction[]> = {
  clerk: ['admin.access'],
  reviewer: ['admin.access'],
  confidentiality_reviewer: ['admin.access'],
  disclosure_admin: ['admin.access'],
  system_admin: ['admin.access', 'unit.manage', 'calendar.manage', 'settings.manage'],
  security_admin: ['admin.access', 'user.view', 'user.manage', 'role.grant'],
  auditor: ['admin.access', 'audit.read', 'audit.export'],
};

/**
 * 三员分立 (等保 2.0 第三级): the security administrator and the auditor hold no module action (no
 * content, no cases, no tasks). A module declaring one for them is refused at start-up.
 */
const ROLES_WITHOUT_MODULE_ACTIONS: readonly Role[] = ['security_admin', 'auditor'];

const declared = new Map<string, ActionDeclaration>();
const table = new Map<Role, Action[]>(ROLES.map((r) => [r, [...PLATFORM_ROLE_ACTIONS[r]]]));

/**
 * Adds module actions to the permission table (the module list calls this once per manifest).
 * Registering the same declaration again is a no-op; a clash or a 三员 breach throws.
 */
export function registerModuleActions(module: string, decls: readonly ActionDeclaration[]): void {
  for (const d of decls) {
    const known = declared.get(d.action);
    if (known === d) continue;
    if ((PLATFORM_ACTIONS as readonly string[]).includes(d.action) || known)
      throw new Error(`Action ${d.action} of module ${module} is already declared`);
    const breach = d.roles.filter((r) => ROLES_WITHOUT_MODULE_ACTIONS.includes(r));
    if (breach.length)
      throw new Error(`三员分立: module ${module} grants ${d.action} to ${breach.join(', ')}`);
    declared.set(d.action, d);
    for (const r of d.roles) table.get(r)?.push(d.action);
  }
}

/** Every action: the platform's, then the modules' in the order they were registered. */
export function allActions(): readonly Action[] {
  return [...PLATFORM_ACTIONS, ...(declared.keys() as Iterable<ModuleAction>)];
}

/** The actions `role` allows (read it as the permission table's row). */
export function roleActions(role: Role): readonly Action[] {
  return table.get(role) ?? [];
}

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
