/** Case page: 行政复议 and 行政诉讼 records, and the forms that register and conclude them. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Button, CsrfField, SelectField, TextField } from '../../../http/views/components.tsx';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
} from '../info-request-appeals.service.ts';
import type { CaseView } from '../info-request-case-view.service.ts';

function ConcludeAppealForm({ ctx, id, form }: { ctx: ViewContext; id: number; form: FormState }) {
  return (
    <form method="post" action={`/admin/requests/appeals/${id}`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <SelectField
        form={form}
        name={`result-${id}`}
        label="审结结果"
        placeholder="请选择"
        options={(['upheld', 'corrected', 'other'] as const).map((k) => ({
          value: k,
          label: APPEAL_RESULT_LABELS[k],
        }))}
      />
      <TextField
        form={form}
        name={`concludedOn-${id}`}
        label="审结日期"
        width="short"
        hint="格式 YYYY-MM-DD"
      />
      <Button kind="secondary">{`登记审结（记录 ${id}）`}</Button>
    </form>
  );
}

export function AppealsSection({
  ctx,
  v,
  form,
  pickForm,
}: {
  ctx: ViewContext;
  v: CaseView;
  form: FormState;
  pickForm: (name: string) => FormState;
}) {
  return (
    <>
      <h2 id="appeals">行政复议、行政诉讼</h2>
      {v.appeals.length ? (
        <ul>
          {v.appeals.map((a) => (
            <li key={a.id}>
              {APPEAL_KIND_LABELS[a.kind as keyof typeof APPEAL_KIND_LABELS]}：{a.filed_on}，{a.body}，
              {APPEAL_RESULT_LABELS[a.result as keyof typeof APPEAL_RESULT_LABELS]}
              {a.concluded_on ? `（${a.concluded_on} 审结）` : ''}
              {a.result === 'pending' ? (
                <ConcludeAppealForm ctx={ctx} id={a.id} form={pickForm(`appeal-${a.id}`)} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>无。</p>
      )}
      <form method="post" action={`/admin/requests/${v.row.id}/appeals`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={form}
          name="kind"
          label="类型"
          placeholder="请选择"
          options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }))}
        />
        <TextField form={form} name="filedOn" label="申请或起诉日期" width="short" hint="格式 YYYY-MM-DD" />
        <TextField form={form} name="body" label="复议机关或人民法院" />
        <SelectField
          form={form}
          name="result"
          label="结果"
          options={APPEAL_RESULTS.map((k) => ({ value: k, label: APPEAL_RESULT_LABELS[k] }))}
        />
        <TextField form={form} name="concludedOn" label="审结日期（已审结的填写）" width="short" />
        <Button kind="secondary">登记</Button>
      </form>
    </>
  );
}
