/**
 * Manifest of 政策找人 (subscriptions, issue 14 item 7): e-mail subscriptions with double opt-in and
 * one-click unsubscribe, Atom feeds with no personal data, the daily digest from registered sources
 * (主动公开's documents, the 问答库), and the 政务公开办's counts.
 */
import { defineModule, type Registry } from '../../platform/module.ts';
import { DIGEST_JOB } from './subscription-digest.ts';
import { type QaEntriesSince, qaSource } from './subscription-sources.ts';
import { SUBSCRIPTION_ACTIONS } from './subscriptions.actions.ts';
import { registerSubscriptionRoutes } from './subscriptions.routes.tsx';
import { createSubscriptions, type Subscriptions } from './subscriptions.services.ts';
import './subscriptions.tables.ts';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    /** Other modules use the extension point `subscriptions.sources.register(source)`. */
    subscriptions: Subscriptions;
  }
}

export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  label: '政策找人订阅',
  needs: ['units', 'publishing'],
  build: (r) =>
    createSubscriptions({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      mail: r.mail,
      publicUrl: r.config.PUBLIC_URL,
      siteName: r.config.SITE_NAME,
      units: r.units,
      topics: r.publishing.topics,
      formSecret: r.config.SESSION_SECRET,
      encryptionKey: r.config.dataEncryptionKey,
    }),
  provides: ['subscriptions'],
  expose: (subscriptions) => ({ subscriptions }),
  actions: SUBSCRIPTION_ACTIONS,
  connect: (self, r) => {
    // Optional, not in `needs`: the 问答库 (qa module) once it offers entries.publishedSince.
    const qa = (r as Partial<Registry>).qa as unknown as { entries?: Partial<QaEntriesSince> } | undefined;
    const entries = qa?.entries;
    if (entries?.publishedSince)
      self.sources.register(qaSource({ publishedSince: entries.publishedSince.bind(entries) }));
  },
  routes: (server, self, r) => registerSubscriptionRoutes(server, self, r),
  jobs: (self) => [
    {
      kind: 'daily',
      id: DIGEST_JOB,
      description: '政策找人：向已确认的订阅者发送新发布信息的汇总邮件',
      run: (day) => self.digest.run(day),
    },
    {
      kind: 'daily',
      id: 'subscriptions.purge',
      description: '政策找人：删除超过保留天数仍未确认的订阅及其邮箱地址',
      run: () => self.service.purgePending(),
    },
  ],
  publicRoutes: [
    { pattern: /^\/subscribe$/, sitemap: [{ path: '/subscribe' }] },
    { pattern: /^\/subscribe\/(?:sent|feed)$/ },
    { pattern: /^\/subscriptions\/feed\.atom$/ },
    // The signed links of the mails (not in the sitemap).
    { pattern: /^\/subscribe\/confirm\/[^/]+$/ },
    { pattern: /^\/subscriptions\/(?:manage|unsubscribe)\/[^/]+$/ },
  ],
  footerLinks: [{ href: '/subscribe', label: '政策订阅' }],
  menu: [
    {
      area: 'interaction',
      href: '/admin/subscriptions',
      label: '政策找人订阅',
      action: 'subscription.view',
      siteWide: true,
    },
  ],
});
