import type { PublicRoute } from '../../../platform/module.ts';

/** The 问答 box's public pages (sitemap; broken-link check). */
export const ANSWER_PUBLIC_ROUTES: readonly PublicRoute[] = [
  { pattern: /^\/ask$/, sitemap: [{ path: '/ask' }] },
  { pattern: /^\/api\/v1\/answers$/ },
];
