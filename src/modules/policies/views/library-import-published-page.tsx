/** Candidates among documents already published: what their text says, and a kind choice for each. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Notice } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { ReclassifyCandidate } from '../library-import-published.ts';
import { POLICY_KIND_LABELS, POLICY_KINDS } from '../policy.model.ts';

const said = (f: { excerpt: string } | null) => (f ? `“${f.excerpt}”` : '未见');

export function PublishedImportPage({
  ctx,
  unit,
  candidates,
  form,
  imported,
}: {
  ctx: ViewContext;
  unit: { id: number; name: string };
  candidates: ReclassifyCandidate[];
  form?: FormState;
  imported?: number;
}) {
  return (
    <AdminLayout ctx={ctx} title="从已发布信息导入文件库">
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: `/admin/policies/import?unit=${unit.id}`, label: '导入文件库' },
          { label: '从已发布信息导入' },
        ]}
      />
      <h1>从已发布信息导入 · {unit.name}</h1>
      <ErrorSummary problems={form?.problems ?? []} />
      {imported ? <Notice>已将 {imported} 件已发布信息收入文件库。</Notice> : null}
      <p class="lead">
        下列已发布的政府信息的标题、文号或正文看起来是规章或规范性文件。请逐件核对正文中读到的内容，选择类型后确认；未选择的不变。更改类型不影响已发布的内容和历史版本。
      </p>
      {candidates.length === 0 ? (
        <p>没有找到看起来是规章或规范性文件的已发布信息。</p>
      ) : (
        <form method="post" action="/admin/policies/import/published" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="unitId" value={String(unit.id)} />
          <div class="table-wrap">
            <table>
              <caption>候选信息（{candidates.length} 件）</caption>
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">文号</th>
                  <th scope="col">列出原因</th>
                  <th scope="col">正文所载</th>
                  <th scope="col">类型</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.id}>
                    <td>{c.title}</td>
                    <td>{c.docNumber ?? '—'}</td>
                    <td>{c.reasons.join('；')}</td>
                    <td>
                      <ul>
                        <li>登记号：{said(c.reading.registrationNumber)}</li>
                        <li>施行：{said(c.reading.effectiveOn ?? c.reading.effectiveAfterDays)}</li>
                        <li>有效期：{said(c.reading.expiresOn ?? c.reading.validityYears)}</li>
                        {c.reading.warnings.map((w) => (
                          <li key={w}>注意：{w}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <label for={`kind-${c.id}`} class="visually-hidden">
                        “{c.title}”的类型
                      </label>
                      <select class="select" id={`kind-${c.id}`} name={`kind.${c.id}`}>
                        <option value="">不导入</option>
                        {POLICY_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {POLICY_KIND_LABELS[k]}
                            {k === c.suggested ? '（建议）' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Button>确认导入所选信息</Button>
        </form>
      )}
    </AdminLayout>
  );
}
