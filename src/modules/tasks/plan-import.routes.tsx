/** Importing a 工作要点 (政务公开管理员): source → draft to review and map names → confirm. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { deleteDraft, draftFrom, saveDraftSource } from './plan-import-drafts.ts';
import { DraftReviewPage, ImportFormPage } from './views/plan-import-pages.tsx';

type Fields = Record<string, string | string[]>;
const str = (f: Fields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');

/** The chosen mapping: mapName.i → map.i (a unit id), empty choices left out. */
function mappingOf(f: Fields): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(f)) {
    const m = /^mapName\.(\d+)$/.exec(k);
    const unit = m ? Number(str(f, `map.${m[1]}`)) : 0;
    if (m && typeof v === 'string' && Number.isInteger(unit) && unit > 0) out[v] = unit;
  }
  return out;
}

export function registerPlanImportRoutes(server: FastifyInstance, app: Registry): void {
  const dataDir = app.config.DATA_DIR;
  const manageable = async (req: FastifyRequest) => {
    const scopes = scopesFor(req.ctx.actor, 'task.manage');
    return (await app.units.listActive()).filter((u) => scopes.some((s) => u.path.startsWith(s)));
  };
  const formPage = async (req: FastifyRequest, form: FormState) => {
    const units = await manageable(req);
    const plans = (await Promise.all(units.map((u) => app.tasks.repo.listPlans(u.id)))).flat();
    return ImportFormPage({
      ctx: await viewContext(app, req),
      form,
      units: units.map((u) => ({ value: String(u.id), label: u.name })),
      plans: plans.map((p) => ({ value: String(p.id), label: `${p.year}年 ${p.title}` })),
    });
  };
  const reviewPage = async (req: FastifyRequest, f: Fields, problems: FieldProblem[] = []) => {
    const head = Object.fromEntries(
      ['unitId', 'year', 'title', 'source', 'implementsPlanId'].map((k) => [k, str(f, k)]),
    );
    const mapping = mappingOf(f);
    const asIds = Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, [v]]));
    const plain = await draftFrom(app.tasks.plans, req.ctx, dataDir, str(f, 'draft'), head);
    const draft = await draftFrom(app.tasks.plans, req.ctx, dataDir, str(f, 'draft'), head, asIds);
    const units = (await app.units.listSubtree((await app.units.get(draft.unitId)).path)).filter(
      (u) => u.active === 1,
    );
    return {
      draft,
      mapping,
      page: DraftReviewPage({
        ...{ ctx: await viewContext(app, req), draftName: str(f, 'draft'), head, draft, problems },
        ...{ toMap: plain.unmatched, mapping, unitNames: new Map(units.map((u) => [u.id, u.name])) },
        units: units.map((u) => ({ value: String(u.id), label: u.name })),
      }),
    };
  };

  server.get('/admin/tasks/plans/new', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const first = (await manageable(req))[0];
    const year = String(Number(app.clock.now().toISOString().slice(0, 4)));
    return sendPage(reply, await formPage(req, emptyForm({ unitId: String(first?.id ?? ''), year })));
  });

  server.post('/admin/tasks/plans/new', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const f = formFields(req.body);
    const files = await uploadedFiles(req.body, 'file');
    if (!str(f, 'source') && files[0]) f.source = files[0].fileName;
    return handleForm(
      reply,
      req.body,
      async () => (await reviewPage(req, { ...f, draft: await saveDraftSource(dataDir, f, files) })).page,
      (form) => formPage(req, form),
    );
  });

  server.post('/admin/tasks/plans/review', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const f = formFields(req.body);
    return handleForm(
      reply,
      req.body,
      async () => {
        const { draft, mapping, page } = await reviewPage(req, f);
        if (str(f, 'step') !== 'confirm') return page;
        const rememberAliases = Object.entries(mapping).map(([alias, unitId]) => ({ alias, unitId }));
        const { planId } = await app.tasks.plans.confirmImport(req.ctx, { ...draft, rememberAliases });
        await deleteDraft(dataDir, str(f, 'draft'));
        return `/admin/tasks?plan=${planId}&done=imported`;
      },
      async (form) =>
        (await reviewPage(req, f, form.problems).catch(() => null))?.page ?? formPage(req, form),
    );
  });
}
