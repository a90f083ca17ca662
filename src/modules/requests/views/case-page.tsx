/** Back office: one case — data, due date with its arithmetic, actions, letters, fees, 复议/诉讼, timeline. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, ErrorSummary, Notice, SummaryList } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  CARRIER_LABELS,
  type Carrier,
  CHANNEL_INFO,
  type Channel,
  DECISIONS,
  DELIVERY_METHOD_LABELS,
  type Decision,
  type DeliveryMethod,
  REPLY_TYPE_LABELS,
  type ReplyType,
} from '../info-request.model.ts';
import { STATE_LABELS, type State } from '../info-request.workflow.ts';
import type { CaseView } from '../info-request-case-view.service.ts';
import { AppealsSection } from './case-appeals.tsx';
import { ApplicantSection } from './case-applicant.tsx';
import { FeesSection } from './case-fees.tsx';
import { LettersSection } from './case-letters.tsx';
import { EventForms } from './event-forms.tsx';
import { ClockTag, chinaDateTime, RequestsStyles } from './request-ui.tsx';
import { LinkedCases, SplitForm } from './split-section.tsx';

export type { CaseView } from '../info-request-case-view.service.ts';

const DONE: Record<string, string> = {
  event: '已办理。',
  letter: '文书已生成。',
  sent: '文书已标记为送达。',
  fee: '收费通知已生成，请同时生成《收费通知书》。',
  paid: '已登记缴费。',
  appeal: '已登记。',
  split: '已按一事一申请拆分，新申请的受理编号和查询码见“关联申请”。',
};

export function CasePage({
  ctx,
  v,
  form,
  activeForm,
  done,
}: {
  ctx: ViewContext;
  v: CaseView;
  form: FormState;
  activeForm?: string;
  done?: string;
}) {
  const { row } = v;
  const pick = (name: string) => (activeForm === name ? form : { values: {}, problems: [] });
  return (
    <AdminLayout ctx={ctx} title={`申请 ${row.reference}`}>
      <RequestsStyles />
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: row.reference }]} />
      <h1>申请 {row.reference}</h1>
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      <ErrorSummary problems={form.problems} />
      <CaseSummary v={v} />
      <ClockSection v={v} />
      <LinkedCases links={v.links} />
      <ApplicantSection v={v} />
      <h2>办理</h2>
      <EventForms
        ctx={ctx}
        caseId={row.id}
        events={v.events}
        form={form}
        activeEvent={activeForm}
        units={v.units}
        today={v.today}
      />
      {v.canSplit ? <SplitForm ctx={ctx} row={row} links={v.links} form={pick('split')} /> : null}
      <LettersSection ctx={ctx} v={v} form={pick('letter')} />
      <FeesSection ctx={ctx} v={v} form={pick('fee')} />
      <AppealsSection ctx={ctx} v={v} form={pick('appeal')} pickForm={pick} />
      <h2>办理过程</h2>
      <ol>
        {v.timeline.map((t) => (
          <li key={t.id}>
            <time>{chinaDateTime(t.occurred_at)}</time>　{t.public_note}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}

function CaseSummary({ v }: { v: CaseView }) {
  const { row } = v;
  const decision = row.decision ? DECISIONS[row.decision as Decision] : null;
  return (
    <SummaryList
      rows={[
        ['受理单位', v.unit.name],
        ['状态', STATE_LABELS[row.state as State]],
        ['渠道', CHANNEL_INFO[row.channel as Channel].label],
        ['收到申请之日', row.received_on],
        [
          '答复期限',
          row.due_date ? (
            <>
              {row.due_date} <ClockTag status={v.clockStatus} />
            </>
          ) : null,
        ],
        ['所需信息', [row.info_name, row.info_doc_number, row.info_description].filter(Boolean).join('；')],
        [
          '获取方式 / 载体',
          `${DELIVERY_METHOD_LABELS[row.delivery_method as DeliveryMethod]} / ${CARRIER_LABELS[row.carrier as Carrier]}`,
        ],
        ['处理结果', decision ? `${decision.reportLabel}` : null],
        ['答复类型', row.reply_type ? REPLY_TYPE_LABELS[row.reply_type as ReplyType] : null],
        ['法制审核', row.review_passed_by ? '已通过' : row.state === 'legal_review' ? '审核中' : null],
        [
          '答复',
          row.answered_on
            ? `${row.answered_on}（${DELIVERY_METHOD_LABELS[row.answer_delivery as DeliveryMethod] ?? ''}）`
            : null,
        ],
        ['负责公开的机关', row.responsible_agency],
      ]}
    />
  );
}

function ClockSection({ v }: { v: CaseView }) {
  if (!v.clock) return null;
  return (
    <>
      <h2>答复期限的计算</h2>
      <ul>
        {v.clock.lines.map((l) => (
          <li key={l.text}>{l.text}</li>
        ))}
      </ul>
    </>
  );
}
