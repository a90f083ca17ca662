/**
 * Manifest of the 互动交流 hub (issue 13 item 7): the public page /interaction and its entry in the main
 * navigation. It lists after every 政民互动 module and reads each one, optionally, through its registry
 * interface; a site without a channel module still has the page, which then says so.
 */
import { servePublic } from '../../http/public-cache.tsx';
import { viewContext } from '../../http/request-context.ts';
import { defineModule, type Registry } from '../../platform/module.ts';
import { type HubChannel, type HubSource, InteractionHub } from './interaction-hub.ts';
import { InteractionHubPage } from './views/interaction-hub-page.tsx';

/** The channels in the order the page shows them, each found by its registry key when installed. */
function channelsOf(r: Registry): HubChannel[] {
  const optional = r as Partial<Registry>;
  const found: (Omit<HubChannel, 'source'> & { source: HubSource | undefined })[] = [
    // ── channels ──
    // ── end channels ──
  ];
  void optional;
  return found.filter((c): c is HubChannel => c.source !== undefined);
}

export const interactionModule = defineModule({
  name: 'interaction',
  label: '互动交流',
  needs: [],
  build: (r) => new InteractionHub(channelsOf(r)),
  provides: [],
  expose: () => ({}),
  routes: (server, hub, r) => {
    server.get('/interaction', (req, reply) =>
      servePublic(r, req, reply, async () =>
        InteractionHubPage({ ctx: await viewContext(r, req), sections: await hub.sections() }),
      ),
    );
  },
  publicRoutes: [{ pattern: /^\/interaction$/, sitemap: [{ path: '/interaction' }] }],
  publicNav: [{ href: '/interaction', label: '互动交流' }],
});
