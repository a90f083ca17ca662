/**
 * The letters' outputs (publication of replies, statistics, reminders, the overdue list, page ownership),
 * built once per app from the letters services' dependencies (letters.services.ts wires them in).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { LetterPublicationService } from './letter-publication.service.ts';
import { LetterReminders, type OverdueList, overdueList, type ReminderMail } from './letter-reminders.ts';
import { LetterStatsService } from './letter-stats.service.ts';
import { type PageOwnerSources, type PageOwners, pageOwnersFrom } from './page-owner.ts';

export type { PageOwnerSources } from './page-owner.ts';

export interface LetterOutputsDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
  mail: ReminderMail | null;
  /** The site's public routes and the publishing and units services (找错 page ownership); optional. */
  pageOwnerSources?: PageOwnerSources | null | undefined;
  /** PUBLIC_URL, for the link in reminder e-mails. */
  publicBaseUrl?: string | undefined;
  /** The writer's name in clear, only to mask it in the texts proposed for publication. */
  writerName(letterId: number): Promise<string | null>;
  /** 临期 threshold in force (the letters settings). */
  dueSoonWorkingDays(): Promise<number>;
}

export interface LetterOutputs {
  /** Review and publication of replies, the public list (letter-publication.service.ts). */
  publication: LetterPublicationService;
  /** 信箱办理情况统计 (letter-stats.service.ts). */
  stats: LetterStatsService;
  /** The daily 临期/超期 reminders (letter-reminders.ts). */
  reminders: LetterReminders;
  /** The monitor's overdue list, for the units under these paths (null: all). */
  overdue(unitPaths: readonly string[] | null): Promise<OverdueList>;
  /** Which unit owns a page of the site (找错 routing); null without the publishing module. */
  pageOwners: PageOwners | null;
  /** Newest published replies, for the 互动交流 hub. */
  recentPublic(
    limit: number,
  ): Promise<{ title: string; href: string; date: string | null; note: string | null }[]>;
}

export function createLetterOutputs(d: LetterOutputsDeps): LetterOutputs {
  const publication = new LetterPublicationService(d).withNames(async (id) => {
    const name = await d.writerName(id);
    return name ? [name] : [];
  });
  return {
    publication,
    stats: new LetterStatsService(d),
    reminders: new LetterReminders({
      ...d,
      publicBaseUrl: d.publicBaseUrl,
      dueSoonWorkingDays: () => d.dueSoonWorkingDays(),
    }),
    overdue: (unitPaths) => overdueList(d, unitPaths),
    pageOwners: d.pageOwnerSources ? pageOwnersFrom(d.pageOwnerSources) : null,
    recentPublic: (limit) => publication.recentPublic(limit),
  };
}
