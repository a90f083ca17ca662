/**
 * The library's files (issue 11 §5): the download version of a published library document (.docx, PDF),
 * the 现行有效目录 (.xlsx), and the import of an existing library (xlsx; documents already published).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { buildCatalogueXlsx } from './library-catalogue-xlsx.ts';
import { buildLibraryDocx, buildLibraryPdf, libraryDownload } from './library-download.ts';
import { isPolicyKind, type PolicyKind } from './policy.model.ts';
import { PdfFontMissingPage } from './views/library-files-pdf-unavailable.tsx';
import { LibraryImportPage, LibraryImportReviewPage } from './views/library-import-pages.tsx';
import { PublishedImportPage } from './views/library-import-published-page.tsx';

/** Public routes of this part (manifest publicRoutes). */
export const LIBRARY_FILES_PUBLIC_ROUTES = [
  { pattern: /^\/library\/documents\/\d+\.(?:docx|pdf)$/ },
  { pattern: /^\/library\/catalogue\.xlsx$/ },
] as const;

const documentId = (req: FastifyRequest) => {
  const id = Number((req.params as { id?: string }).id);
  if (!Number.isSafeInteger(id) || id < 1) throw AppError.notFound('文件');
  return id;
};

function catalogueQuery(query: unknown): { unitId: number | null; kind: PolicyKind | undefined } {
  const q = (query ?? {}) as Record<string, string | undefined>;
  const unit = q.unit?.trim() ?? '';
  const kind = q.kind?.trim() ?? '';
  const problems = [];
  if (unit && !/^\d+$/.test(unit)) problems.push({ field: 'unit', message: `单位“${unit}”应为单位编号` });
  if (kind && !isPolicyKind(kind))
    problems.push({
      field: 'kind',
      message: `文件类型“${kind}”应为 regulation（规章）、normative（行政规范性文件）或 policy（其他政策文件）`,
    });
  if (problems.length) throw AppError.validation(problems, problems.map((p) => p.message).join('；'));
  return { unitId: unit ? Number(unit) : null, kind: isPolicyKind(kind) ? kind : undefined };
}

export function registerLibraryFilesRoutes(server: FastifyInstance, app: Registry): void {
  const p = app.policies;
  const today = () => todayInShanghai(app.clock.now());
  const download = (req: FastifyRequest) =>
    libraryDownload({ publishing: app.publishing, ledger: p.ledger }, documentId(req), today());

  server.get('/library/documents/:id.docx', async (req, reply) => {
    const d = await download(req);
    return sendDownload(reply, {
      fileName: `${d.baseName}.docx`,
      kind: 'docx',
      body: await buildLibraryDocx(d),
    });
  });

  server.get('/library/documents/:id.pdf', async (req, reply) => {
    const d = await download(req);
    const font = p.pdfFont();
    if (!font) {
      const page = PdfFontMissingPage({
        ctx: await viewContext(app, req),
        title: d.title,
        docxHref: `/library/documents/${d.id}.docx`,
      });
      return sendPage(reply, page, 503);
    }
    return sendDownload(reply, {
      fileName: `${d.baseName}.pdf`,
      kind: 'pdf',
      body: await buildLibraryPdf(d, font),
    });
  });

  server.get('/library/catalogue.xlsx', async (req, reply) => {
    const { unitId, kind } = catalogueQuery(req.query);
    const root = unitId ?? (await app.units.listAll()).find((u) => u.parent_id === null)?.id;
    if (root === undefined || !(await app.units.findById(root))) throw AppError.notFound('单位');
    const file = await buildCatalogueXlsx(
      { units: app.units, files: p.libraryFiles, ledger: p.ledger },
      root,
      kind,
      today(),
    );
    return sendDownload(reply, { ...file, kind: 'xlsx' });
  });
  registerLibraryImportRoutes(server, app);
}

/** /admin/policies/import: upload → review (nothing written) → confirm (one transaction). */
function registerLibraryImportRoutes(server: FastifyInstance, app: Registry): void {
  const imports = app.policies.libraryImport;
  /** The unit chosen (query or form), defaulting to the actor's own; 导入 needs policy.manage on it. */
  const unitFor = async (req: FastifyRequest) => {
    const actor = requirePermission(req, 'policy.manage');
    const q = (req.query ?? {}) as Record<string, string | undefined>;
    const chosen = Number(formFields(req.body).unitId ?? q.unit) || actor.unitId;
    const unit = await app.units.findById(chosen);
    if (!unit) throw AppError.notFound('单位');
    requirePermission(req, 'policy.manage', unit.path);
    return unit;
  };
  const uploadPage = async (req: FastifyRequest, form?: FormState, imported?: number) => {
    const unit = await unitFor(req);
    const ctx = await viewContext(app, req);
    const units = (await app.units.listActive()).filter((u) => can(req.ctx.actor, 'policy.manage', u.path));
    return LibraryImportPage({
      ctx,
      unit,
      units,
      ...(form ? { form } : {}),
      ...(imported ? { imported } : {}),
    });
  };

  server.get('/admin/policies/import', async (req, reply) => {
    const imported = Number((req.query as Record<string, string>).imported) || undefined;
    return sendPage(reply, await uploadPage(req, undefined, imported));
  });

  server.post('/admin/policies/import', async (req, reply) => {
    const unit = await unitFor(req);
    const refuse = async (problems: FieldProblem[]) =>
      sendPage(reply, await uploadPage(req, { values: { unitId: String(unit.id) }, problems }), 422);
    const [file] = await uploadedFiles(req.body, 'file');
    if (!file) return refuse([{ field: 'file', message: '文件库表格：请选择 .xlsx 文件' }]);
    const { plan, carried } = await imports.review(req.ctx, unit.id, file.content);
    // Row problems are shown on the review page itself, next to what the other rows would become.
    const page = LibraryImportReviewPage({ ctx: await viewContext(app, req), unit, plan, carried });
    return sendPage(reply, page, plan.problems.length ? 422 : 200);
  });

  server.post('/admin/policies/import/confirm', async (req, reply) => {
    const unit = await unitFor(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const ids = await imports.confirm(req.ctx, unit.id, formFields(req.body).rows);
        return `/admin/policies/import?unit=${unit.id}&imported=${ids.length}`;
      },
      (form) => uploadPage(req, form),
    );
  });

  const publishedPage = async (req: FastifyRequest, form?: FormState, imported?: number) => {
    const unit = await unitFor(req);
    const candidates = await app.policies.publishedImport.candidates(req.ctx, unit.id);
    return PublishedImportPage({
      ctx: await viewContext(app, req),
      unit,
      candidates,
      ...(form ? { form } : {}),
      ...(imported ? { imported } : {}),
    });
  };

  server.get('/admin/policies/import/published', async (req, reply) => {
    const imported = Number((req.query as Record<string, string>).imported) || undefined;
    return sendPage(reply, await publishedPage(req, undefined, imported));
  });

  server.post('/admin/policies/import/published', async (req, reply) => {
    const unit = await unitFor(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const fields = formFields(req.body);
        const choices = Object.fromEntries(
          Object.entries(fields)
            .filter(([k]) => k.startsWith('kind.'))
            .map(([k, v]) => [k.slice(5), String(v)]),
        );
        const n = await app.policies.publishedImport.confirm(req.ctx, unit.id, choices);
        return `/admin/policies/import/published?unit=${unit.id}&imported=${n}`;
      },
      (form) => publishedPage(req, form),
    );
  });
}
