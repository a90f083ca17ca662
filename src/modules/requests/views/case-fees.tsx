/** Case page: the processing fee (信息处理费) notices and payment. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { ActionForm, Button, CsrfField, TextField } from '../../../http/views/components.tsx';
import type { CaseView } from '../info-request-case-view.service.ts';
import { FEE_METHOD_LABELS, type FeeMethod, formatYuan } from '../processing-fee.ts';
import { RadioGroup } from './request-ui.tsx';

export function FeesSection({ ctx, v, form }: { ctx: ViewContext; v: CaseView; form: FormState }) {
  const unpaid = v.fees.find((f) => f.status === 'unpaid');
  const statusLabel: Record<string, string> = { unpaid: '待缴费', paid: '已缴费', lapsed: '逾期未缴' };
  return (
    <>
      <h2 id="fees">信息处理费</h2>
      {v.fees.length ? (
        <ul>
          {v.fees.map((f) => (
            <li key={f.id}>
              {FEE_METHOD_LABELS[f.method as FeeMethod]} {formatYuan(f.amount_fen)} 元，{f.notice_on}{' '}
              通知，缴费期限至 {f.pay_by}，{statusLabel[f.status]}
              {f.paid_on ? `（${f.paid_on}）` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>未收费。</p>
      )}
      {unpaid ? (
        <ActionForm
          action={`/admin/requests/${v.row.id}/fees/paid`}
          csrf={ctx.csrfToken}
          label="登记今日已缴费"
        />
      ) : (
        <form method="post" action={`/admin/requests/${v.row.id}/fees`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup
            form={form}
            name="method"
            legend="计收方式（国办函〔2020〕109号，同一申请只按一种方式）"
            options={[
              { value: 'per_application', label: '按件计收（按申请人本自然月的申请件数）' },
              { value: 'per_page', label: '按量计收（按页数）' },
            ]}
          />
          <TextField
            form={form}
            name="pages"
            label="页数（按量计收时填写）"
            width="short"
            inputmode="numeric"
          />
          <Button kind="secondary">生成收费通知</Button>
        </form>
      )}
    </>
  );
}
