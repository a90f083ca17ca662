/**
 * HTTP caching of public pages, feeds and the open API: a weak ETag (hash of the body), Cache-Control and
 * If-None-Match → 304. A page rendered for a logged-in user (header with 工作台, per-user tokens) is
 * `private`; anonymous pages are `public` and vary by Cookie (长者模式 changes the markup).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { CSRF_COOKIE } from '../../http/csrf.ts';
import { renderDocument } from '../../http/render.ts';

/** Seconds a browser or shared cache may reuse a public response. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

const PUBLIC_RESPONSE = Symbol('gongkai.publicResponse');
type Marked = FastifyReply & { [PUBLIC_RESPONSE]?: boolean };

/** Weak validator: the body's hash (same bytes → same tag; gzip or not, still the same resource). */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an If-None-Match header matches `etag` (weak comparison, lists and * accepted). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

/**
 * Sends `body` with ETag and Cache-Control; answers 304 when the client already holds it. `shared: false`
 * (or a session) makes the response private.
 */
export function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  body: string,
  contentType: string,
  opts: { varyCookie?: boolean } = {},
): FastifyReply {
  const etag = weakEtag(body);
  const personal = req.session !== null;
  reply
    .header('etag', etag)
    .header('cache-control', `${personal ? 'private' : 'public'}, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  if (opts.varyCookie) reply.header('vary', 'Cookie');
  if (!personal) (reply as Marked)[PUBLIC_RESPONSE] = true;
  if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}

/** A public HTML page (PublicLayout), cached as above. */
export function sendPublicPage(req: FastifyRequest, reply: FastifyReply, vnode: VNode): FastifyReply {
  return sendCached(req, reply, renderDocument(vnode), 'text/html; charset=utf-8', { varyCookie: true });
}

/**
 * A publicly cached response must not hand every visitor the same CSRF seed: the request-context hook
 * sets one on first visit, so it is dropped here (anonymous public pages render no form token; the next
 * page with a form sets it). Registered once, after @fastify/cookie, whose onSend writes Set-Cookie.
 */
export function registerPublicCacheHook(server: FastifyInstance): void {
  server.addHook('onSend', async (_req, reply, payload) => {
    if (!(reply as Marked)[PUBLIC_RESPONSE]) return payload;
    const cookies = reply.getHeader('set-cookie');
    if (cookies === undefined) return payload;
    const list = (Array.isArray(cookies) ? cookies : [String(cookies)]).filter(
      (c) => !c.startsWith(`${CSRF_COOKIE}=`),
    );
    if (list.length === 0) reply.removeHeader('set-cookie');
    else
      reply.header('set-cookie', list).header('cache-control', `private, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    return payload;
  });
}
