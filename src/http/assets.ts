/** Static assets: a handful of files read once at start-up and served with long cache lifetimes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const ASSETS: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
};

/**
 * Serves one file at `path`: read now, strong ETag from its content, `public, max-age=3600`, 304 on a
 * matching If-None-Match. Module stylesheets use it through `kit/module-stylesheet.tsx`.
 */
export function serveAsset(server: FastifyInstance, path: string, file: URL, type: string): void {
  const body = readFileSync(file);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  server.get(path, async (req, reply) => {
    reply.header('etag', etag).header('cache-control', 'public, max-age=3600');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(type).send(body);
  });
}

export function registerAssetRoutes(server: FastifyInstance): void {
  for (const [name, type] of Object.entries(ASSETS))
    serveAsset(server, `/assets/${name}`, new URL(`./assets/${name}`, import.meta.url), type);
}
