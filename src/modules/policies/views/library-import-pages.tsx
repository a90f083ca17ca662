/** Import of an existing library from an .xlsx: the upload page and the review page (nothing written yet). */
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
import {
  IMPORT_SOURCE,
  type ImportCells,
  type ImportPlan,
  LIBRARY_IMPORT_SHEET,
  MAX_IMPORT_ROWS,
  planStateLabel,
} from '../library-import.ts';
import { POLICY_KIND_LABELS, VALIDITY_EVENT_LABELS } from '../policy.model.ts';

interface Base {
  ctx: ViewContext;
  unit: { id: number; name: string };
  units: { id: number; name: string }[];
}

const crumbs = (label: string) => <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label }]} />;

const headers = LIBRARY_IMPORT_SHEET.columns
  .map((c) => `${c.header}${c.synonyms?.length ? `（或${c.synonyms.join('、')}）` : ''}`)
  .join('；');

export function LibraryImportPage({
  ctx,
  unit,
  units,
  form,
  imported,
}: Base & { form?: FormState; imported?: number }) {
  return (
    <AdminLayout ctx={ctx} title="导入文件库">
      {crumbs('导入文件库')}
      <h1>导入文件库</h1>
      <ErrorSummary problems={form?.problems ?? []} />
      {imported ? (
        <Notice>
          已导入 {imported} 件，均已发布并收入{unit.name}的文件库。
        </Notice>
      ) : null}
      <p class="lead">
        上传原有规章、规范性文件目录（.xlsx），系统按列名识别各列，逐行检查后先显示每行将成为什么（类型、日期、有效性），确认后才写入；有任何一行有误则不导入任何一行。一次最多{' '}
        {MAX_IMPORT_ROWS} 行。
      </p>
      <p>可识别的列：{headers}。“文件名称”和“类型”必须有。</p>
      <p>
        有效性为“废止”的须有废止日期，为“失效”的须有有效期至或失效日期；这些记录的依据注明为“{IMPORT_SOURCE}
        ”，可靠程度为推定，之后可补充废止文件。有效性为“有效”或空白的按“未见相反记录，推定有效”处理。
      </p>
      <form method="post" action="/admin/policies/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={form ?? { values: { unitId: String(unit.id) }, problems: [] }}
          name="unitId"
          label="导入到单位"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <FileField
          form={form}
          name="file"
          label="文件库表格"
          accept=".xlsx"
          required
          hint=".xlsx，第一张工作表"
        />
        <Button>检查表格</Button>
      </form>
      <h2>从已发布信息导入</h2>
      <p>
        平台上已作为“政府信息”发布的规章、规范性文件，可以{' '}
        <a href={`/admin/policies/import/published?unit=${unit.id}`}>逐件核对后收入文件库</a>。
      </p>
    </AdminLayout>
  );
}

export function LibraryImportReviewPage({
  ctx,
  unit,
  plan,
  carried,
}: Omit<Base, 'units'> & { plan: ImportPlan; carried: { row: number; cells: ImportCells }[] }) {
  const ok = plan.problems.length === 0;
  return (
    <AdminLayout ctx={ctx} title="核对导入内容">
      {crumbs('核对导入内容')}
      <h1>核对导入内容 · {unit.name}</h1>
      {ok ? (
        <Notice kind="info">
          共 {plan.rows.length} 行，检查通过。尚未写入任何内容：请核对每行将成为什么，确认后一次全部导入。
        </Notice>
      ) : (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>表格有误，未导入任何内容</h2>
          <ul>
            {plan.problems.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>
            <a href={`/admin/policies/import?unit=${unit.id}`}>修改后重新上传</a>
          </p>
        </div>
      )}
      <div class="table-wrap">
        <table>
          <caption>每行将成为</caption>
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">文件名称</th>
              <th scope="col">类型</th>
              <th scope="col">文号</th>
              <th scope="col">公布日期</th>
              <th scope="col">施行日期</th>
              <th scope="col">有效期至</th>
              <th scope="col">有效性记录</th>
              <th scope="col">平台确定的有效性</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((p) => (
              <tr key={p.row}>
                <td>{p.row}</td>
                <td>{p.title}</td>
                <td>{POLICY_KIND_LABELS[p.kind]}</td>
                <td>{p.docNumber ?? '—'}</td>
                <td>{p.publishedOn ?? '—'}</td>
                <td>{p.effectiveOn ?? '—'}</td>
                <td>{p.expiresOn ?? '—'}</td>
                <td>
                  {p.event
                    ? `${p.event.occursOn} ${VALIDITY_EVENT_LABELS[p.event.type]}（依据：${IMPORT_SOURCE}，推定）`
                    : '无'}
                </td>
                <td>{planStateLabel(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ok ? (
        <form method="post" action="/admin/policies/import/confirm" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="unitId" value={String(unit.id)} />
          <input type="hidden" name="rows" value={JSON.stringify(carried)} />
          <Button>确认导入 {plan.rows.length} 件</Button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
