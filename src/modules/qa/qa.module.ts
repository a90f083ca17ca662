/**
 * Manifest of 政策问答库 / 政务知识库 (qa): entries with their sources, review, public 政策问答 pages, the
 * question box with cited answers, the unanswered queue, 待更新 flags and the 12345 exchange.
 */
import { defineModule, type Registry } from '../../platform/module.ts';
// ── answers ──
import { ANSWER_PUBLIC_ROUTES } from './answers/answers.public-routes.ts';
import { registerAnswerRoutes } from './answers/answers.routes.tsx';
// ── end answers ──
import { QA_ACTIONS } from './qa.actions.ts';
import { createQa, type Qa } from './qa.services.ts';
import './qa.tables.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    qa: Qa;
  }
}

export const qaModule = defineModule({
  name: 'qa',
  label: '政策问答库',
  needs: ['units', 'publishing'],
  build: (r) =>
    createQa({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      mail: r.mail,
      publicUrl: r.config.PUBLIC_URL,
      units: r.units,
      publishing: r.publishing,
      // Optional, not in `needs`: without the library, a citation shows the document's 有效性 mark.
      policies: (r as Partial<Registry>).policies ?? null,
      formSecret: r.config.SESSION_SECRET,
      encryptionKey: r.config.dataEncryptionKey,
    }),
  provides: ['qa'],
  expose: (qa) => ({ qa }),
  actions: QA_ACTIONS,
  // ── entries ──
  // ── end entries ──
  // ── answers ──
  // Merge note: when the entries part adds `routes` / `publicRoutes` too, both register in one function.
  routes: (server, qa, r) => registerAnswerRoutes(server, { ...r, qa }),
  publicRoutes: [...ANSWER_PUBLIC_ROUTES],
  footerLinks: [{ href: '/ask', label: '我要提问' }],
  // ── end answers ──
});
