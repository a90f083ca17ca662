/**
 * The 政民互动 letters services, built once per app by the module's manifest (letters.module.ts) from the
 * database, clock, audit log, calendar, mail outbox and the unit directory.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { LetterService } from './letter.service.ts';
import { LetterTransitions } from './letter.transitions.ts';
import { LetterChannelService } from './letter-channels.service.ts';
import { createLetterOutputs, type LetterOutputs, type PageOwnerSources } from './letter-outputs.services.ts';
import { LetterViews } from './letter-views.service.ts';
import { LettersRepository } from './letters.repository.ts';

/** One item of the hub's lists (structural, the same in every interaction module). */
export interface PublicItem {
  title: string;
  href: string;
  date: string | null;
  note: string | null;
}

export interface LettersDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  calendar: CalendarService;
  mail: MailOutbox;
  units: UnitDirectory;
  encryptionKey: Uint8Array;
  formSecret: string;
  // ── outputs ──
  /** The site's public routes and the publishing and units services, for page ownership (找错); optional. */
  pageOwnerSources?: PageOwnerSources | null;
  /** PUBLIC_URL, for links in reminder e-mails. */
  publicBaseUrl?: string | undefined;
  // ── end outputs ──
}

/** The letters services of one app. */
export interface Letters {
  deps: LettersDeps & { settings: SettingsStore; cipher: FieldCipher };
  repo: LettersRepository;
  letters: LetterService;
  channels: LetterChannelService;
  transitions: LetterTransitions;
  views: LetterViews;
  /**
   * Newest public items for the 互动交流 hub (the lead's page): published replies. Empty until the
   * published-replies part (L2, letter-publication) is wired in the outputs marker below.
   */
  // ── outputs ──
  publication: LetterOutputs['publication'];
  stats: LetterOutputs['stats'];
  reminders: LetterOutputs['reminders'];
  overdue: LetterOutputs['overdue'];
  pageOwners: LetterOutputs['pageOwners'];
  recentPublic: LetterOutputs['recentPublic'];
  // ── end outputs ──
}

export function createLetters(d: LettersDeps): Letters {
  const settings = new SettingsStore(d);
  const cipher = new FieldCipher(d.encryptionKey);
  const repo = new LettersRepository(d.db);
  const deps = { ...d, settings, cipher };
  // 找错: routed at once to the unit that owns the page (page-owner.ts), when the site can tell.
  const pageOwner = async (url: string) => (await outputs.pageOwners?.resolvePageOwner(url))?.unitId ?? null;
  const letters = new LetterService({ ...deps, repo, pageOwner });
  // ── outputs ──
  const outputs: LetterOutputs = createLetterOutputs({
    ...d,
    writerName: async (id) => {
      const row = await repo.findById(id);
      return row ? letters.writerOf(row).name : null;
    },
    dueSoonWorkingDays: async () => (await letters.limits()).dueSoonWorkingDays,
  });
  // ── end outputs ──
  const channels = new LetterChannelService({ ...d, repo });
  const transitions = new LetterTransitions({ ...d, repo, letters });
  const views = new LetterViews({ ...deps, repo, letters, transitions });
  return { deps, repo, letters, channels, transitions, views, ...outputs };
}
