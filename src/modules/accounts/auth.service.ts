/**
 * Log-in, log-out, sessions and own-password changes. Every attempt — success or failure — is
 * audited in the transaction that records it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext, RequestMeta, UserActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { checkPasswordPolicy } from '../../lib/validators/index.ts';
import type { SessionInfo } from '../../platform/ports.ts';
import type { AccountRepository } from './account.repository.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';

/** 等保 2.0 三级 (登录失败处理): lock after this many consecutive failures … */
export const LOCKOUT_THRESHOLD = 5;
/** … for this long. */
export const LOCKOUT_MINUTES = 15;
/** Only write last_seen_at when it is older than this, to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

export interface AuthServiceDeps {
  db: Kysely<DB>;
  accounts: AccountRepository;
  audit: AuditLog;
  clock: Clock;
  idleMinutes: number;
}

export type { SessionInfo } from '../../platform/ports.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class AuthService {
  constructor(private readonly d: AuthServiceDeps) {}

  /** Checks the password and opens a session; returns the cookie token. */
  async login(
    meta: RequestMeta,
    username: string,
    password: string,
  ): Promise<{ token: string; info: SessionInfo }> {
    const name = username.trim().slice(0, 64);
    const user = name ? await this.d.accounts.findUserByUsername(name) : undefined;
    const now = this.d.clock.now();
    const anon: CallContext = { actor: { kind: 'anonymous' }, meta };
    if (!user?.active) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.d.db.transaction().execute((trx) =>
        this.d.audit.record(trx, anon, {
          action: 'auth.login_failed',
          summary: `登录失败：账户“${name}”不存在或已停用`,
          actorNameOverride: name || '（空）',
        }),
      );
      throw new AppError('unauthenticated', '用户名或密码不正确');
    }
    if (user.locked_until && new Date(user.locked_until) > now) {
      await this.d.db.transaction().execute((trx) =>
        this.d.audit.record(trx, anon, {
          action: 'auth.login_locked',
          targetType: 'user',
          targetId: user.id,
          summary: `登录被拒绝：账户“${name}”处于锁定状态`,
          actorNameOverride: name,
        }),
      );
      throw new AppError('locked', lockedMessage(new Date(user.locked_until)));
    }
    if (!(await verifyPassword(user.password_hash, password))) {
      await this.recordFailure(anon, user.id, name, user.failed_attempts + 1, now);
    }
    const token = randomBytes(32).toString('base64url');
    const sessionId = sha256(token);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(trx, user.id, {
        failed_attempts: 0,
        locked_until: null,
        last_login_at: now.toISOString(),
      });
      await this.d.accounts.insertSession(trx, {
        id: sessionId,
        user_id: user.id,
        now: now.toISOString(),
        user_agent: meta.userAgent,
      });
      const actor = await this.buildActor(user.id, trx);
      await this.d.audit.record(
        trx,
        { actor, meta },
        { action: 'auth.login', targetType: 'user', targetId: user.id, summary: '登录成功' },
      );
    });
    const info = await this.resolveSession(token);
    if (!info) throw new AppError('internal', '登录会话创建失败');
    return { token, info };
  }

  private async recordFailure(
    ctx: CallContext,
    userId: number,
    name: string,
    failures: number,
    now: Date,
  ): Promise<never> {
    const lock = failures >= LOCKOUT_THRESHOLD;
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(
        trx,
        userId,
        lock ? { failed_attempts: 0, locked_until: until.toISOString() } : { failed_attempts: failures },
      );
      await this.d.audit.record(trx, ctx, {
        action: lock ? 'auth.lockout' : 'auth.login_failed',
        targetType: 'user',
        targetId: userId,
        summary: lock
          ? `连续 ${LOCKOUT_THRESHOLD} 次密码错误，账户“${name}”锁定 ${LOCKOUT_MINUTES} 分钟`
          : `登录失败：密码错误（连续第 ${failures} 次）`,
        actorNameOverride: name,
      });
    });
    if (lock) throw new AppError('locked', `连续 ${LOCKOUT_THRESHOLD} 次密码错误，${lockedMessage(until)}`);
    throw new AppError(
      'unauthenticated',
      `用户名或密码不正确。连续 ${LOCKOUT_THRESHOLD} 次错误将锁定账户 ${LOCKOUT_MINUTES} 分钟。`,
    );
  }

  /** The session behind a cookie token, or null when unknown, revoked or idle too long. */
  async resolveSession(token: string): Promise<SessionInfo | null> {
    const id = sha256(token);
    const s = await this.d.accounts.findSession(id);
    if (!s || s.revoked_at) return null;
    const now = this.d.clock.now();
    const idleMs = now.getTime() - new Date(s.last_seen_at).getTime();
    if (idleMs > this.d.idleMinutes * 60_000) {
      await this.d.accounts.revokeSession(this.d.db, id, now.toISOString());
      return null;
    }
    const user = await this.d.accounts.findUserById(s.user_id);
    if (!user?.active) return null;
    if (idleMs > TOUCH_EVERY_MS) await this.d.accounts.touchSession(id, now.toISOString());
    return {
      sessionId: id,
      actor: await this.buildActor(user.id),
      mustChangePassword: user.must_change_password === 1,
    };
  }

  async logout(ctx: CallContext, sessionId: string): Promise<void> {
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.revokeSession(trx, sessionId, this.d.clock.now().toISOString());
      await this.d.audit.record(trx, ctx, { action: 'auth.logout', summary: '退出登录' });
    });
  }

  /** Changes the actor's own password; other sessions of the account end. */
  async changeOwnPassword(
    ctx: CallContext,
    sessionId: string,
    input: { current: string; next: string; confirm: string },
  ): Promise<void> {
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
    const user = await this.d.accounts.findUserById(actor.userId);
    if (!user) throw AppError.notFound('账户');
    const problems = checkPasswordPolicy(input.next, { username: user.username }).map((message) => ({
      field: 'next',
      message,
    }));
    if (input.next !== input.confirm) problems.push({ field: 'confirm', message: '两次输入的新密码不一致' });
    if (!(await verifyPassword(user.password_hash, input.current)))
      problems.unshift({ field: 'current', message: '当前密码不正确' });
    else if (input.current === input.next)
      problems.push({ field: 'next', message: '新密码不能与当前密码相同' });
    if (problems.length) throw AppError.validation(problems);
    const hash = await hashPassword(input.next);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.accounts.updateUser(trx, user.id, {
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: now,
        updated_at: now,
      });
      await this.d.accounts.revokeUserSessions(trx, user.id, now, sessionId);
      await this.d.audit.record(trx, ctx, {
        action: 'auth.password_change',
        targetType: 'user',
        targetId: user.id,
        summary: '修改本人密码',
      });
    });
  }

  async buildActor(userId: number, q: Kysely<DB> = this.d.db): Promise<UserActor> {
    const user = await this.d.accounts.findUserById(userId, q);
    if (!user) throw AppError.notFound('账户');
    const grants = await this.d.accounts.grantsOf(userId, q);
    return {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      unitId: user.unit_id,
      grants: grants.map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath })),
    };
  }
}

function lockedMessage(until: Date): string {
  const t = until.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `账户已锁定，请于 ${t}（北京时间）后再试，或联系安全管理员解锁`;
}
