/** Public letter routes: the boxes, the form of a box, 找错, the query page with rating and follow-up. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { echoValues, formRejection, handleForm, idParam } from '../../http/forms.ts';
import { registerModuleStylesheet } from '../../http/kit/module-stylesheet.tsx';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import { withAbuseFields } from '../../lib/form-abuse.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { sitePathProblem } from './letter.schemas.ts';
import type { Letters } from './letters.services.ts';
import {
  LettersHomePage,
  QueryPage,
  ReceiptPage,
  ReportErrorPage,
  WritePage,
} from './views/letter-public.tsx';
import { LETTERS_CSS } from './views/letter-ui.tsx';

/** Per-IP limits of the public forms (house rule, like the 依申请公开 form's defaults). */
export const LETTER_FORM_MAX_PER_IP_PER_MINUTE = 10;
export const LETTER_LOOKUP_MAX_PER_IP_PER_MINUTE = 20;

type Ctx = RoutesContext<'letters', Letters>;

export function registerPublicLetterRoutes(server: FastifyInstance, app: Ctx): void {
  const L = app.letters;
  registerModuleStylesheet(server, LETTERS_CSS, new URL('./views/letters.css', import.meta.url));
  const formLimit = server.rateLimit({ max: LETTER_FORM_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const lookupLimit = server.rateLimit({ max: LETTER_LOOKUP_MAX_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  /** A fresh form: new idempotency key and fill-time token; a re-shown form keeps both. */
  const letterForm = (values: Record<string, unknown> = {}, problems: FormState['problems'] = []) =>
    ({
      values: withAbuseFields(
        { idempotencyKey: randomUUID(), ...values },
        app.config.SESSION_SECRET,
        app.clock.now().getTime(),
      ),
      problems,
    }) satisfies FormState;
  const activeBox = async (id: number, kind: 'mailbox' | 'site_error') => {
    const c = (await L.repo.channels({ activeOnly: true })).find((x) => x.id === id && x.kind === kind);
    if (!c) throw AppError.notFound('信箱');
    return c;
  };
  const errorBox = async () => {
    const c = (await L.repo.channels({ activeOnly: true })).find((x) => x.kind === 'site_error');
    if (!c) throw AppError.notFound('找错信箱');
    return c;
  };
  const submit = async (req: FastifyRequest, channelId: number) => {
    const files = await uploadedFiles(req.body, 'attachments');
    const fields = formFields(req.body);
    const receipt = await L.letters.submit(req.ctx, channelId, fields, files);
    const mailed = receipt.created && app.mail.enabled && String(fields.email ?? '').trim() !== '';
    return ReceiptPage({ ctx: await viewContext(app, req), receipt, mailed });
  };

  server.get('/letters', async (req, reply) => {
    const channels = await L.repo.channels({ activeOnly: true });
    return sendPage(reply, LettersHomePage({ ctx: await viewContext(app, req), channels }));
  });

  server.get('/letters/write/:id', async (req, reply) => {
    const channel = await activeBox(idParam(req.params), 'mailbox');
    return sendPage(reply, WritePage({ ctx: await viewContext(app, req), channel, form: letterForm() }));
  });

  server.post('/letters/write/:id', { preHandler: formLimit }, async (req, reply) => {
    const channel = await activeBox(idParam(req.params), 'mailbox');
    return handleForm(
      reply,
      req.body,
      () => submit(req, channel.id),
      async (form) =>
        WritePage({
          ctx: await viewContext(app, req),
          channel,
          form: letterForm(form.values, form.problems),
        }),
    );
  });

  server.get('/report-error', async (req, reply) => {
    const channel = await errorBox();
    const page = String((req.query as Record<string, unknown>).page ?? '');
    // Only a path of this site is prefilled; anything else leaves the field empty.
    const values = page && !sitePathProblem(page) ? { pageUrl: page } : {};
    return sendPage(
      reply,
      ReportErrorPage({ ctx: await viewContext(app, req), channel, form: letterForm(values) }),
    );
  });

  server.post('/report-error', { preHandler: formLimit }, async (req, reply) => {
    const channel = await errorBox();
    return handleForm(
      reply,
      req.body,
      () => submit(req, channel.id),
      async (form) =>
        ReportErrorPage({
          ctx: await viewContext(app, req),
          channel,
          form: letterForm(form.values, form.problems),
        }),
    );
  });

  server.get('/letters/query', async (req, reply) =>
    sendPage(reply, QueryPage({ ctx: await viewContext(app, req), form: emptyForm() })),
  );

  /** The writer's page for the typed 编号 + 查询码 (or the form again with the one message). */
  const showQuery = async (req: FastifyRequest, done?: string, form?: FormState) => {
    const f = formFields(req.body);
    const values = { reference: f.reference, lookupCode: f.lookupCode };
    const view = await L.views.forWriter(String(f.reference ?? ''), String(f.lookupCode ?? ''));
    return QueryPage({
      ctx: await viewContext(app, req),
      form: form ?? { values, problems: [] },
      view,
      ...(done ? { done } : {}),
    });
  };

  server.post('/letters/query', { preHandler: lookupLimit }, async (req, reply) =>
    handleForm(
      reply,
      req.body,
      () => showQuery(req),
      async (form) =>
        QueryPage({
          ctx: await viewContext(app, req),
          form: { ...form, values: { reference: form.values.reference, lookupCode: form.values.lookupCode } },
        }),
    ),
  );

  for (const [path, event, done] of [
    ['/letters/query/rate', 'rate', '感谢您的评价。'],
    ['/letters/query/follow-up', 'follow_up', '追问已提交，我们将尽快答复。'],
  ] as const) {
    server.post(path, { preHandler: lookupLimit }, async (req, reply) => {
      const f = formFields(req.body);
      try {
        await L.transitions.runAsWriter(
          req.ctx,
          String(f.reference ?? ''),
          String(f.lookupCode ?? ''),
          event,
          f,
        );
        return sendPage(reply, await showQuery(req, done));
      } catch (e) {
        const rejected = formRejection(e);
        if (!rejected) throw e;
        const form = { values: echoValues(req.body), problems: rejected.problems };
        try {
          return sendPage(reply, await showQuery(req, undefined, form), rejected.status);
        } catch {
          // A wrong 编号 / 查询码: the lookup form again with the one message.
          return sendPage(reply, QueryPage({ ctx: await viewContext(app, req), form }), rejected.status);
        }
      }
    });
  }
}
