/** Builds the 主题日 / 开放日 services of one App. */
import { type OpenDayDeps, OpenDayService } from './open-day.service.ts';
import { OpenDayPublicReader } from './open-day-public.ts';
import { OpenDayRecordPublisher } from './open-day-record.ts';
import { OpenDayRegistration } from './open-day-registration.ts';

export interface OpenDays {
  service: OpenDayService;
  registration: OpenDayRegistration;
  record: OpenDayRecordPublisher;
  reader: OpenDayPublicReader;
  /** Newest public items for the 互动交流 hub (structural type the lead's page reads). */
  recentPublic(
    limit: number,
  ): Promise<{ title: string; href: string; date: string | null; note: string | null }[]>;
}

export function createOpenDays(d: OpenDayDeps): OpenDays {
  const service = new OpenDayService(d);
  const reader = new OpenDayPublicReader(service);
  return {
    service,
    registration: new OpenDayRegistration(service),
    record: new OpenDayRecordPublisher(service, d.publishing),
    reader,
    recentPublic: (limit) => reader.recentPublic(limit),
  };
}
