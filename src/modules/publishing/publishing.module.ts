/** Manifest of 主动公开 (publishing): columns, documents, review, checks, import, portal, feeds, API, search. */
import { seedDemoDocuments } from '../../db/seeds/demo-documents.ts';
import { defineModule } from '../../platform/module.ts';
import { registerPublishingAdminRoutes } from './admin-publishing.routes.tsx';
import { FILE_SWEEP_JOB } from './documents/attachment-sweep.ts';
import { registerPublishingPublicRoutes } from './portal-public.tsx';
import { PUBLISHING_ACTIONS } from './publishing.actions.ts';
import type {} from './publishing.api.ts';
import { createPublishing } from './publishing.services.ts';

export const publishingModule = defineModule({
  name: 'publishing',
  label: '主动公开',
  needs: ['units', 'calendar'],
  // Registers the hook that gives every new unit its 政府信息公开 columns: before any unit is created.
  build: (r) =>
    createPublishing({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      units: r.units,
      calendar: r.calendar,
      dataDir: r.config.DATA_DIR,
      publicUrl: r.config.PUBLIC_URL,
      publicPageCacheBytes: r.config.PUBLIC_PAGE_CACHE_MB * 1024 * 1024,
      publicRoutes: r.publicRoutes,
    }),
  provides: ['publishing'],
  expose: (publishing) => ({ publishing }),
  routes: (server, publishing, r) => {
    const app = { ...r, publishing };
    registerPublishingPublicRoutes(server, app);
    registerPublishingAdminRoutes(server, app);
  },
  jobs: (p) => [
    {
      kind: 'recurring',
      id: 'publishing.publish-due',
      description: '发布到达定时发布时间的政府信息',
      run: () => p.review.publishDue(),
    },
    {
      kind: 'daily',
      id: FILE_SWEEP_JOB,
      description: '清理不再被任何附件引用、且超过 24 小时未再上传的附件文件',
      run: () => p.fileSweep.run(),
    },
  ],
  menu: [
    { area: 'disclosure', href: '/admin/documents', label: '信息发布', action: 'content.draft' },
    {
      area: 'disclosure',
      href: '/admin/documents?state=confidentiality_review',
      label: '保密审查',
      action: 'content.review_confidentiality',
    },
    { area: 'disclosure', href: '/admin/columns', label: '栏目管理', action: 'disclosure.manage' },
    {
      area: 'disclosure',
      href: '/admin/topics',
      label: '主题分类',
      action: 'disclosure.manage',
      siteWide: true,
    },
    {
      area: 'disclosure',
      href: '/admin/publishing/checks',
      label: '发布前检查',
      action: 'disclosure.manage',
      siteWide: true,
    },
  ],
  publicRoutes: [
    {
      pattern: /^\/documents\/(\d+)(?:\/print)?$/,
      target: (m) => ({ kind: 'document', documentId: Number(m[1]) }),
    },
    {
      pattern: /^\/documents\/(\d+)\/attachments\/(\d+)$/,
      target: (m) => ({ kind: 'attachment', documentId: Number(m[1]), attachmentId: Number(m[2]) }),
    },
    {
      pattern: /^\/columns\/(\d+)(?:\/feed\.xml)?$/,
      target: (m) => ({ kind: 'column', columnId: Number(m[1]) }),
    },
    {
      pattern: /^\/units\/(\d+)\/(?:disclosure|guide|feed\.xml)$/,
      target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }),
      sitemap: [{ perUnit: (id) => `/units/${id}/disclosure` }, { perUnit: (id) => `/units/${id}/guide` }],
    },
    { pattern: /^\/search$/, sitemap: [{ path: '/search' }] },
    { pattern: /^\/sitemap\.xml$/ },
    { pattern: /^\/api\/openapi\.json$/ },
    { pattern: /^\/api\/v1\/(?:documents|columns|units|catalogue)$/ },
    {
      pattern: /^\/api\/v1\/documents\/(\d+)$/,
      target: (m) => ({ kind: 'document', documentId: Number(m[1]) }),
    },
  ],
  actions: PUBLISHING_ACTIONS,
  seed: {
    part: 'documents',
    order: 30,
    run: async (publishing, r) => `已发布演示政府信息 ${await seedDemoDocuments({ ...r, publishing })} 条`,
  },
});
