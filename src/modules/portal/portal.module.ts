/** Manifest of the public portal: home, 机构设置, unit pages, accessibility. */
import { defineModule } from '../../platform/module.ts';
import { registerPortalRoutes } from './portal.routes.tsx';

export const portalModule = defineModule({
  name: 'portal',
  label: '门户',
  // policies is optional: the home page shows its 政策解读 block only when the module is in the list.
  needs: ['units', 'publishing'],
  build: () => null,
  provides: [],
  expose: () => ({}),
  routes: (server, _s, r) => registerPortalRoutes(server, r),
  publicRoutes: [
    { pattern: /^\/$/, sitemap: [{ path: '/' }] },
    { pattern: /^\/units$/, sitemap: [{ path: '/units' }] },
    {
      pattern: /^\/units\/(\d+)$/,
      target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }),
      sitemap: [{ perUnit: (id) => `/units/${id}` }],
    },
    { pattern: /^\/accessibility$/ },
  ],
});
