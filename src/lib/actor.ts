/**
 * Who is doing something. Services receive it explicitly; they never look at HTTP objects.
 * Scheduled jobs act as a named system actor so their audit rows say who did what.
 */
export interface RoleGrant {
  role: string;
  unitId: number;
  /** Materialised path of the unit the role is granted on; the grant covers its subtree. */
  unitPath: string;
}

export interface UserActor {
  kind: 'user';
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  grants: RoleGrant[];
}

export interface SystemActor {
  kind: 'system';
  name: string;
}

export interface AnonymousActor {
  kind: 'anonymous';
}

export type Actor = UserActor | SystemActor | AnonymousActor;

export const ANONYMOUS: AnonymousActor = { kind: 'anonymous' };

export function systemActor(name = '系统任务'): SystemActor {
  return { kind: 'system', name };
}

/** Request facts recorded in the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export const NO_REQUEST: RequestMeta = { ip: null, userAgent: null };

/** Everything a service call needs to know about its caller. */
export interface CallContext {
  actor: Actor;
  meta: RequestMeta;
}

export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return `${actor.displayName}（${actor.username}）`;
  if (actor.kind === 'system') return actor.name;
  return '公众';
}
