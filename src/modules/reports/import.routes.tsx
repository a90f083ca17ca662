/**
 * /admin/reports/import: upload or paste a published report → what was read (nothing written but the
 * import's record) → confirm (the numbers, in one transaction). The file is checked by content and size.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formRejection, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import type { FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import { checkUpload, contentKinds, extensionOf, formatBytes } from '../../lib/file-types.ts';
import type { ReportsContext } from './reports.routes.tsx';
import { reportPath } from './views/report-editor.tsx';
import { ImportPreviewPage, ImportUploadPage } from './views/report-import.tsx';

/** Largest report file read (a county report with its tables is well under 1 MB as .docx or HTML). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const TEXT_EXTENSIONS = ['txt', 'html', 'htm'];

/** A text file in UTF-8 or GB18030 (many government pages still are), never binary. */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  for (const enc of ['utf-8', 'gb18030'])
    try {
      new TextDecoder(enc, { fatal: true }).decode(content);
      return true;
    } catch {}
  return false;
}

export function checkReportFile(fileName: string, content: Buffer): void {
  const ext = extensionOf(fileName);
  const fail = (message: string) => AppError.validation([{ field: 'file', message: `报告文件：${message}` }]);
  if (ext === 'docx') {
    checkUpload('file', '报告文件', fileName, content, { allowed: ['docx'], maxBytes: IMPORT_MAX_BYTES });
    return;
  }
  if (!TEXT_EXTENSIONS.includes(ext)) throw fail(`“${fileName}”的类型不受支持，仅支持 docx、html、txt`);
  if (content.length > IMPORT_MAX_BYTES)
    throw fail(`“${fileName}”超过大小上限 ${formatBytes(IMPORT_MAX_BYTES)}`);
  if (contentKinds(content).some((k) => k !== 'txt') || !isText(content))
    throw fail(`“${fileName}”的内容不是文本或网页，可能已损坏或被改名`);
}

export function registerReportImportRoutes(server: FastifyInstance, app: ReportsContext): void {
  const svc = () => app.reports.reports;
  const units = async (req: FastifyRequest) =>
    (await app.units.listActive()).filter((u) => can(req.ctx.actor, 'report.edit', u.path));

  const uploadPage = async (req: FastifyRequest, form?: FormState) => {
    requirePermission(req, 'report.edit');
    const q = (req.query ?? {}) as Record<string, string | undefined>;
    const list = await units(req);
    return ImportUploadPage({
      ctx: await viewContext(app, req),
      units: list,
      form: form ?? {
        values: {
          unitId: q.unit ?? String(req.ctx.actor.kind === 'user' ? req.ctx.actor.unitId : ''),
          year: q.year ?? '',
        },
        problems: [],
      },
    });
  };
  server.get('/admin/reports/import', async (req, reply) => sendPage(reply, await uploadPage(req)));

  server.post('/admin/reports/import', async (req, reply) => {
    requirePermission(req, 'report.edit');
    const fields = formFields(req.body);
    const values = {
      unitId: String(fields.unitId ?? ''),
      year: String(fields.year ?? ''),
      text: String(fields.text ?? ''),
    };
    try {
      const [file] = await uploadedFiles(req.body, 'file');
      const pasted = values.text.trim();
      if (!file && !pasted)
        throw AppError.validation([{ field: 'file', message: '报告文件：请选择文件，或在下方粘贴报告全文' }]);
      if (file) checkReportFile(file.fileName, file.content);
      const parsed = file
        ? await app.reports.parse(file.content, file.fileName)
        : await app.reports.parse(Buffer.from(pasted, 'utf8'), '粘贴的文本.txt');
      const asked = values.year.trim();
      const year = asked ? Number(asked) : parsed.year;
      if (!year || !Number.isInteger(year))
        throw AppError.validation([
          { field: 'year', message: '报告年度：文件中没有读出年度，请填写（例如 2024）' },
        ]);
      const unitId = Number(values.unitId);
      const id = await svc().readImport(req.ctx, unitId, year, parsed, file?.fileName ?? '粘贴的文本');
      return reply.redirect(`/admin/reports/import/${id}`, 303);
    } catch (e) {
      const rejected = formRejection(e);
      if (!rejected) throw e;
      return sendPage(reply, await uploadPage(req, { values, problems: rejected.problems }), rejected.status);
    }
  });

  const previewPage = async (req: FastifyRequest, form?: FormState) => {
    requirePermission(req, 'report.edit');
    const p = await svc().importPreview(req.ctx, idParam(req.params, 'id'));
    return ImportPreviewPage({
      ctx: await viewContext(app, req),
      importId: p.row.id,
      unitName: p.unit.name,
      year: p.row.year,
      fileName: p.row.file_name,
      parsed: p.parsed,
      cells: p.cells,
      skipped: p.skipped,
      locked: p.locked,
      confirmed: p.row.confirmed_at !== null,
      ...(form ? { form } : {}),
    });
  };
  server.get('/admin/reports/import/:id', async (req, reply) => sendPage(reply, await previewPage(req)));
  server.post('/admin/reports/import/:id/confirm', async (req, reply) => {
    requirePermission(req, 'report.edit');
    return handleForm(
      reply,
      req.body,
      async () => {
        const r = await svc().confirmImport(req.ctx, idParam(req.params, 'id'));
        const next = Math.min(r.year + 1, svc().latestYear());
        return `${reportPath(r.unitId, next)}?done=imported`;
      },
      (form) => previewPage(req, form),
    );
  });
}
