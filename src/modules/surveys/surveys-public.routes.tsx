/** Public 在线调查 routes: the list, the questionnaire and its submission, the results. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { cookieOptions, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { abuseProblem, FORM_TOKEN_FIELD, withAbuseFields } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import { issueVoterToken, VOTER_COOKIE, VOTER_COOKIE_MAX_AGE_S, voterHash, voterId } from './survey-voter.ts';
import { SURVEYS_PATH, type Surveys } from './surveys.services.ts';
import { SurveyFormPage, SurveyListPage } from './views/survey-public-pages.tsx';
import { SurveyResultsPage } from './views/survey-results-page.tsx';

/** Submissions per IP and minute: a class filling in a survey together fits, a script does not. */
export const RESPONSES_PER_MINUTE = 10;

export function registerPublicSurveyRoutes(server: FastifyInstance, app: Registry, surveys: Surveys): void {
  const secret = app.config.SESSION_SECRET;
  const respondLimit = server.rateLimit({ max: RESPONSES_PER_MINUTE, timeWindow: 60_000 });
  const formState = (
    values: Record<string, unknown> = {},
    problems: FormState['problems'] = [],
  ): FormState => ({
    values: withAbuseFields(values, secret, app.clock.now().getTime()),
    problems,
  });

  /** The browser's voter token, set on first sight (httpOnly, a year). */
  const voterToken = (req: FastifyRequest, reply: FastifyReply): string => {
    const existing = req.cookies[VOTER_COOKIE];
    if (voterId(secret, existing)) return existing as string;
    const token = issueVoterToken(secret);
    reply.setCookie(VOTER_COOKIE, token, {
      ...cookieOptions(req, VOTER_COOKIE_MAX_AGE_S),
      path: SURVEYS_PATH,
    });
    return token;
  };

  const formPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, done = false) => {
    const id = idParam(req.params);
    const { survey, questions, accepting } = await surveys.public.get(id);
    const voter = voterId(secret, voterToken(req, reply));
    const responded = !!voter && (await surveys.repo.hasResponded(id, voterHash(secret, id, voter)));
    return SurveyFormPage({
      ctx: await viewContext(app, req),
      survey,
      questions,
      accepting,
      responded,
      done,
      form,
    });
  };

  server.get(SURVEYS_PATH, async (req, reply) =>
    sendPage(reply, SurveyListPage({ ctx: await viewContext(app, req), rows: await surveys.public.list() })),
  );

  server.get(`${SURVEYS_PATH}/:id`, async (req, reply) => {
    const done = (req.query as Record<string, string> | undefined)?.done === 'submitted';
    return sendPage(reply, await formPage(req, reply, formState(), done));
  });

  server.post(`${SURVEYS_PATH}/:id`, { preHandler: respondLimit }, async (req, reply) => {
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await surveys.public.respond(req.ctx, id, formFields(req.body), req.cookies[VOTER_COOKIE]);
        return `${SURVEYS_PATH}/${id}?done=submitted`;
      },
      (form) => {
        // a person correcting answers keeps the form's token (already past its fill time); a bad one is renewed
        const token = form.values[FORM_TOKEN_FIELD];
        const valid =
          abuseProblem(secret, { [FORM_TOKEN_FIELD]: token }, app.clock.now().getTime(), 0) === null;
        const values = { ...form.values, [FORM_TOKEN_FIELD]: valid ? token : undefined };
        return formPage(req, reply, formState(values, form.problems));
      },
    );
  });

  server.get(`${SURVEYS_PATH}/:id/results`, async (req, reply) => {
    const view = await surveys.public.results(req.ctx, idParam(req.params));
    return sendPage(reply, SurveyResultsPage({ ctx: await viewContext(app, req), view }));
  });
}
