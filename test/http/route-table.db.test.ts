/**
 * The pre-publication check for broken internal links classifies paths by the site's public routes,
 * which every module declares in its manifest (`publicRoutes`). This test registers the real routes
 * and fails when a module adds a public GET route its manifest does not declare, so a link to a new
 * page is never reported as broken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { routeTarget } from '../../src/modules/publishing/checks/internal-links.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`the internal-link check knows every public page on ${ENGINE}`, () => {
  let app: TestApp;
  const routes: string[] = [];
  beforeAll(async () => {
    app = await createTestApp();
    const server = await buildServer(app, {
      logger: false,
      onRoute: (r) => {
        const methods = Array.isArray(r.method) ? r.method : [r.method];
        if (methods.includes('GET')) routes.push(r.url);
      },
    });
    await server.ready();
    await server.close();
  });
  afterAll(async () => app.destroy());

  it('classifies every GET route (ids filled in) as a known page', () => {
    expect(routes.length).toBeGreaterThan(30);
    const sample = (url: string) => url.replace(/:\w+/g, '1').replace(/\*$/, 'site.css');
    const unknown = routes
      .map(sample)
      .filter((path) => routeTarget(path, app.publicRoutes()).kind === 'unknown');
    expect(unknown).toEqual([]);
    expect(routeTarget('/no-such-page', app.publicRoutes()).kind).toBe('unknown');
  });
});
