/** Word import (prefills the new-document form) and bulk import (.zip of .docx + .xlsx of metadata). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requirePermission, viewContext } from '../../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../../http/uploads.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { checkUpload, type FileKind } from '../../../lib/file-types.ts';
import { chosenUnit, formPage } from '../documents/admin-documents.routes.tsx';
import { MAX_ATTACHMENT_BYTES } from '../documents/document.service.ts';
import type { PublishingContext } from '../publishing.api.ts';
import { BulkImportPage, WordImportPage } from '../views/admin-import.tsx';
import { bulkImport } from './bulk-import.ts';
import { importWordDocument } from './word-import.ts';

/** The single file of `field`, checked by content; every problem is thrown at once by the caller. */
async function oneFile(
  body: unknown,
  field: string,
  label: string,
  kind: FileKind,
  problems: FieldProblem[],
) {
  const [file] = await uploadedFiles(body, field);
  if (!file) {
    problems.push({ field, message: `${label}：请选择 .${kind} 文件` });
    return null;
  }
  try {
    checkUpload(field, label, file.fileName, file.content, {
      allowed: [kind],
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    return file;
  } catch (e) {
    if (e instanceof AppError) problems.push(...e.problems);
    else throw e;
    return null;
  }
}

export function registerAdminImportRoutes(server: FastifyInstance, app: PublishingContext): void {
  const unitFor = async (req: FastifyRequest) => {
    const { unit } = await chosenUnit(app, req, Number(formFields(req.body).unitId) || undefined);
    requirePermission(req, 'content.draft', unit.path);
    return unit;
  };
  const wordPage = async (req: FastifyRequest, form?: FormState) =>
    WordImportPage({ ctx: await viewContext(app, req), unit: await unitFor(req), form });

  server.get('/admin/documents/import', async (req, reply) => sendPage(reply, await wordPage(req)));

  server.post('/admin/documents/import', async (req, reply) => {
    const unit = await unitFor(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const problems: FieldProblem[] = [];
        const file = await oneFile(req.body, 'file', 'Word 文件', 'docx', problems);
        if (!file) throw AppError.validation(problems);
        const word = await importWordDocument(file.content).catch(() => {
          throw AppError.validation([{ field: 'file', message: `Word 文件：“${file.fileName}”无法读取` }]);
        });
        const { title = '', docNumber = '', writtenOn = '' } = word.guess;
        const values = {
          title,
          docNumber,
          writtenOn,
          issuers: word.guess.issuers.join('\n'),
          bodyHtml: word.bodyHtml,
        };
        const form = emptyForm({ ...values, disclosureMode: 'proactive' });
        return formPage(app, req, unit.id, 'new', form, { importedFrom: file.fileName });
      },
      (form) => wordPage(req, form),
    );
  });

  const bulkPage = async (
    req: FastifyRequest,
    extra: Omit<Parameters<typeof BulkImportPage>[0], 'ctx' | 'unit'> = {},
  ) => BulkImportPage({ ctx: await viewContext(app, req), unit: await unitFor(req), ...extra });

  server.get('/admin/documents/import-bulk', async (req, reply) => sendPage(reply, await bulkPage(req)));

  server.post('/admin/documents/import-bulk', async (req, reply) => {
    const unit = await unitFor(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const problems: FieldProblem[] = [];
        const zip = await oneFile(req.body, 'archive', 'Word 文件压缩包', 'zip', problems);
        const xlsx = await oneFile(req.body, 'sheet', '元数据表格', 'xlsx', problems);
        if (!zip || !xlsx) throw AppError.validation(problems);
        const deps = {
          documents: app.publishing.documents,
          topics: await app.publishing.documentRepo.listTopics(),
          columns: await app.publishing.columns.listForUnit(unit.id),
        };
        const result = await bulkImport(req.ctx, deps, unit.id, { zip: zip.content, xlsx: xlsx.content });
        return bulkPage(req, { result });
      },
      (form) => bulkPage(req, { form }),
    );
  });
}
