/** Case page: the letters (文书) with their delivery and e-mail state, and the form that issues one. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { ActionForm, Button, CsrfField, SelectField } from '../../../http/views/components.tsx';
import type { MailStateView } from '../../../lib/mail/mail-outbox.ts';
import { describeMailState } from '../../../lib/mail/mail-state.ts';
import { LETTER_TEMPLATES } from '../info-request.model.ts';
import type { CaseView } from '../info-request-case-view.service.ts';

export function LettersSection({ ctx, v, form }: { ctx: ViewContext; v: CaseView; form: FormState }) {
  return (
    <>
      <h2 id="letters">文书</h2>
      {v.letters.length ? (
        <table>
          <caption class="visually-hidden">本申请的文书</caption>
          <thead>
            <tr>
              <th scope="col">文书</th>
              <th scope="col">编号</th>
              <th scope="col">出具日期</th>
              <th scope="col">送达</th>
            </tr>
          </thead>
          <tbody>
            {v.letters.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`/admin/requests/letters/${l.id}`}>{l.title}</a>（
                  <a href={`/admin/requests/letters/${l.id}/docx`}>Word</a>）
                </td>
                <td>{l.number}</td>
                <td>{l.issued_on}</td>
                <td>
                  {l.sent_on ?? (
                    <ActionForm
                      action={`/admin/requests/letters/${l.id}/sent`}
                      csrf={ctx.csrfToken}
                      label={`标记 ${l.number} 今日送达`}
                    />
                  )}
                  {v.letterMails.has(l.id) ? (
                    <p class="hint">{describeMailState(v.letterMails.get(l.id) as MailStateView)}</p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未生成文书。</p>
      )}
      <form method="post" action={`/admin/requests/${v.row.id}/letters`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={{ ...form, values: { letterKind: v.suggestedLetters[0], ...form.values } }}
          name="letterKind"
          label="生成文书"
          hint="按模板生成并编号；答复告知书在“答复”时随答复送达"
          options={v.suggestedLetters.map((k) => ({ value: k, label: LETTER_TEMPLATES[k] }))}
        />
        <Button kind="secondary">生成文书</Button>
      </form>
    </>
  );
}
