/** HTTP routes of the 问答库 template import/export and the 12345 exchange (qa.exchange). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import type { Qa } from './qa.services.ts';
import { TransferPage } from './views/qa-transfer-pages.tsx';

export function registerQaTransferRoutes(server: FastifyInstance, qa: Qa, app: Registry): void {
  const t = qa.transfer;
  const page = async (
    req: FastifyRequest,
    form: FormState = emptyForm(),
    extra: Partial<Parameters<typeof TransferPage>[0]> = {},
  ) => TransferPage({ ctx: await viewContext(app, req), form, ...extra });
  const file = async (req: FastifyRequest, field: string) => {
    const [f] = await uploadedFiles(req.body, field);
    if (!f) throw AppError.validation([{ field, message: '请选择要上传的文件' }]);
    return f;
  };

  server.get('/admin/qa/exchange', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    const done = (req.query as Record<string, string>).done;
    return sendPage(reply, await page(req, emptyForm(), { notice: done ? `已导入：${done}` : undefined }));
  });
  server.get('/admin/qa/export.xlsx', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    return sendDownload(reply, {
      fileName: '政策问答库.xlsx',
      kind: 'xlsx',
      body: await t.exportXlsx(req.ctx),
    });
  });
  server.post('/admin/qa/import', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    return handleForm(
      reply,
      req.body,
      async () => {
        const f = await file(req, 'file');
        return page(req, emptyForm(), { preview: await t.preview(req.ctx, f.fileName, f.content) });
      },
      (form) => page(req, form),
    );
  });
  server.post('/admin/qa/import/confirm', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    const f = formFields(req.body);
    return handleForm(
      reply,
      req.body,
      async () =>
        `/admin/qa/exchange?done=${encodeURIComponent(`${await t.confirm(req.ctx, String(f.token ?? ''), String(f.state ?? ''))} 条`)}`,
      (form) => page(req, form),
    );
  });
  server.get('/admin/qa/exchange.json', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    return sendDownload(reply, {
      fileName: '政策问答知识库.json',
      kind: 'xlsx',
      contentType: 'application/json; charset=utf-8',
      body: await t.exchangeJson(req.ctx),
    });
  });
  server.get('/admin/qa/exchange.xlsx', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    return sendDownload(reply, {
      fileName: '政策问答知识库.xlsx',
      kind: 'xlsx',
      body: await t.exchangeXlsx(req.ctx),
    });
  });
  server.post('/admin/qa/exchange/import', async (req, reply) => {
    requirePermission(req, 'qa.exchange');
    return handleForm(
      reply,
      req.body,
      async () => {
        const f = await file(req, 'exchangeFile');
        const r = await t.importExchange(req.ctx, f.fileName, f.content);
        return `/admin/qa/exchange?done=${encodeURIComponent(`新建 ${r.created} 条、更新 ${r.updated} 条（草稿）`)}`;
      },
      (form) => page(req, form),
    );
  });
}
