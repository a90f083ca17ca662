/** Manifest of 政民互动 letters (letters): 领导信箱, 咨询, 建议, 投诉 and 我为政府网站找错 as one model. */
import { defineModule } from '../../platform/module.ts';
import { LETTER_ACTIONS } from './letters.actions.ts';
import { createLetters, type Letters } from './letters.services.ts';

// ── outputs ──
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
      // ── end outputs ──
    });
    return letters;
  },
  provides: ['letters'],
  expose: (letters) => ({ letters }),
  actions: LETTER_ACTIONS,
  routes: (_server, _letters, _r) => {
    // ── outputs ──
    // ── end outputs ──
  },
  jobs: (_letters) => [
    // ── outputs ──
    // ── end outputs ──
  ],
  menu: [
    // ── outputs ──
    // ── end outputs ──
  ],
  publicRoutes: [
    // ── outputs ──
    // ── end outputs ──
  ],
});
