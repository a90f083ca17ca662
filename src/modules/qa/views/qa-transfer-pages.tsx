/** The 导入导出与12345交换 page: template export/import (with the preview) and the 12345 exchange. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  SelectField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { PreviewRow } from '../qa-transfer.service.ts';

export function TransferPage(p: {
  ctx: ViewContext;
  form: FormState;
  preview?: { rows: PreviewRow[]; problems: string[]; token: string | null } | undefined;
  notice?: string | undefined;
}) {
  const { form, preview } = p;
  const problems = [
    ...form.problems,
    ...(preview?.problems ?? []).map((message) => ({ field: 'file', message })),
  ];
  return (
    <AdminLayout ctx={p.ctx} title={problems.length ? '错误：导入导出与12345交换' : '导入导出与12345交换'}>
      <Breadcrumbs items={[{ href: '/admin/qa', label: '政策问答库' }, { label: '导入导出与12345交换' }]} />
      <ErrorSummary problems={problems.slice(0, 50)} />
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <h1>导入导出与12345交换</h1>
      <h2>问答库表格</h2>
      <p>
        <a href="/admin/qa/export.xlsx">导出问答库（.xlsx，含全部字段）</a>
        。导入使用同一模板；“依据”一栏每行一项：
        平台文件写“文号或标题|条款|摘录”，外部文件写“外部:名称|文号|条款|摘录”。导入的问答为草稿或待审核，不会直接发布。
      </p>
      {preview && !preview.problems.length ? (
        <>
          <DataTable
            caption={`预览：可导入 ${preview.rows.length} 条`}
            rows={preview.rows}
            rowKey={(r) => r.row}
            columns={[
              { header: '行', cell: (r) => r.row, numeric: true },
              { header: '问题', cell: (r) => r.question },
              { header: '单位', cell: (r) => r.unit },
              { header: '依据', cell: (r) => r.sources, numeric: true },
            ]}
          />
          <form method="post" action="/admin/qa/import/confirm" novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <input type="hidden" name="token" value={preview.token ?? ''} />
            <SelectField
              form={{ values: { state: 'draft' }, problems: [] }}
              name="state"
              label="导入后的状态"
              options={[
                { value: 'draft', label: '草稿' },
                { value: 'in_review', label: '待审核' },
              ]}
            />
            <Button>确认导入</Button>
          </form>
        </>
      ) : null}
      <form method="post" action="/admin/qa/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <FileField form={form} name="file" label="上传问答库表格（.xlsx，最大 5 MB）" accept=".xlsx" />
        <Button kind="secondary">上传并预览</Button>
      </form>
      <h2>12345热线知识库交换</h2>
      <p>
        导出已发布的问答：<a href="/admin/qa/exchange.json">JSON</a> ·{' '}
        <a href="/admin/qa/exchange.xlsx">表格</a>
        （字段按 GB/T 44191-2024，格式见开发文档
        docs/qa.md）。导入热线回传的文件：按“知识编号”对应，已有的问答更新为草稿（已发布的生成修订稿），
        其余新建为草稿，均须审核后发布。
      </p>
      <form method="post" action="/admin/qa/exchange/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <FileField
          form={form}
          name="exchangeFile"
          label="上传交换文件（.json 或 .xlsx）"
          accept=".json,.xlsx"
        />
        <Button kind="secondary">导入</Button>
      </form>
    </AdminLayout>
  );
}
