/** Manifest of 在线调查 (surveys, issue 13 item 3): questionnaires, one response per person, results, export. */
import { defineModule } from '../../platform/module.ts';
import { seedDemoSurveys } from './survey-demo.ts';
import { SURVEY_ACTIONS } from './surveys.actions.ts';
import { ADMIN_SURVEYS_PATH, createSurveys, type Surveys } from './surveys.services.ts';
import { registerAdminSurveyRoutes } from './surveys-admin.routes.tsx';
import { registerPublicSurveyRoutes } from './surveys-public.routes.tsx';

declare module '../../platform/module.ts' {
  interface ModuleApis {
    surveys: Surveys;
  }
}

/** The daily job's id (opens and closes surveys by their dates). */
export const SURVEY_DAILY_JOB = 'surveys.open-close';

export const surveysModule = defineModule({
  name: 'surveys',
  label: '在线调查',
  needs: ['units'],
  build: (r) => createSurveys(r),
  provides: ['surveys'],
  expose: (surveys) => ({ surveys }),
  actions: SURVEY_ACTIONS,
  routes: (server, surveys, r) => {
    registerPublicSurveyRoutes(server, r, surveys);
    registerAdminSurveyRoutes(server, r, surveys);
  },
  jobs: (surveys) => [
    {
      kind: 'daily',
      id: SURVEY_DAILY_JOB,
      description: '在线调查：按开始日期开始、按截止日期结束调查',
      run: (day) => surveys.admin.runDaily(day),
    },
  ],
  publicRoutes: [{ pattern: /^\/surveys(?:\/\d+(?:\/results)?)?$/, sitemap: [{ path: '/surveys' }] }],
  menu: [{ area: 'interaction', href: ADMIN_SURVEYS_PATH, label: '在线调查', action: 'survey.manage' }],
  seed: { part: 'surveys', order: 60, run: (_self, r) => seedDemoSurveys(r) },
});
