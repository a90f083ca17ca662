/** Public 依申请公开 routes: overview, 申请指南 and blank form, online application, status lookup. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { echoValues, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { AppError, HTTP_STATUS, isAppError } from '../../lib/errors.ts';
import { FORM_TOKEN_FIELD, withAbuseFields } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import type { RequestLimits } from './info-request.limits.ts';
import { applicationFormDocx } from './info-request-form.docx.ts';
import { letterDocx } from './info-request-letter.docx.ts';
import { requestExtras } from './requests.services.ts';
import { ApplyPage } from './views/apply-form.tsx';
import { GuidePage, RequestsHomePage, StatusPage, SubmittedPage } from './views/public-pages.tsx';
import { REQUESTS_CSS, REQUESTS_CSS_PATH } from './views/request-ui.tsx';

export function registerPublicRequestRoutes(
  server: FastifyInstance,
  app: Registry,
  limits: RequestLimits,
): void {
  const x = requestExtras(app);
  const applyLimit = server.rateLimit({ max: limits.applyPerMinute, timeWindow: 60_000 });
  const lookupLimit = server.rateLimit({ max: limits.lookupPerMinute, timeWindow: 60_000 });
  const activeUnit = async (req: FastifyRequest) => {
    const unit = await app.units.findById(idParam(req.params));
    if (!unit?.active) throw AppError.notFound('受理单位');
    return unit;
  };
  /** A fresh form: new idempotency key and fill-time token; a re-shown form keeps both. */
  const applyForm = (values: Record<string, unknown> = {}, problems: FormState['problems'] = []) =>
    ({
      values: withAbuseFields(
        { idempotencyKey: randomUUID(), ...values },
        app.config.SESSION_SECRET,
        app.clock.now().getTime(),
      ),
      problems,
    }) satisfies FormState;

  server.get(REQUESTS_CSS_PATH, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REQUESTS_CSS),
  );

  server.get('/requests', async (req, reply) => {
    const units = await app.units.activeUnits();
    return sendPage(reply, RequestsHomePage({ ctx: await viewContext(app, req), units }));
  });

  server.get('/requests/units/:id', async (req, reply) => {
    const s = await x.settings.forUnit((await activeUnit(req)).id);
    return sendPage(reply, GuidePage({ ctx: await viewContext(app, req), s }));
  });

  server.get('/requests/units/:id/form.docx', async (req, reply) => {
    const unit = await activeUnit(req);
    const body = await applicationFormDocx(unit.name);
    return sendDownload(reply, { fileName: `${unit.name}政府信息公开申请表.docx`, kind: 'docx', body });
  });

  server.get('/requests/units/:id/apply', async (req, reply) => {
    const unit = await activeUnit(req);
    return sendPage(reply, ApplyPage({ ctx: await viewContext(app, req), unit, form: applyForm() }));
  });

  server.post('/requests/units/:id/apply', { preHandler: applyLimit }, async (req, reply) => {
    const unit = await activeUnit(req);
    const scan = (await uploadedFiles(req.body, 'idScan'))[0];
    return handleForm(
      reply,
      req.body,
      async () => {
        const s = await x.publicForm.apply(req.ctx, unit.id, formFields(req.body), scan);
        return SubmittedPage({ ctx: await viewContext(app, req), unit, s });
      },
      async (form) => {
        const values = { ...form.values, [FORM_TOKEN_FIELD]: undefined };
        return ApplyPage({ ctx: await viewContext(app, req), unit, form: applyForm(values, form.problems) });
      },
    );
  });

  server.get('/requests/status', async (req, reply) =>
    sendPage(reply, StatusPage({ ctx: await viewContext(app, req), form: emptyForm() })),
  );

  server.post('/requests/status', { preHandler: lookupLimit }, async (req, reply) => {
    const f = formFields(req.body);
    const form = { values: echoValues(req.body), problems: [] } satisfies FormState;
    try {
      const status = await app.requests.service.lookupStatus(
        String(f.reference ?? ''),
        String(f.lookupCode ?? ''),
      );
      return sendPage(reply, StatusPage({ ctx: await viewContext(app, req), form, status }));
    } catch (e) {
      if (!isAppError(e) || e.code !== 'not_found') throw e;
      const problems = [{ field: 'reference', message: e.message }];
      return sendPage(
        reply,
        StatusPage({ ctx: await viewContext(app, req), form: { ...form, problems } }),
        // answered as a problem with what was typed, never as "not found" (no probing of references)
        HTTP_STATUS.validation,
      );
    }
  });

  server.post('/requests/status/letters/:id', { preHandler: lookupLimit }, async (req, reply) => {
    const f = formFields(req.body);
    const status = await app.requests.service.lookupStatus(
      String(f.reference ?? ''),
      String(f.lookupCode ?? ''),
    );
    const letter = status.letters.find((l) => l.id === idParam(req.params));
    if (!letter) throw AppError.notFound('文书');
    const body = await letterDocx(letter);
    return sendDownload(reply, { fileName: `${letter.title}（${letter.number}）.docx`, kind: 'docx', body });
  });
}
