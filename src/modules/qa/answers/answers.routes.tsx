/**
 * Public routes of the 问答 box: GET /ask (the empty form is page-cached; a question is answered fresh),
 * POST /ask/send ("send to the unit": CSRF by the server, anti-abuse fields, per-IP limit) and the JSON
 * API GET /api/v1/answers (documented in /api/openapi.json).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../../http/forms.ts';
import { sendCached, servePublic } from '../../../http/public-cache.tsx';
import { sendPage } from '../../../http/render.ts';
import { viewContext } from '../../../http/request-context.ts';
import type { FormState } from '../../../http/view-context.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { withAbuseFields } from '../../../lib/form-abuse.ts';
import type { Registry } from '../../../platform/module.ts';
import { contributeOpenApi } from '../../publishing/api/api-openapi.ts';
import { ANSWER_MAX_LIMIT, type AnswerResult } from './answer.model.ts';
import { presentAnswer } from './answer.presenter.ts';
import { ANSWERS_OPENAPI } from './answers.openapi.ts';
import type { Answers } from './answers.services.ts';
import { AskPage, AskSentPage } from './views/ask-page.tsx';

/** Per-IP limits (house rule, like the letters forms): sending is a state change, asking is a read. */
export const ASK_SEND_MAX_PER_IP_PER_MINUTE = 5;
export const ASK_MAX_PER_IP_PER_MINUTE = 60;

type Ctx = Pick<Registry, 'config' | 'clock' | 'http' | 'units'> & { qa: { answers: Answers } };

const str = (q: unknown, name: string) => {
  const v = (q as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
};

/** The unit filter: empty, or an integer (the service checks it exists). */
function unitOf(raw: string): { unitId?: number; problem?: FieldProblem } {
  if (raw.trim() === '') return {};
  const n = Number(raw);
  return Number.isInteger(n) && n > 0
    ? { unitId: n }
    : { problem: { field: 'unit', message: '单位：请选择列表中的单位' } };
}

export function registerAnswerRoutes(server: FastifyInstance, app: Ctx): void {
  const box = app.qa.answers.box;
  const sendLimit = server.rateLimit({ max: ASK_SEND_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const askLimit = server.rateLimit({ max: ASK_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  contributeOpenApi(server, ANSWERS_OPENAPI);
  const units = async () =>
    (await app.units.activeUnits()).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
  const sendForm = (values: Record<string, unknown>, problems: FieldProblem[] = []): FormState => ({
    values: withAbuseFields(values, app.config.SESSION_SECRET, app.clock.now().getTime()),
    problems,
  });

  /** Answers the question of the request; a bad unit is a problem of the box, not an error page. */
  const answer = async (req: FastifyRequest) => {
    const query = {
      q: str(req.query, 'q'),
      unit: str(req.query, 'unit'),
      history: str(req.query, 'history') === '1',
    };
    const unit = unitOf(query.unit);
    if (unit.problem) return { query, result: null, problems: [unit.problem] };
    try {
      const result = await box.ask({ q: query.q, unitId: unit.unitId, includeHistory: query.history });
      return { query, result, problems: [] as FieldProblem[] };
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation')
        return { query, result: null, problems: e.problems };
      throw e;
    }
  };
  const needsSend = (r: AnswerResult | null) => r !== null && r.problem === null && !r.answered;

  server.get('/ask', { preHandler: askLimit }, async (req, reply) => {
    const render = async () => {
      const a = await answer(req);
      const send = needsSend(a.result)
        ? sendForm({ question: a.result?.question, unit: a.query.unit })
        : null;
      return AskPage({
        ctx: await viewContext(app, req),
        units: await units(),
        ...a,
        queryProblems: a.problems,
        send,
      });
    };
    // The empty form is the same for everybody: page-cached. A question is answered fresh (and its page
    // may hold the send form with a per-browser CSRF token).
    if (str(req.query, 'q') === '' && Object.keys(req.query as object).length === 0)
      return servePublic(app, req, reply, render);
    return sendPage(reply, await render());
  });

  server.post('/ask/send', { preHandler: sendLimit }, async (req, reply) => {
    const fields = (req.body ?? {}) as Record<string, unknown>;
    return handleForm(
      reply,
      req.body,
      async () => {
        const sent = await app.qa.answers.questions.send(req.ctx, fields);
        return AskSentPage({
          ctx: await viewContext(app, req),
          unitName: sent.unitName,
          withContact: sent.withContact,
        });
      },
      async (form) => {
        const q = String(form.values.question ?? '');
        const result = q.trim() === '' ? null : await box.ask({ q }).catch(() => null);
        return AskPage({
          ctx: await viewContext(app, req),
          units: await units(),
          query: { q, unit: '', history: false },
          result,
          send: sendForm(form.values, form.problems),
        });
      },
    );
  });

  server.get('/api/v1/answers', { preHandler: askLimit }, async (req, reply) => {
    const q = str(req.query, 'q');
    const unit = unitOf(str(req.query, 'unit'));
    if (unit.problem) throw AppError.validation([unit.problem], '查询条件有误');
    const limitRaw = str(req.query, 'limit');
    const limit = limitRaw === '' ? undefined : Number(limitRaw);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > ANSWER_MAX_LIMIT))
      throw AppError.validation(
        [{ field: 'limit', message: `limit：应为 1 到 ${ANSWER_MAX_LIMIT} 之间的整数` }],
        '查询条件有误',
      );
    const asOf = str(req.query, 'asOf') || undefined;
    const r = await box.ask({
      q,
      unitId: unit.unitId,
      limit,
      asOf,
      includeHistory: str(req.query, 'history') === '1',
    });
    if (r.problem) throw AppError.validation([{ field: 'q', message: `q：${r.problem}` }], r.problem);
    return sendCached(req, reply, JSON.stringify(presentAnswer(r)), 'application/json; charset=utf-8');
  });
}
