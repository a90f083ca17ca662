/** Case page: cases linked by 一事一申请 splits, and the form that splits a case (no JavaScript). */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Button, CsrfField, TextArea, TextField } from '../../../http/views/components.tsx';
import type { InfoRequestRow } from '../info-request.repository.ts';
import { itemField, SPLIT_FORM_ITEMS } from '../info-request-split.schema.ts';
import { type CaseLinks, splitVersion } from '../info-request-split.service.ts';

/** Parent and children of a case; children with the 查询码 the applicant needs to be told. */
export function LinkedCases({ links }: { links: CaseLinks }) {
  if (!links.parent && links.children.length === 0) return null;
  return (
    <>
      <h2 id="links">关联申请（一事一申请）</h2>
      {links.parent ? (
        <p>
          本申请由申请 <a href={`/admin/requests/${links.parent.id}`}>{links.parent.reference}</a>{' '}
          拆分而来，收到申请日期和答复期限的计算与原申请相同。
        </p>
      ) : null}
      {links.children.length ? (
        <table>
          <caption>由本申请拆分出的申请（请将受理编号和查询码告知申请人）</caption>
          <thead>
            <tr>
              <th scope="col">受理编号</th>
              <th scope="col">查询码</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {links.children.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/admin/requests/${c.id}`}>{c.reference}</a>
                </td>
                <td class="mono">{c.lookupCode}</td>
                <td>{c.stateLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** The values the split form starts with: item 1 = what the case asks for now. */
function splitFormValues(row: InfoRequestRow, children: number): Record<string, string> {
  return {
    version: splitVersion(row.updated_at, children),
    [itemField(1, 'Name')]: row.info_name ?? '',
    [itemField(1, 'DocNumber')]: row.info_doc_number ?? '',
    [itemField(1, 'Description')]: row.info_description ?? '',
  };
}

/** The split form: a fixed number of item fieldsets; empty ones are ignored. */
export function SplitForm({
  ctx,
  row,
  links,
  form,
}: {
  ctx: ViewContext;
  row: InfoRequestRow;
  links: CaseLinks;
  form: FormState;
}) {
  const fresh = splitFormValues(row, links.children.length);
  const values = form.problems.length ? form.values : { ...fresh, ...form.values };
  const f: FormState = { values, problems: form.problems };
  return (
    <>
      <h2 id="split">拆分申请（一事一申请）</h2>
      <p class="hint">
        一份申请包含多项互不相关的内容时，可按“一事一申请”拆分（国办函〔2020〕109号：按件计收时以一事一申请为单位）。第
        1
        项继续在本申请中办理，其余每项登记为一件新申请：另行编号并生成查询码，申请人、渠道和收到申请日期与本申请相同，答复期限不重新计算。每次最多拆分为
        {SPLIT_FORM_ITEMS} 项，未填写的项不拆分；需要更多项时可对拆分后的申请再次拆分。
      </p>
      <form method="post" action={`/admin/requests/${row.id}/split`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(values.version ?? '')} />
        {Array.from({ length: SPLIT_FORM_ITEMS }, (_, i) => i + 1).map((n) => (
          <fieldset key={n} class="group">
            <legend>{n === 1 ? '第 1 项（继续在本申请中办理）' : `第 ${n} 项（拆分为新申请）`}</legend>
            <TextField form={f} name={itemField(n, 'Name')} label={`第 ${n} 项：所需信息名称`} />
            <TextField form={f} name={itemField(n, 'DocNumber')} label={`第 ${n} 项：文号`} width="short" />
            <TextArea
              form={f}
              name={itemField(n, 'Description')}
              label={`第 ${n} 项：所需信息的描述`}
              rows={2}
            />
          </fieldset>
        ))}
        <Button kind="secondary">拆分申请</Button>
      </form>
    </>
  );
}
