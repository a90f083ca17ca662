/** Builds the 在线访谈 services of one App. */
import { type InterviewDeps, InterviewService } from './interview.service.ts';
import { InterviewPublicReader } from './interview-public.ts';
import { InterviewRecordPublisher } from './interview-record.ts';

export interface Interviews {
  service: InterviewService;
  record: InterviewRecordPublisher;
  reader: InterviewPublicReader;
  /** Newest public items for the 互动交流 hub (structural type the lead's page reads). */
  recentPublic(
    limit: number,
  ): Promise<{ title: string; href: string; date: string | null; note: string | null }[]>;
}

export function createInterviews(d: InterviewDeps): Interviews {
  const service = new InterviewService(d);
  const reader = new InterviewPublicReader(service);
  return {
    service,
    record: new InterviewRecordPublisher(service, d.publishing),
    reader,
    recentPublic: (limit) => reader.recentPublic(limit),
  };
}
