/** Manifest of 政民互动 letters (letters): 领导信箱, 咨询, 建议, 投诉 and 我为政府网站找错 as one model. */
import { defineModule } from '../../platform/module.ts';
import { LETTER_ACTIONS } from './letters.actions.ts';
import { seedDemoLetters } from './letters.demo.ts';
import { createLetters, type Letters } from './letters.services.ts';
import { registerAdminLetterRoutes } from './letters-admin.routes.tsx';
// ── outputs ──
import {
  LETTER_OUTPUT_MENU,
  LETTER_OUTPUT_PUBLIC_ROUTES,
  letterOutputJobs,
  registerLetterOutputs,
} from './letters-outputs.routes.tsx';
import { registerPublicLetterRoutes } from './letters-public.routes.tsx';

// ── end outputs ──

declare module '../../platform/module.ts' {
  interface ModuleApis {
    letters: Letters;
  }
}

export const lettersModule = defineModule({
  name: 'letters',
  label: '政民互动来信',
  needs: ['units', 'calendar'],
  build: (r) => {
    const letters = createLetters({
      db: r.db,
      audit: r.audit,
      clock: r.clock,
      calendar: r.calendar,
      mail: r.mail,
      units: r.units,
      encryptionKey: r.config.dataEncryptionKey,
      formSecret: r.config.SESSION_SECRET,
      // ── outputs ──
      // Publishing is optional (built before letters when installed): without it 找错 lands at its box's unit.
      pageOwnerSources: (r as { publishing?: unknown }).publishing
        ? { publicRoutes: () => r.publicRoutes(), config: r.config, publishing: r.publishing, units: r.units }
        : null,
      publicBaseUrl: r.config.PUBLIC_URL,
      // ── end outputs ──
    });
    return letters;
  },
  provides: ['letters'],
  expose: (letters) => ({ letters }),
  actions: LETTER_ACTIONS,
  // ── demo ──
  seed: { part: 'letters', order: 50, run: (_letters, r) => seedDemoLetters(r) },
  // ── end demo ──
  routes: (server, letters, r) => {
    registerPublicLetterRoutes(server, { ...r, letters });
    registerAdminLetterRoutes(server, { ...r, letters });
    // ── outputs ──
    registerLetterOutputs(server, { ...r, letters });
    // ── end outputs ──
  },
  jobs: (letters) => [
    // ── outputs ──
    ...letterOutputJobs(letters),
    // ── end outputs ──
  ],
  menu: [
    { area: 'interaction', href: '/admin/letters', label: '来信办理', action: 'letter.handle' },
    { area: 'interaction', href: '/admin/letters?tab=received', label: '来信分办', action: 'letter.route' },
    { area: 'interaction', href: '/admin/letters/channels', label: '信箱管理', action: 'letter.oversee' },
    {
      area: 'interaction',
      href: '/admin/letters/settings',
      label: '来信答复时限设置',
      action: 'letter.oversee',
      siteWide: true,
    },
    // ── outputs ──
    ...LETTER_OUTPUT_MENU,
    // ── end outputs ──
  ],
  publicRoutes: [
    { pattern: /^\/letters(?:\/query)?$/, sitemap: [{ path: '/letters' }] },
    { pattern: /^\/letters\/write\/\d+$/ },
    { pattern: /^\/report-error$/ },
    // ── outputs ──
    ...LETTER_OUTPUT_PUBLIC_ROUTES,
    // ── end outputs ──
  ],
});
