/** Builds the 在线调查 services and the narrow interface other modules use (registry key `surveys`). */
import type { Registry } from '../../platform/module.ts';
import { SurveyAdminService } from './survey-admin.service.ts';
import { SurveyPublicService } from './survey-public.service.ts';
import { SurveyRepository } from './surveys.repository.ts';

export const SURVEYS_PATH = '/surveys';
export const ADMIN_SURVEYS_PATH = '/admin/surveys';

/** What other modules may use: the open-days module links a post-event questionnaire by id. */
export interface SurveysApi {
  /** Whether a survey with this id exists (any state). */
  exists(id: number): Promise<boolean>;
  /** The public address of the survey's page. */
  publicHref(id: number): string;
  /** Newest public items for the 互动交流 hub: open surveys first, then closed ones (with results when published). */
  recentPublic(
    limit: number,
  ): Promise<{ title: string; href: string; date: string | null; note: string | null }[]>;
}

export interface Surveys extends SurveysApi {
  admin: SurveyAdminService;
  public: SurveyPublicService;
  repo: SurveyRepository;
}

export function createSurveys(r: Pick<Registry, 'db' | 'audit' | 'clock' | 'units' | 'config'>): Surveys {
  const repo = new SurveyRepository(r.db);
  const deps = { db: r.db, audit: r.audit, clock: r.clock, units: r.units, repo };
  const admin = new SurveyAdminService(deps);
  const pub = new SurveyPublicService(
    { ...deps, admin, formSecret: r.config.SESSION_SECRET },
    r.config.dataEncryptionKey,
  );
  const publicHref = (id: number) => `${SURVEYS_PATH}/${id}`;
  return {
    admin,
    public: pub,
    repo,
    exists: async (id) => Number.isInteger(id) && id > 0 && (await repo.find(id)) !== undefined,
    publicHref,
    recentPublic: async (limit) =>
      (await repo.listPublic(limit)).map((s) => ({
        title: s.title,
        href:
          s.state === 'closed' && s.results_published_at ? `${publicHref(s.id)}/results` : publicHref(s.id),
        date: s.opens_on,
        note:
          s.state === 'open'
            ? `进行中${s.closes_on ? `，${s.closes_on} 截止` : ''}`
            : s.results_published_at
              ? '已结束，结果已公布'
              : '已结束',
      })),
  };
}
