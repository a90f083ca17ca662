/**
 * The figures no module holds, entered from a spreadsheet (issue 12 §1): the template of a unit's enterable
 * cells with their current values (…/values.xlsx), and the upload form (…/values/xlsx) that reads a filled
 * copy, lists every problem by row and column, and saves all values or none through
 * ReportService.enterValues with origin 'xlsx' (so each cell shows who loaded it and when).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { uploadedFiles } from '../../http/uploads.ts';
import type { FormState, ViewContext } from '../../http/view-context.ts';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, FileField } from '../../http/views/components.tsx';
import { AdminLayout } from '../../http/views/layouts.tsx';
import { AppError } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import { reportTitle } from './report.model.ts';
import { readValuesXlsx, VALUES_XLSX_MAX_BYTES, valuesTemplate } from './report-values-xlsx.ts';
import type { ReportsContext } from './reports.routes.tsx';
import { reportPath } from './views/report-editor.tsx';

/** The upload form, for the values page and the page of its problems. */
export function ValuesXlsxForm(p: { ctx: ViewContext; unitId: number; year: number; form?: FormState }) {
  const base = reportPath(p.unitId, p.year);
  return (
    <section aria-labelledby="values-xlsx">
      <h2 id="values-xlsx">从表格导入</h2>
      <p>
        先<a href={`${base}/values.xlsx`}>下载本单位可填写数字的模板</a>
        （含当前数字），在“数字”列填写后上传；留空表示清空该项。任何一行有误都不会保存。
      </p>
      <form method="post" action={`${base}/values/xlsx`} encType="multipart/form-data" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <FileField form={p.form} name="file" label="数字表格（.xlsx）" accept=".xlsx" />
        <Button kind="secondary">导入数字</Button>
      </form>
    </section>
  );
}

function ValuesXlsxPage(p: {
  ctx: ViewContext;
  unitId: number;
  unitName: string;
  year: number;
  form?: FormState;
}) {
  const title = reportTitle(p.unitName, p.year);
  const form = p.form ?? { values: {}, problems: [] };
  return (
    <AdminLayout ctx={p.ctx} title={`从表格导入数字 · ${title}`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: '/admin/reports', label: '年度报告' },
          { href: reportPath(p.unitId, p.year), label: title },
          { href: `${reportPath(p.unitId, p.year)}/values`, label: '填写数字' },
          { label: '从表格导入' },
        ]}
      />
      <h1>从表格导入本系统不掌握的数字</h1>
      <ErrorSummary problems={form.problems} />
      <ValuesXlsxForm ctx={p.ctx} unitId={p.unitId} year={p.year} form={form} />
    </AdminLayout>
  );
}

/** Problems of the service on other fields are shown on the file field (this page has no other). */
const onFile = (e: unknown): never => {
  if (e instanceof AppError && e.code === 'validation')
    throw AppError.validation(e.problems.map((p) => ({ field: 'file', message: p.message })));
  throw e;
};

export function registerValuesXlsxRoutes(server: FastifyInstance, app: ReportsContext): void {
  const svc = () => app.reports.reports;
  const params = (req: FastifyRequest) => {
    requirePermission(req, 'report.edit');
    const unitId = idParam(req.params, 'unitId');
    const year = idParam(req.params, 'year');
    if (unitId < 0) throw AppError.notFound('单位');
    return { unitId, year };
  };
  const page = async (req: FastifyRequest, form?: FormState) => {
    const { unitId, year } = params(req);
    const view = await svc().view(req.ctx, unitId, year);
    return ValuesXlsxPage({
      ctx: await viewContext(app, req),
      unitId,
      unitName: view.unit.name,
      year,
      ...(form ? { form } : {}),
    });
  };

  server.get('/admin/reports/units/:unitId/:year/values.xlsx', async (req, reply) => {
    const { unitId, year } = params(req);
    const view = await svc().view(req.ctx, unitId, year);
    const cells = await svc().enterableCells(view.unit, year);
    const title = `${reportTitle(view.unit.name, year)} · 本系统不掌握的数字`;
    const body = await valuesTemplate(title, cells, view.computed.figures, view.computed.sources);
    return sendDownload(reply, { fileName: `${view.unit.name}${year}年度报告数字.xlsx`, kind: 'xlsx', body });
  });

  server.get('/admin/reports/units/:unitId/:year/values/xlsx', async (req, reply) =>
    sendPage(reply, await page(req)),
  );

  server.post('/admin/reports/units/:unitId/:year/values/xlsx', async (req, reply) => {
    const { unitId, year } = params(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const [file] = await uploadedFiles(req.body, 'file');
        if (!file)
          throw AppError.validation([{ field: 'file', message: '数字表格：请选择要导入的 .xlsx 文件' }]);
        checkUpload('file', '数字表格', file.fileName, file.content, {
          allowed: ['xlsx'],
          maxBytes: VALUES_XLSX_MAX_BYTES,
        });
        const view = await svc().view(req.ctx, unitId, year);
        const sheet = await readValuesXlsx(file.content, await svc().enterableCells(view.unit, year));
        if (sheet.problems.length) throw AppError.validation(sheet.problems);
        await svc().enterValues(req.ctx, unitId, year, sheet.raw, 'xlsx').catch(onFile);
        return `${reportPath(unitId, year)}?done=values`;
      },
      (form) => page(req, form),
    );
  });
}
