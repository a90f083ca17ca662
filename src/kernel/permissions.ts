/**
 * Permission checks: pure functions over an actor's grants, tested table-by-table in
 * permissions.test.ts. A grant on a unit covers that unit and its whole subtree.
 */
import type { Actor, RoleGrant } from '../lib/actor.ts';
import { type Action, isRole, type Role, roleActions } from './roles.ts';

/** True when `unitPath` is the granted unit or below it. Paths look like '/1/4/'. */
export function coversUnit(grantPath: string, unitPath: string): boolean {
  return unitPath.startsWith(grantPath);
}

function grantAllows(g: RoleGrant, action: Action): boolean {
  return isRole(g.role) && roleActions(g.role).includes(action);
}

/** May the actor perform `action` on the unit with this path (or anywhere, if no unit is given)? */
export function can(actor: Actor, action: Action, unitPath?: string): boolean {
  if (actor.kind !== 'user') return false;
  return actor.grants.some(
    (g) => grantAllows(g, action) && (unitPath === undefined || coversUnit(g.unitPath, unitPath)),
  );
}

/** Paths of the units where the actor may perform `action` (each covers its subtree). */
export function scopesFor(actor: Actor, action: Action): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => grantAllows(g, action)).map((g) => g.unitPath);
}

/**
 * Whether the actor may perform `action` site-wide: on a top-level unit ('/<id>/'), whose subtree is the
 * whole government. Site-wide settings (主题分类, 发布前检查) need this.
 */
export function canSiteWide(actor: Actor, action: Action): boolean {
  return scopesFor(actor, action).some((p) => /^\/\d+\/$/.test(p));
}

/**
 * Reasons a new role cannot be added to a user who already holds `existing` (empty = allowed).
 * 三员分立: the 安全审计员 cannot also be 系统管理员 or 安全管理员, and vice versa.
 */
export function grantConflicts(existing: readonly string[], role: Role): string[] {
  const problems: string[] = [];
  const others = new Set(existing);
  if (role === 'auditor' && (others.has('system_admin') || others.has('security_admin'))) {
    problems.push('三员分立：安全审计员不能同时担任系统管理员或安全管理员');
  }
  if ((role === 'system_admin' || role === 'security_admin') && others.has('auditor')) {
    problems.push('三员分立：已是安全审计员的账户不能再担任系统管理员或安全管理员');
  }
  return problems;
}

/**
 * Reasons `actor` may not change the roles of `targetUserId` on `unitPath` (empty = allowed).
 * Least privilege: nobody grants roles to their own account.
 */
export function roleChangeProblems(actor: Actor, targetUserId: number, unitPath: string): string[] {
  if (!can(actor, 'role.grant', unitPath)) return ['您没有在该单位授予角色的权限'];
  if (actor.kind === 'user' && actor.userId === targetUserId) return ['不能修改自己账户的角色'];
  return [];
}
