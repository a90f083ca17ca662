/**
 * The library's files (issue 11 §5): the download version of a published library document (.docx, PDF),
 * the 现行有效目录 (.xlsx), and the import of an existing library (xlsx; documents already published).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { sendPage } from '../../http/render.ts';
import { viewContext } from '../../http/request-context.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import { buildCatalogueXlsx } from './library-catalogue-xlsx.ts';
import { buildLibraryDocx, buildLibraryPdf, libraryDownload } from './library-download.ts';
import { isPolicyKind, type PolicyKind } from './policy.model.ts';
import { PdfFontMissingPage } from './views/library-import-font-missing.tsx';

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
}
