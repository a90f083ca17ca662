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
import { DEMO_QA_ENTRIES, DEMO_QA_QUESTIONS } from '../../db/seeds/demo-qa.data.ts';
// ── entries ──
import { seedDemoQa } from '../../db/seeds/demo-qa.ts';
import { registerQaAdminRoutes, registerQaPublicRoutes } from './qa-entries.routes.tsx';
import { registerQaQueueRoutes } from './qa-queue.routes.tsx';
import { STALE_JOB_ID } from './qa-stale.job.ts';
import { registerQaTransferRoutes } from './qa-transfer.routes.tsx';

// ── end entries ──

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
  routes: (server, qa, r) => {
    registerQaPublicRoutes(server, qa, r);
    registerQaQueueRoutes(server, qa, r);
    registerQaTransferRoutes(server, qa, r);
    registerQaAdminRoutes(server, qa, r);
    // ── answers ──
    registerAnswerRoutes(server, { ...r, qa });
    // ── end answers ──
  },
  publicRoutes: [
    { pattern: /^\/qa$/, sitemap: [{ path: '/qa' }] },
    { pattern: /^\/qa\/\d+$/ },
    // ── answers ──
    ...ANSWER_PUBLIC_ROUTES,
    // ── end answers ──
  ],
  publicNav: [{ href: '/qa', label: '政策问答' }],
  seed: {
    part: 'qa',
    order: 70,
    run: (qa, r) => seedDemoQa({ ...r, qa }, DEMO_QA_ENTRIES, DEMO_QA_QUESTIONS),
  },
  // The letters module is optional: a replied 咨询 letter can then be turned into an entry.
  connect: (qa, r) => qa.queue.useLetters((r as Partial<Registry>).letters ?? null),
  jobs: (qa) => [
    {
      kind: 'daily',
      id: STALE_JOB_ID,
      description: '检查政策问答所依据的文件：已修改、废止、失效、撤回或有新版本的，标记待更新并告知单位',
      run: (day) => qa.stale.runDaily(day),
    },
  ],
  menu: [
    { area: 'interaction', href: '/admin/qa', label: '政策问答库', action: 'qa.manage' },
    { area: 'interaction', href: '/admin/qa?state=in_review', label: '政策问答审核', action: 'qa.review' },
    { area: 'interaction', href: '/admin/qa/questions', label: '未解答问题', action: 'qa.manage' },
    {
      area: 'interaction',
      href: '/admin/qa/settings',
      label: '政策问答设置',
      action: 'qa.exchange',
      siteWide: true,
    },
  ],
  // ── end entries ──
  // ── answers ──
  footerLinks: [{ href: '/ask', label: '我要提问' }],
  // ── end answers ──
});
