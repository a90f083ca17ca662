/** Manifest of accounts: users, roles (三员), sessions, log-in, account administration. */
import { defineModule } from '../../platform/module.ts';
import { AccountRepository } from './account.repository.ts';
import { AccountDirectory } from './account-directory.ts';
import { registerAuthRoutes } from './auth.routes.tsx';
import { AuthService } from './auth.service.ts';
import { registerUserRoutes } from './user.routes.tsx';
import { UserService } from './user.service.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    /** Users and their role grants (read side). */
    accounts: AccountDirectory;
    auth: AuthService;
    users: UserService;
  }
}

export const accountsModule = defineModule({
  name: 'accounts',
  label: '账户与角色',
  needs: ['units'],
  build: (r) => {
    const repo = new AccountRepository(r.db);
    const { db, audit, clock } = r;
    return {
      repo,
      accounts: new AccountDirectory(repo),
      auth: new AuthService({ db, accounts: repo, audit, clock, idleMinutes: r.config.SESSION_IDLE_MINUTES }),
      users: new UserService({ db, accounts: repo, units: r.units, audit, clock }),
    };
  },
  provides: ['accounts', 'auth', 'users'],
  expose: (s) => ({ accounts: s.accounts, auth: s.auth, users: s.users }),
  routes: (server, _s, r) => {
    registerAuthRoutes(server, r);
    registerUserRoutes(server, r);
  },
  menu: [
    { area: 'work', href: '/admin', label: '工作台', action: 'admin.access' },
    { area: 'system', href: '/admin/users', label: '账户与角色', action: 'user.view' },
  ],
  publicRoutes: [{ pattern: /^\/login$/ }, { pattern: /^\/preferences\/elder-mode$/ }],
});
