/** Word import (one .docx → prefilled form) and bulk import (.zip + .xlsx → per-row report) pages. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { BULK_HEADINGS, type BulkImportResult, MAX_BULK_ROWS } from '../import/bulk-import.ts';

interface Base {
  ctx: ViewContext;
  unit: { id: number; name: string };
  form?: FormState;
}

const crumbs = (label: string, unitId: number) => (
  <Breadcrumbs
    items={[
      { href: '/admin', label: '工作台' },
      { href: `/admin/documents?unit=${unitId}`, label: '信息发布' },
      { label },
    ]}
  />
);

export function WordImportPage({ ctx, unit, form }: Base) {
  return (
    <AdminLayout ctx={ctx} title="从 Word 导入">
      {crumbs('从 Word 导入', unit.id)}
      <h1>从 Word 导入</h1>
      <ErrorSummary problems={form?.problems ?? []} />
      <p class="lead">
        上传 .docx
        文件，系统读取正文，并根据开头的标题、发文字号和文末的落款、日期推测标题、发文字号、成文日期和发文机关。下一步在信息表单中核对后保存为
        {unit.name}的草稿。
      </p>
      <form method="post" action="/admin/documents/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="unitId" value={String(unit.id)} />
        <FileField
          form={form}
          name="file"
          label="Word 文件"
          accept=".docx"
          required
          hint="仅支持 .docx，不超过 50 MB"
        />
        <Button>读取文件</Button>
      </form>
    </AdminLayout>
  );
}

export function BulkImportPage({ ctx, unit, form, result }: Base & { result?: BulkImportResult }) {
  const failed = result?.rows.filter((r) => r.problems.length).length ?? 0;
  return (
    <AdminLayout ctx={ctx} title="批量导入">
      {crumbs('批量导入', unit.id)}
      <h1>批量导入 · {unit.name}</h1>
      <ErrorSummary problems={form?.problems ?? []} />
      {result ? (
        result.imported ? (
          <Notice>
            导入完成：共 {result.rows.length} 行，已全部导入为草稿（{result.imported} 条）。
            <a href={`/admin/documents?unit=${unit.id}&state=draft`}>查看草稿</a>
          </Notice>
        ) : (
          <Notice kind="warning">
            未导入任何信息：共 {result.rows.length} 行，其中 {failed} 行有问题。请修改后重新上传全部文件。
          </Notice>
        )
      ) : null}
      {result ? (
        <div class="table-wrap">
          <table>
            <caption>逐行检查结果</caption>
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">文件名</th>
                <th scope="col">标题</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.fileName}</td>
                  <td>{r.title || '—'}</td>
                  <td>
                    {r.problems.length ? (
                      <ul>
                        {r.problems.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    ) : result.imported ? (
                      '已导入'
                    ) : (
                      '检查通过'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>上传文件</h2>
      <p>
        元数据表格（.xlsx）第 1 行为列名，每行对应压缩包中的一个 .docx 文件，一次最多 {MAX_BULK_ROWS}{' '}
        行。可用的列：
        {Object.keys(BULK_HEADINGS).join('、')}
        （“文件名”“标题”两列必须有）。栏目可填多个，用分号分隔；标题、发文字号、成文日期、发文机关留空时从文件中推测。所有行都检查通过才会导入，否则不导入任何一行。
      </p>
      <form method="post" action="/admin/documents/import-bulk" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="unitId" value={String(unit.id)} />
        <FileField
          form={form}
          name="archive"
          label="Word 文件压缩包"
          accept=".zip"
          required
          hint=".zip，内含 .docx 文件"
        />
        <FileField
          form={form}
          name="sheet"
          label="元数据表格"
          accept=".xlsx"
          required
          hint=".xlsx，每个文件一行"
        />
        <Button>检查并导入</Button>
      </form>
    </AdminLayout>
  );
}
