/** Back-office routes of 政策解读: 新建解读 from a policy, the late and missing list, the settings page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requireUser, viewContext } from '../../http/request-context.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import { settingsFormValues } from '../../lib/settings/index.ts';
import type { RoutesContext } from '../../platform/module.ts';
import type { Policies } from './policies.services.ts';
import { isPolicyKind } from './policy.model.ts';
import { INTERPRETATION_SETTINGS } from './policy-settings.ts';
import {
  InterpretationSettingsPage,
  LateInterpretationsPage,
  NewInterpretationPage,
} from './views/interpretation-pages.tsx';

export function registerInterpretationRoutes(
  server: FastifyInstance,
  app: RoutesContext<'policies', Policies>,
): void {
  const svc = app.policies.interpretations;

  /** The policy of the URL, readable by the user (a content role on its unit) and of a policy kind. */
  const policyOf = async (req: FastifyRequest) => {
    requireUser(req);
    const doc = await app.publishing.documents.get(req.ctx, idParam(req.params, 'docId'));
    if (!isPolicyKind(doc.kind)) throw AppError.notFound('政策文件');
    return { id: doc.id, title: doc.title, docNumber: doc.doc_number, unitId: doc.unit_id };
  };
  const newPage = async (req: FastifyRequest, form?: FormState) => {
    const policy = await policyOf(req);
    const unit = await app.units.get(policy.unitId);
    const f =
      form ??
      emptyForm({ title: `《${policy.title}》政策解读`, issuers: unit.name, 'meta.byPrincipal': 'no' });
    return NewInterpretationPage({ ctx: await viewContext(app, req), policy, form: f });
  };

  server.get('/admin/policies/:docId/interpretations/new', async (req, reply) =>
    sendPage(reply, await newPage(req)),
  );

  server.post('/admin/policies/:docId/interpretations/new', async (req, reply) => {
    const policy = await policyOf(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const draft = await svc.createForPolicy(req.ctx, policy.id, pick(body));
        return `/admin/documents/${draft.id}`;
      },
      (form) => newPage(req, form),
    );
  });

  server.get('/admin/policies/interpretations', async (req, reply) => {
    requireUser(req);
    const rows = await svc.lateAndMissing(req.ctx);
    return sendPage(reply, LateInterpretationsPage({ ctx: await viewContext(app, req), rows }));
  });

  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    requireUser(req);
    if (!(await svc.maySetSettings(req.ctx))) throw AppError.forbidden();
    const values = await app.policies.deps.settings.readGroup(INTERPRETATION_SETTINGS);
    const f = form ?? emptyForm(settingsFormValues(INTERPRETATION_SETTINGS, values));
    const done = (req.query as Record<string, string>).done === '1';
    return InterpretationSettingsPage({ ctx: await viewContext(app, req), form: f, done });
  };

  server.get('/admin/policies/interpretation-settings', async (req, reply) =>
    sendPage(reply, await settingsPage(req)),
  );

  server.post('/admin/policies/interpretation-settings', async (req, reply) => {
    await settingsPage(req); // permission first
    return handleForm(
      reply,
      req.body,
      async () => {
        await svc.saveSettings(req.ctx, req.body);
        return '/admin/policies/interpretation-settings?done=1';
      },
      (form) => settingsPage(req, form),
    );
  });
}

/** The fields of the 新建解读 form (nothing else reaches the draft). */
const FIELDS = ['title', 'meta.form', 'meta.interpreter', 'meta.byPrincipal', 'issuers', 'bodyHtml'];
function pick(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(FIELDS.filter((f) => f in body).map((f) => [f, body[f]]));
}
