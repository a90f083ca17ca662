/**
 * HTTP caching of public pages, feeds and the open API: a weak ETag (hash of the body), Cache-Control and
 * If-None-Match → 304. A page rendered for a logged-in user (header with 工作台, per-user tokens) is
 * `private`; anonymous pages are `public` and vary by Cookie (长者模式 changes the markup).
 *
 * servePublic adds the in-process cache of rendered anonymous responses (public-page-cache.ts): only
 * GET/HEAD without a session cookie, keyed by 长者模式, host and URL, valid for one public content
 * generation and at most PUBLIC_MAX_AGE_SECONDS.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isValidElement, type VNode } from 'preact';
import type { HttpPorts } from '../platform/ports.ts';
import { CSRF_COOKIE } from './csrf.ts';
import type { CachedResponse } from './public-page-cache.ts';
import { renderDocument } from './render.ts';
import { SESSION_COOKIE } from './request-context.ts';

/** Seconds a browser or shared cache may reuse a public response. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

const PUBLIC_RESPONSE = Symbol('gongkai.publicResponse');
type Marked = FastifyReply & { [PUBLIC_RESPONSE]?: boolean };

/** Weak validator: the body's hash (same bytes → same tag; gzip or not, still the same resource). */
function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an If-None-Match header matches `etag` (weak comparison, lists and * accepted). */
function etagMatches(header: string | undefined, etag: string): boolean {
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
  return sendResponse(req, reply, {
    body,
    etag: weakEtag(body),
    contentType,
    varyCookie: opts.varyCookie ?? false,
  });
}

function sendResponse(
  req: FastifyRequest,
  reply: FastifyReply,
  r: CachedResponse | (Omit<CachedResponse, 'body'> & { body: string }),
): FastifyReply {
  const personal = req.session !== null;
  reply
    .header('etag', r.etag)
    .header('cache-control', `${personal ? 'private' : 'public'}, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  if (r.varyCookie) reply.header('vary', 'Cookie');
  if (!personal) (reply as Marked)[PUBLIC_RESPONSE] = true;
  if (etagMatches(req.headers['if-none-match'], r.etag)) return reply.code(304).send();
  return reply.type(r.contentType).send(r.body);
}

/** What a public route renders: a page (PublicLayout), a non-HTML body (feeds), or a redirect. */
export type PublicOutput = VNode | { body: string; contentType: string } | { redirect: string };

/** True for a request whose response is the same for every anonymous visitor (with the same 长者模式). */
function sharedRequest(req: FastifyRequest): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.session === null &&
    req.cookies[SESSION_COOKIE] === undefined
  );
}

/**
 * Answers a public GET from the page cache when it can, otherwise renders with `render` (which does all
 * the reading: nothing is queried on a hit but the content generation), stores the result for anonymous
 * visitors and sends it with ETag/Cache-Control (304 when If-None-Match matches). Errors and redirects
 * are never stored.
 */
export async function servePublic(
  app: { http: Pick<HttpPorts, 'publicPages' | 'publicGeneration'> },
  req: FastifyRequest,
  reply: FastifyReply,
  render: () => Promise<PublicOutput>,
): Promise<FastifyReply> {
  const cache = app.http.publicPages;
  const key =
    cache.enabled && sharedRequest(req) ? `${req.elder ? 'elder' : 'std'} ${req.host}${req.url}` : null;
  const generation = key === null ? '' : await app.http.publicGeneration();
  const hit = key === null ? undefined : cache.get(key, generation);
  if (hit) return sendResponse(req, reply, hit);
  const out = await render();
  if ('redirect' in out) return reply.redirect(out.redirect, 302);
  const html = isValidElement(out);
  const text = html ? renderDocument(out) : out.body;
  const response: CachedResponse = {
    body: Buffer.from(text),
    etag: weakEtag(text),
    contentType: html ? 'text/html; charset=utf-8' : out.contentType,
    varyCookie: html,
  };
  if (key !== null) cache.set(key, generation, response);
  return sendResponse(req, reply, response);
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
