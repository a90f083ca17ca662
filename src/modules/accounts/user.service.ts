/**
 * Account administration (安全管理员): create accounts, reset passwords, unlock, deactivate,
 * grant and revoke roles. No content permissions are involved here.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can, grantConflicts, roleChangeProblems, scopesFor } from '../../kernel/permissions.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../kernel/roles.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { choice, intField, parseInput, requiredText } from '../../lib/validation.ts';
import { checkPasswordPolicy } from '../../lib/validators/index.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { AccountRepository, UserWithUnit } from './account.repository.ts';
import { hashPassword } from './password.ts';

const usernameField = requiredText('用户名', 32).pipe(
  z.string().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名：3–32 位字母、数字、点、下划线或连字符'),
);

const createUserSchema = z.object({
  username: usernameField,
  displayName: requiredText('姓名', 40),
  unitId: intField('所属单位', { min: 1, emptyMessage: '请选择所属单位' }),
});

const grantSchema = z.object({
  role: choice('角色', ROLES),
  unitId: intField('授权单位', { min: 1, emptyMessage: '请选择授权单位' }),
});

export interface UserServiceDeps {
  db: Kysely<DB>;
  accounts: AccountRepository;
  units: UnitService;
  audit: AuditLog;
  clock: Clock;
}

export class UserService {
  constructor(private readonly d: UserServiceDeps) {}

  async listVisible(ctx: CallContext): Promise<UserWithUnit[]> {
    return this.d.accounts.listUsers(scopesFor(ctx.actor, 'user.view'));
  }

  async get(ctx: CallContext, id: number): Promise<UserWithUnit> {
    const u = await this.d.accounts.findUserById(id);
    if (!u) throw AppError.notFound('账户');
    this.require(ctx, 'user.view', u.unit_path);
    return u;
  }

  /**
   * Creates an account with a one-time password the user must change at first log-in
   * (unless `password` is given, e.g. by the CLI, which must then meet the policy).
   */
  async createUser(ctx: CallContext, raw: unknown, opts: { password?: string; mustChange?: boolean } = {}) {
    const input = parseInput(createUserSchema, raw);
    const unit = await this.d.units.get(input.unitId);
    this.require(ctx, 'user.manage', unit.path);
    const problems = [];
    if (await this.d.accounts.findUserByUsername(input.username))
      problems.push({ field: 'username', message: '用户名：已被使用' });
    if (opts.password)
      problems.push(
        ...checkPasswordPolicy(opts.password, { username: input.username }).map((m) => ({
          field: 'password',
          message: m,
        })),
      );
    if (problems.length) throw AppError.validation(problems);
    const password = opts.password ?? generateTemporaryPassword();
    const hash = await hashPassword(password);
    const now = this.d.clock.now().toISOString();
    const id = await this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.accounts.insertUser(trx, {
        username: input.username,
        display_name: input.displayName,
        unit_id: unit.id,
        password_hash: hash,
        must_change_password: opts.mustChange === false ? 0 : 1,
        failed_attempts: 0,
        locked_until: null,
        active: 1,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        summary: `新建账户“${input.username}”（${input.displayName}），所属单位“${unit.name}”`,
        after: { username: input.username, unitId: unit.id },
      });
      return id;
    });
    return { id, temporaryPassword: opts.password ? null : password };
  }

  /** Sets a new one-time password; the user must change it at next log-in. Sessions end. */
  async resetPassword(ctx: CallContext, userId: number, password?: string): Promise<string> {
    const user = await this.get(ctx, userId);
    this.require(ctx, 'user.manage', user.unit_path);
    if (ctx.actor.kind === 'user' && ctx.actor.userId === userId)
      throw AppError.forbidden('请通过“修改密码”修改本人密码');
    const temp = password ?? generateTemporaryPassword();
    const problems = checkPasswordPolicy(temp, { username: user.username });
    if (problems.length)
      throw AppError.validation(problems.map((message) => ({ field: 'password', message })));
    const hash = await hashPassword(temp);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(trx, userId, {
        password_hash: hash,
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        updated_at: now,
      });
      await this.d.accounts.revokeUserSessions(trx, userId, now);
      await this.d.audit.record(trx, ctx, {
        action: 'user.reset_password',
        targetType: 'user',
        targetId: userId,
        summary: `重置账户“${user.username}”的密码`,
      });
    });
    return temp;
  }

  async unlock(ctx: CallContext, userId: number): Promise<void> {
    const user = await this.get(ctx, userId);
    this.require(ctx, 'user.manage', user.unit_path);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(trx, userId, {
        failed_attempts: 0,
        locked_until: null,
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(trx, ctx, {
        action: 'user.unlock',
        targetType: 'user',
        targetId: userId,
        summary: `解锁账户“${user.username}”`,
      });
    });
  }

  async setActive(ctx: CallContext, userId: number, active: boolean): Promise<void> {
    const user = await this.get(ctx, userId);
    this.require(ctx, 'user.manage', user.unit_path);
    if (ctx.actor.kind === 'user' && ctx.actor.userId === userId)
      throw AppError.forbidden('不能停用本人账户');
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(trx, userId, { active: active ? 1 : 0, updated_at: now });
      if (!active) await this.d.accounts.revokeUserSessions(trx, userId, now);
      await this.d.audit.record(trx, ctx, {
        action: active ? 'user.activate' : 'user.deactivate',
        targetType: 'user',
        targetId: userId,
        summary: `${active ? '启用' : '停用'}账户“${user.username}”`,
      });
    });
  }

  /** Ends every session of the account (强制下线). */
  async endSessions(ctx: CallContext, userId: number): Promise<void> {
    const user = await this.get(ctx, userId);
    this.require(ctx, 'user.manage', user.unit_path);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.revokeUserSessions(trx, userId, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, {
        action: 'user.end_sessions',
        targetType: 'user',
        targetId: userId,
        summary: `结束账户“${user.username}”的全部登录会话`,
      });
    });
  }

  async grants(userId: number) {
    return this.d.accounts.grantsOf(userId);
  }

  async grantRole(ctx: CallContext, userId: number, raw: unknown): Promise<void> {
    const input = parseInput(grantSchema, raw);
    const user = await this.get(ctx, userId);
    const unit = await this.d.units.get(input.unitId);
    const existing = await this.d.accounts.grantsOf(userId);
    const problems = [
      ...(ctx.actor.kind === 'system' ? [] : roleChangeProblems(ctx.actor, userId, unit.path)),
      ...grantConflicts(
        existing.map((g) => g.role),
        input.role as Role,
      ),
    ];
    if (existing.some((g) => g.role === input.role && g.unitId === unit.id))
      problems.push('该账户已在此单位拥有该角色');
    if (problems.length) throw AppError.validation(problems.map((message) => ({ field: 'role', message })));
    await this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.accounts.insertGrant(
        trx,
        userId,
        input.role,
        unit.id,
        this.d.clock.now().toISOString(),
      );
      await this.d.audit.record(trx, ctx, {
        action: 'role.grant',
        targetType: 'role_grant',
        targetId: id,
        summary: `授予账户“${user.username}”在“${unit.name}”的角色：${ROLE_LABELS[input.role as Role]}`,
        after: { userId, role: input.role, unitId: unit.id },
      });
    });
  }

  async revokeRole(ctx: CallContext, grantId: number): Promise<void> {
    const grant = await this.d.accounts.findGrant(grantId);
    if (!grant) throw AppError.notFound('授权');
    const user = await this.get(ctx, grant.user_id);
    const unit = await this.d.units.get(grant.unit_id);
    const problems =
      ctx.actor.kind === 'system' ? [] : roleChangeProblems(ctx.actor, grant.user_id, unit.path);
    if (problems.length) throw AppError.forbidden(problems[0]);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.deleteGrant(trx, grantId);
      await this.d.audit.record(trx, ctx, {
        action: 'role.revoke',
        targetType: 'role_grant',
        targetId: grantId,
        summary: `撤销账户“${user.username}”在“${unit.name}”的角色：${ROLE_LABELS[grant.role as Role] ?? grant.role}`,
        before: { userId: grant.user_id, role: grant.role, unitId: grant.unit_id },
      });
    });
  }

  private require(ctx: CallContext, action: 'user.view' | 'user.manage', unitPath: string): void {
    if (ctx.actor.kind === 'system') return;
    if (!can(ctx.actor, action, unitPath)) throw AppError.forbidden();
  }
}

/** A one-time password meeting the policy: 12 characters from four classes, no look-alikes. */
function generateTemporaryPassword(): string {
  const sets = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKMNPQRSTUVWXYZ', '23456789', '!@#%+=?'];
  const chars = sets.map((s) => s[randomInt(s.length)]);
  const all = sets.join('');
  while (chars.length < 12) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
