/**
 * One form per workflow event the engine offers on a case (info-request-case-view.service.ts); an
 * event that cannot run yet lists every reason instead.
 */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Button, CsrfField, SelectField, TextArea, TextField } from '../../../http/views/components.tsx';
import type { EventAvailability } from '../../../lib/workflow/definition.ts';
import {
  DECISION_GROUP_LABELS,
  DECISION_GROUPS,
  DECISIONS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  type Decision,
  REPLY_TYPE_LABELS,
  REPLY_TYPES,
} from '../info-request.model.ts';
import { EVENTS, type WorkflowEvent } from '../info-request.workflow.ts';

function DecisionSelect({ form }: { form: FormState }) {
  const current = String(form.values.decision ?? '');
  const keys = Object.keys(DECISIONS) as Decision[];
  return (
    <div class="field">
      <label for="f-decision">处理结果（按年度报告分类）</label>
      <select class="select" id="f-decision" name="decision">
        <option value="">请选择</option>
        {DECISION_GROUPS.map((g) => (
          <optgroup key={g} label={DECISION_GROUP_LABELS[g]}>
            {keys
              .filter(
                (k) =>
                  DECISIONS[k].group === g && k !== 'other_correction_overdue' && k !== 'other_fee_unpaid',
              )
              .map((k) => (
                <option key={k} value={k} selected={k === current}>
                  {DECISIONS[k].reportLabel}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function EventFields({
  event,
  form,
  units,
  today,
}: {
  event: WorkflowEvent;
  form: FormState;
  units: Unit[];
  today: string;
}) {
  const date = (name: string, label: string) => (
    <TextField
      form={withDefault(form, name, today)}
      name={name}
      label={label}
      width="short"
      hint="格式 YYYY-MM-DD"
    />
  );
  switch (event) {
    case 'confirm':
      return date('receivedOn', '双方确认收到申请之日');
    case 'receive_correction':
      return date('receivedOn', '收到补正之日');
    case 'request_correction':
      return (
        <TextField
          form={form}
          name="periodWorkingDays"
          label="补正期限（工作日）"
          width="short"
          inputmode="numeric"
          hint="自发出通知之日起计算，1–60 个工作日"
        />
      );
    case 'start_consultation':
      return (
        <>
          <SelectField
            form={form}
            name="partyKind"
            label="征求意见对象类型"
            placeholder="请选择"
            options={[
              { value: 'third_party', label: '第三方（条例第三十二条）' },
              { value: 'agency', label: '共同制作的行政机关（条例第三十四条，逾期未答复视为同意）' },
            ]}
          />
          <TextField form={form} name="partyName" label="征求意见对象" />
          {date('sentOn', '发函日期')}
        </>
      );
    case 'end_consultation':
      return (
        <TextField
          form={form}
          name="repliedOn"
          label="收到意见日期"
          width="short"
          hint="15 个工作日届满仍未收到意见的，留空"
        />
      );
    case 'extend':
      return (
        <>
          <TextField
            form={form}
            name="extensionWorkingDays"
            label="延长的工作日数"
            width="short"
            inputmode="numeric"
            hint="最长 20 个工作日，只能延长一次"
          />
          <TextArea form={form} name="reason" label="延期理由" rows={3} />
        </>
      );
    case 'draft_reply':
      return (
        <>
          <DecisionSelect form={form} />
          <SelectField
            form={form}
            name="replyType"
            label="答复类型（条例第三十六条至第三十九条）"
            placeholder="按处理结果默认"
            options={REPLY_TYPES.map((r) => ({ value: r, label: REPLY_TYPE_LABELS[r] }))}
          />
          <TextArea form={form} name="replySummary" label="答复要点" rows={4} hint="写入告知书的“答复要点”" />
        </>
      );
    case 'return_draft':
      return <TextArea form={form} name="reason" label="退回理由" rows={3} />;
    case 'answer':
      return (
        <>
          <SelectField
            form={form}
            name="deliveryMethod"
            label="送达方式"
            placeholder="请选择"
            options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))}
          />
          {date('answeredOn', '答复日期')}
        </>
      );
    case 'transfer':
      return (
        <SelectField
          form={form}
          name="targetUnitId"
          label="转办单位"
          placeholder="请选择"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
      );
    case 'mark_not_this_agency':
      return (
        <TextField
          form={form}
          name="responsibleAgency"
          label="负责公开该信息的行政机关"
          hint="写明机关名称，知道联系方式的一并写明"
        />
      );
    default:
      return null;
  }
}

function withDefault(form: FormState, name: string, value: string): FormState {
  return form.values[name] === undefined ? { ...form, values: { ...form.values, [name]: value } } : form;
}

export function EventForms({
  ctx,
  caseId,
  events,
  form,
  activeEvent,
  units,
  today,
}: {
  ctx: ViewContext;
  caseId: number;
  events: EventAvailability<WorkflowEvent>[];
  form: FormState;
  activeEvent?: string;
  units: Unit[];
  today: string;
}) {
  if (events.length === 0) return <p>本申请当前没有可以办理的操作。</p>;
  const empty: FormState = { values: {}, problems: [] };
  return (
    <>
      {events.map(({ event, reasons: problems }) => (
        <section class="event-form" key={event} aria-labelledby={`ev-${event}`}>
          <h3 id={`ev-${event}`}>{EVENTS[event].label}</h3>
          {problems.length ? (
            <>
              <p>暂不能办理，原因：</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : (
            <form method="post" action={`/admin/requests/${caseId}/events/${event}`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <EventFields
                event={event}
                form={activeEvent === event ? form : empty}
                units={units}
                today={today}
              />
              <Button kind={event === 'answer' ? 'primary' : 'secondary'}>{EVENTS[event].label}</Button>
            </form>
          )}
        </section>
      ))}
    </>
  );
}
