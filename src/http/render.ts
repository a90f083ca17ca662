/** Server-side rendering of preact components to HTML (escaping text and attributes by default). */
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(vnode: VNode): string {
  return `<!doctype html>${renderToString(vnode)}`;
}

export function sendPage(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(vnode));
}
