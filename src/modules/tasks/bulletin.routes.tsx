/** The quarterly bulletin (HTML and .docx) and the year-end assessment with its weights. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Registry } from '../../platform/module.ts';
import { bulletinTitle } from './task-bulletin.ts';
import { buildBulletinDocx } from './task-bulletin-docx.ts';
import { officeUnitId } from './task-page-data.ts';
import { BULLETINS_PER_YEAR, bulletinQuarterOf } from './task-supervision.ts';
import { AssessmentPage, BulletinPage } from './views/bulletin-pages.tsx';
import { queryInt } from './views/task-ui.tsx';

/** The year and quarter asked for, defaulting to the current quarter in China (not UTC: before 08:00
 * China time the UTC date is still yesterday). */
function period(app: Registry, query: unknown) {
  const today = todayInShanghai(app.clock.now());
  const year = queryInt(query, 'year') ?? Number(today.slice(0, 4));
  const q = queryInt(query, 'quarter') ?? bulletinQuarterOf(today);
  return { year: Math.min(Math.max(year, 2000), 2100), quarter: Math.min(q, BULLETINS_PER_YEAR) };
}

export function registerBulletinRoutes(server: FastifyInstance, app: Registry): void {
  const x = app.tasks;
  const years = async (owner: number, year: number) =>
    [...new Set([year, ...(await app.tasks.repo.listPlans(owner)).map((p) => p.year)])].sort((a, b) => b - a);
  const owner = async (req: FastifyRequest) => {
    requirePermission(req, 'task.manage');
    const ctx = await viewContext(app, req);
    return { ctx, unitId: officeUnitId(req.ctx.actor, ctx.currentUnitId) };
  };

  const bulletinPage = async (req: FastifyRequest, form?: FormState) => {
    const { ctx, unitId } = await owner(req);
    const { year, quarter } = period(app, req.query);
    const doc = await x.bulletins.document(unitId, year, quarter);
    const publication = await x.bulletinPublication.publication(unitId, year, quarter);
    const { choices, suggested } = await x.bulletinPublication.columnChoices(unitId);
    return BulletinPage({
      ctx,
      doc,
      years: await years(unitId, year),
      publish: {
        publication,
        choices,
        form: form ?? emptyForm({ columnId: suggested ? String(suggested) : '' }),
      },
    });
  };

  server.get('/admin/tasks/bulletin', async (req, reply) => sendPage(reply, await bulletinPage(req)));

  // 发布通报: files an ended quarter's bulletin as a draft 通报; the publishing workflow takes it on.
  server.post('/admin/tasks/bulletin/publish', async (req, reply) => {
    const { unitId } = await owner(req);
    const { year, quarter } = period(app, req.query);
    return handleForm(
      reply,
      req.body,
      async () =>
        `/admin/documents/${await x.bulletinPublication.draft(req.ctx, unitId, year, quarter, req.body)}`,
      (form) => bulletinPage(req, form),
    );
  });

  server.get('/admin/tasks/bulletin.docx', async (req, reply) => {
    const { unitId } = await owner(req);
    const { year, quarter } = period(app, req.query);
    const doc = await x.bulletins.document(unitId, year, quarter);
    const fileName = `${bulletinTitle(doc.ownerName, year, quarter)}.docx`;
    return sendDownload(reply, { fileName, kind: 'docx', body: await buildBulletinDocx(doc) });
  });

  const assessmentPage = async (req: FastifyRequest, form?: FormState) => {
    const { ctx, unitId } = await owner(req);
    const { year } = period(app, req.query);
    const { weights, scores } = await x.assessment.yearScores(unitId, year);
    const values = Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, String(v)]));
    const saved = (req.query as Record<string, string>).done === 'saved';
    return AssessmentPage({
      ctx,
      year,
      years: await years(unitId, year),
      weights,
      scores,
      form: form ?? emptyForm(values),
      saved,
    });
  };

  server.get('/admin/tasks/assessment', async (req, reply) => sendPage(reply, await assessmentPage(req)));

  server.post('/admin/tasks/assessment', async (req, reply) => {
    const { unitId } = await owner(req);
    const { year } = period(app, req.query);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.assessment.setWeights(req.ctx, unitId, req.body);
        return `/admin/tasks/assessment?year=${year}&done=saved`;
      },
      (form) => assessmentPage(req, form),
    );
  });
}
