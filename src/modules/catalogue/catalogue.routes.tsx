/** Routes of the catalogue: public page per unit, back-office editor, xlsx import/export. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { echoValues, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { uploadedFiles } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import type { Registry } from '../../platform/module.ts';
import { AdminCataloguePage, EditItemPage, PublicCataloguePage } from './views/catalogue-pages.tsx';

/** Catalogue spreadsheets are small; 5 MB leaves room for long texts. */
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function registerCatalogueRoutes(server: FastifyInstance, app: Registry): void {
  const catalogue = app.catalogue;
  const manageable = async (req: FastifyRequest) => {
    const scopes = scopesFor(req.ctx.actor, 'disclosure.manage');
    return (await app.units.activeUnits()).filter((u) => scopes.some((p) => u.path.startsWith(p)));
  };
  const adminPage = async (
    req: FastifyRequest,
    unitId: number,
    forms: { form?: FormState; importForm?: FormState } = {},
  ) => {
    const units = await manageable(req);
    const unit = units.find((u) => u.id === unitId) ?? units[0];
    if (!unit) throw AppError.forbidden();
    const { items } = await catalogue.list(unit.id);
    const done = (req.query as Record<string, string>).done;
    return AdminCataloguePage({
      ctx: await viewContext(app, req),
      unit,
      units,
      items,
      columns: await catalogue.columnsOf(unit.id),
      ...forms,
      done,
    });
  };

  server.get('/units/:id/catalogue', async (req, reply) => {
    const { unit, items } = await catalogue.list(idParam(req.params));
    return sendPage(reply, PublicCataloguePage({ ctx: await viewContext(app, req), unit, items }));
  });

  server.get('/admin/catalogue', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const wanted =
      Number((req.query as Record<string, string>).unit) || (await viewContext(app, req)).currentUnitId || 0;
    return sendPage(reply, await adminPage(req, wanted));
  });

  server.post('/admin/catalogue/:id/items', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const unitId = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await catalogue.addItem(req.ctx, unitId, req.body);
        return `/admin/catalogue?unit=${unitId}&done=added`;
      },
      (form) => adminPage(req, unitId, { form }),
    );
  });

  server.post('/admin/catalogue/:id/import', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const unitId = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        const [file] = await uploadedFiles(req.body, 'file');
        if (!file)
          throw AppError.validation([{ field: 'file', message: '目录文件：请选择要导入的 .xlsx 文件' }]);
        checkUpload('file', '目录文件', file.fileName, file.content, {
          allowed: ['xlsx'],
          maxBytes: IMPORT_MAX_BYTES,
        });
        await catalogue.importXlsx(req.ctx, unitId, file.content);
        return `/admin/catalogue?unit=${unitId}&done=imported`;
      },
      (importForm) => adminPage(req, unitId, { importForm }),
    );
  });

  server.get('/admin/catalogue/:id/export.xlsx', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const file = await catalogue.exportXlsx(idParam(req.params));
    return sendDownload(reply, { fileName: file.fileName, kind: 'xlsx', body: file.body });
  });

  const editPage = async (req: FastifyRequest, form?: FormState) => {
    const { unit, item } = await catalogue.getItem(idParam(req.params));
    requirePermission(req, 'disclosure.manage', unit.path);
    return EditItemPage({
      ctx: await viewContext(app, req),
      unit,
      item,
      columns: await catalogue.columnsOf(unit.id),
      form,
    });
  };

  server.get('/admin/catalogue/items/:id', async (req, reply) => sendPage(reply, await editPage(req)));

  server.post('/admin/catalogue/items/:id', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await catalogue.updateItem(req.ctx, id, req.body);
        return `/admin/catalogue?unit=${(await catalogue.getItem(id)).unit.id}&done=saved`;
      },
      (form) => editPage(req, { ...form, values: echoValues(req.body) }),
    );
  });

  server.post('/admin/catalogue/items/:id/retire', async (req, reply) => {
    requirePermission(req, 'disclosure.manage');
    const unitId = await catalogue.retireItem(req.ctx, idParam(req.params));
    return reply.redirect(`/admin/catalogue?unit=${unitId}&done=retired`, 303);
  });
}
