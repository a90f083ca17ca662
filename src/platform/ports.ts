/**
 * Ports: the small interfaces the HTTP layer (src/http) needs from the modules, so it depends on
 * none of them. The composition root fills them from the accounts and publishing modules.
 */
import type { UserActor } from '../lib/actor.ts';
import type { MenuEntry, PublicLink } from './menu.ts';

/** A resolved back-office session. */
export interface SessionInfo {
  sessionId: string;
  actor: UserActor;
  mustChangePassword: boolean;
}

import type { PublicPageCache } from '../http/public-page-cache.ts';
import type { SiteInfo } from '../http/view-context.ts';

export interface HttpPorts {
  /** The session behind a cookie token, or null (unknown, expired, revoked). */
  resolveSession(token: string): Promise<SessionInfo | null>;
  /** The units on which a user holds a role (the back-office unit switcher). */
  grantUnits(userId: number): Promise<{ unitId: number; unitName: string }[]>;
  /** The back-office menu entries of every module, in menu order. */
  menu(): readonly MenuEntry[];
  /** The modules' public navigation entries and footer links, in module order. */
  publicLinks(): { nav: readonly PublicLink[]; footer: readonly PublicLink[] };
  site: SiteInfo;
  /** SESSION_SECRET: the key of the CSRF tokens. */
  csrfSecret: string;
  /** Rendered anonymous public pages (src/http/public-cache.tsx) … */
  publicPages: PublicPageCache;
  /** … valid for one public content generation: any audited change starts a new one. */
  publicGeneration(): Promise<string>;
}
