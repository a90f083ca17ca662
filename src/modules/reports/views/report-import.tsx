/**
 * Importing a published report (issue 12 §6): upload a .docx / .html / .txt or paste the text, review what
 * the importer read — every number by its cell, what it could not read, where the prose disagrees — and
 * confirm. Nothing is written before the confirmation, and only the numbers the text held.
 */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { ParsedReport } from '../report.model.ts';
import { type CellKey, cellLabel } from '../report-values.ts';

const crumbs = (items: { href?: string; label: string }[]) => (
  <Breadcrumbs
    items={[{ href: '/admin', label: '管理首页' }, { href: '/admin/reports', label: '年度报告' }, ...items]}
  />
);

export function ImportUploadPage(p: {
  ctx: ViewContext;
  units: { id: number; name: string }[];
  form: FormState;
}) {
  return (
    <AdminLayout ctx={p.ctx} title="导入已发布的年度报告">
      {crumbs([{ label: '导入已发布的年度报告' }])}
      <h1>导入已发布的年度报告</h1>
      <p>
        本系统没有某一年度的记录时（例如启用本系统以前的年度），可以导入该年度已经发布的年度报告，取得表二、表三、表四的数字，用于核对下一年度报告的衔接。
        导入前会先显示读出的每一个数字和未能读出的内容，确认后才保存；读不出的数字不会被猜测。
      </p>
      <ErrorSummary problems={p.form.problems} />
      <form method="post" action="/admin/reports/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <SelectField
          form={p.form}
          name="unitId"
          label="单位"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <TextField
          form={p.form}
          name="year"
          label="报告年度"
          width="short"
          inputmode="numeric"
          hint="例如 2024；不填则按报告标题中的年度"
        />
        <FileField
          form={p.form}
          name="file"
          label="报告文件"
          accept=".docx,.html,.htm,.txt"
          hint="Word（.docx）、网页（.html）或文本（.txt），不超过 5 MB"
        />
        <TextArea
          form={p.form}
          name="text"
          label="或粘贴报告全文"
          rows={8}
          hint="从政府网站复制整篇报告（含表格）粘贴到这里"
        />
        <Button>读取</Button>
      </form>
    </AdminLayout>
  );
}

export function ImportPreviewPage(p: {
  ctx: ViewContext;
  importId: number;
  unitName: string;
  year: number;
  fileName: string;
  parsed: ParsedReport;
  cells: [CellKey, number][];
  skipped: number;
  locked: boolean;
  confirmed: boolean;
  form?: FormState;
}) {
  const prose = Object.entries(p.parsed.prose).filter(([, v]) => v !== null);
  const yearNote =
    p.parsed.year !== null && p.parsed.year !== p.year
      ? `注意：文件标题中的年度是 ${p.parsed.year} 年，导入为 ${p.year} 年的数字。`
      : null;
  return (
    <AdminLayout ctx={p.ctx} title={`导入预览 · ${p.unitName}${p.year}年`}>
      {crumbs([{ href: '/admin/reports/import', label: '导入已发布的年度报告' }, { label: '读取结果' }])}
      <h1>
        读取结果：{p.unitName}
        {p.year}年度报告
      </h1>
      {p.form ? <ErrorSummary problems={p.form.problems} /> : null}
      {p.confirmed ? <Notice>已确认导入。</Notice> : null}
      <SummaryList
        rows={[
          ['文件', p.fileName],
          ['读出的数字', `${p.cells.length} 个（将保存为导入的数字）`],
          ['本系统已有记录的数字', p.skipped ? `${p.skipped} 个（以本系统记录为准，不导入）` : '无'],
          ['未能读出或不一致', p.parsed.unreadable.length ? `${p.parsed.unreadable.length} 处` : '无'],
        ]}
      />
      {yearNote ? <Notice kind="warning">{yearNote}</Notice> : null}
      {p.parsed.unreadable.length ? (
        <div class="notice notice-warning" role="status">
          <h2>未能读出或与正文不一致</h2>
          <ul>
            {p.parsed.unreadable.map((u, i) => (
              <li key={i}>{u}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {prose.length ? (
        <>
          <h2>正文中的数字</h2>
          <SummaryList rows={prose.map(([k, v]) => [k, String(v)] as [string, string])} />
        </>
      ) : null}
      <h2>将导入的数字</h2>
      {p.cells.length ? (
        <div class="table-wrap">
          <table class="data-table">
            <caption>读出的数字（{p.cells.length} 个）</caption>
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col" class="num">
                  数字
                </th>
              </tr>
            </thead>
            <tbody>
              {p.cells.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{cellLabel(k)}</th>
                  <td class="num">{String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>没有可导入的数字。</p>
      )}
      {p.locked ? (
        <p>该年度报告已送审或已发布，不能再导入数字。</p>
      ) : !p.confirmed && p.cells.length ? (
        <ActionForm
          action={`/admin/reports/import/${p.importId}/confirm`}
          csrf={p.ctx.csrfToken}
          label={`确认导入这 ${p.cells.length} 个数字`}
          kind="primary"
        />
      ) : null}
    </AdminLayout>
  );
}
