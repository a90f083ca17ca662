/** 栏目管理 (政务公开管理员): a unit's column tree, new 专题专栏, edit, move, deactivate/reactivate. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requirePermission, viewContext } from '../../../http/request-context.ts';
import { formFields } from '../../../http/uploads.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { scopesFor } from '../../../kernel/permissions.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import type { PublishingContext } from '../publishing.api.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { ColumnsPage, EditColumnPage } from '../views/admin-columns.tsx';

const valuesOf = (c: SiteColumn) => ({
  name: c.name,
  kind: c.kind,
  updateCycle: c.update_cycle,
  responsibleUnitId: String(c.responsible_unit_id),
  externalUrl: c.external_url ?? '',
  pageHtml: c.page_html ?? '',
  sortOrder: String(c.sort_order),
});

export function registerAdminColumnRoutes(server: FastifyInstance, app: PublishingContext): void {
  const { columns } = app.publishing;
  const manageable = async (req: FastifyRequest) => {
    const scopes = scopesFor(requirePermission(req, 'disclosure.manage'), 'disclosure.manage');
    return (await app.units.activeUnits()).filter((u) => scopes.some((p) => u.path.startsWith(p)));
  };
  const unitData = async (req: FastifyRequest, unitId: number) => {
    const all = await manageable(req);
    const unit = all.find((u) => u.id === unitId) ?? all[0];
    if (!unit) throw AppError.forbidden();
    const units = all.filter((u) => u.path.startsWith(unit.path));
    return {
      all,
      unit,
      units,
      columns: await columns.listForUnit(unit.id),
      ctx: await viewContext(app, req),
    };
  };
  const listPage = async (req: FastifyRequest, unitId: number, form?: FormState) => {
    const d = await unitData(req, unitId);
    const fresh = emptyForm({ kind: 'list', updateCycle: 'as_needed', responsibleUnitId: String(d.unit.id) });
    return ColumnsPage({ ...d, form: form ?? fresh, done: (req.query as Record<string, string>).done });
  };
  const editPage = async (
    req: FastifyRequest,
    id: number,
    forms: { form?: FormState; moveForm?: FormState; activeProblems?: FieldProblem[] } = {},
  ) => {
    const column = await columns.get(id);
    const d = await unitData(req, column.unit_id);
    if (d.unit.id !== column.unit_id) throw AppError.forbidden();
    const done = (req.query as Record<string, string>).done;
    return EditColumnPage({
      ...d,
      column,
      form: forms.form ?? emptyForm(valuesOf(column)),
      moveForm: forms.moveForm,
      activeProblems: forms.activeProblems,
      done,
    });
  };

  server.get('/admin/columns', async (req, reply) => {
    const wanted =
      Number((req.query as Record<string, string>).unit) || (await viewContext(app, req)).currentUnitId || 0;
    return sendPage(reply, await listPage(req, wanted));
  });

  server.post('/admin/columns/new', async (req, reply) => {
    const f = formFields(req.body);
    const unitId = Number(f.unitId);
    const parentId = Number(f.parentId) || null;
    return handleForm(
      reply,
      req.body,
      async () => {
        const col = await columns.createColumn(req.ctx, unitId, parentId, f);
        return `/admin/columns/${col.id}?done=created`;
      },
      (form) => listPage(req, unitId, form),
    );
  });

  server.get('/admin/columns/:id', async (req, reply) =>
    sendPage(reply, await editPage(req, idParam(req.params))),
  );

  server.post('/admin/columns/:id', async (req, reply) => {
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await columns.updateColumn(req.ctx, id, formFields(req.body));
        return `/admin/columns/${id}?done=saved`;
      },
      (form) => editPage(req, id, { form }),
    );
  });

  server.post('/admin/columns/:id/move', async (req, reply) => {
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await columns.moveColumn(req.ctx, id, Number(formFields(req.body).parentId) || null);
        return `/admin/columns/${id}?done=moved`;
      },
      (moveForm) => editPage(req, id, { moveForm }),
    );
  });

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    server.post(`/admin/columns/:id/${path}`, async (req, reply) => {
      const id = idParam(req.params);
      return handleForm(
        reply,
        req.body,
        async () => {
          await columns.setActive(req.ctx, id, active);
          return `/admin/columns/${id}?done=active`;
        },
        (form) =>
          editPage(req, id, { activeProblems: form.problems.map((p) => ({ ...p, field: 'active' })) }),
      );
    });
  }
}
