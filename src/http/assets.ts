/** Static assets: a handful of files read once at start-up and served with long cache lifetimes. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const ASSETS: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
};

export function registerAssetRoutes(server: FastifyInstance): void {
  for (const [name, type] of Object.entries(ASSETS)) {
    const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    server.get(`/assets/${name}`, async (req, reply) => {
      reply.header('etag', etag).header('cache-control', 'public, max-age=3600');
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type(type).send(body);
    });
  }
}
