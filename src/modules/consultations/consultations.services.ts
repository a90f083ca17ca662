/** Builds the 意见征集 module's services and plugs them into 主动公开 (kind, check, published hook). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { CommentService } from './comment.service.ts';
import { ConsultationService } from './consultation.service.ts';
import { ConsultationPublicService, type RecentItem } from './consultation-public.service.ts';
import { ConsultationRepository } from './consultations.repository.ts';
import { FeedbackService, feedbackKind } from './feedback.service.ts';

export interface ConsultationsDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  calendar: CalendarService;
  publishing: PublishingApi;
  encryptionKey: Uint8Array;
  formSecret: string;
}

export interface Consultations {
  service: ConsultationService;
  comments: CommentService;
  feedback: FeedbackService;
  publicView: ConsultationPublicService;
  settings: SettingsStore;
  /** For the 互动交流 hub: the newest public items. */
  recentPublic(limit: number): Promise<RecentItem[]>;
}

/**
 * The services alone, registered nowhere: the module's (createConsultations), or a second set on another
 * clock for the demo data, whose past consultations are opened and commented on their own days.
 */
export function buildConsultationServices(d: ConsultationsDeps): Omit<Consultations, 'recentPublic'> {
  const repo = new ConsultationRepository(d.db);
  const settings = new SettingsStore(d);
  const service = new ConsultationService({ ...d, repo, settings });
  const comments = new CommentService({ ...d, repo, consultations: service });
  const feedback = new FeedbackService({ ...d, repo, consultations: service });
  const publicView = new ConsultationPublicService({ repo, consultations: service, feedback });
  return { service, comments, feedback, publicView, settings };
}

export function createConsultations(d: ConsultationsDeps): Consultations {
  const { service, comments, feedback, publicView, settings } = buildConsultationServices(d);
  d.publishing.kinds.register(feedbackKind);
  d.publishing.checkRegistry.register(feedback.check());
  d.publishing.events.inTransaction('published', (notice, trx) => feedback.onPublished(notice, trx));
  return {
    service,
    comments,
    feedback,
    publicView,
    settings,
    recentPublic: (limit) => publicView.recentPublic(limit),
  };
}
