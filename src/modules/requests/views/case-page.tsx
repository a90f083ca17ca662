/** Back office: one case — data, due date with its arithmetic, actions, letters, fees, 复议/诉讼, timeline. */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { MailStateView } from '../../../lib/mail/mail-outbox.ts';
import { describeMailState } from '../../../lib/mail/mail-state.ts';
import type { ClockStatus, DueDateExplanation } from '../info-request.clock.ts';
import {
  APPLICANT_KIND_LABELS,
  type ApplicantKind,
  CARRIER_LABELS,
  type Carrier,
  CHANNEL_INFO,
  type Channel,
  DECISIONS,
  DELIVERY_METHOD_LABELS,
  type Decision,
  type DeliveryMethod,
  ID_TYPE_LABELS,
  LETTER_TEMPLATES,
  type LetterTemplate,
  REPLY_TYPE_LABELS,
  REPORT_CATEGORY_LABELS,
  type ReplyType,
  type ReportCategory,
} from '../info-request.model.ts';
import type { InfoRequestRow, TimelineRow } from '../info-request.repository.ts';
import type { ApplicantData } from '../info-request.schemas.ts';
import { maskApplicant } from '../info-request.service.ts';
import { STATE_LABELS, type State } from '../info-request.workflow.ts';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
} from '../info-request-appeals.service.ts';
import type { AppealRow, FeeRow, LetterRow } from '../info-request-records.repository.ts';
import type { CaseLinks } from '../info-request-split.service.ts';
import { FEE_METHOD_LABELS, type FeeMethod, formatYuan } from '../processing-fee.ts';
import { type EventAvailability, EventForms } from './event-forms.tsx';
import { ClockTag, chinaDateTime, RadioGroup, RequestsStyles } from './request-ui.tsx';
import { LinkedCases, SplitForm } from './split-section.tsx';

export interface CaseView {
  row: InfoRequestRow;
  unit: Unit;
  applicant: ApplicantData;
  showApplicant: boolean;
  clock: DueDateExplanation | null;
  clockStatus: ClockStatus | null;
  timeline: TimelineRow[];
  letters: LetterRow[];
  /** The e-mail of each sent letter, by letter id (when mail is configured). */
  letterMails: Map<number, MailStateView>;
  suggestedLetters: LetterTemplate[];
  fees: FeeRow[];
  appeals: AppealRow[];
  files: { id: number; file_name: string; size: number }[];
  events: EventAvailability[];
  /** 一事一申请: parent and children of the case, and whether it may be split now. */
  links: CaseLinks;
  canSplit: boolean;
  units: Unit[];
  today: string;
}

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

function ApplicantSection({ v }: { v: CaseView }) {
  const a = v.showApplicant ? v.applicant : maskApplicant(v.applicant);
  const kind = v.row.applicant_kind as ApplicantKind;
  const category = `${APPLICANT_KIND_LABELS[kind]}（${REPORT_CATEGORY_LABELS[v.row.report_category as ReportCategory]}）`;
  if (v.row.applicant_erased_on) {
    return (
      <>
        <h2>申请人</h2>
        <p>
          <strong>申请人信息已按保存期限清除（{v.row.applicant_erased_on}）</strong>
        </p>
        <SummaryList rows={[['申请人类型', category]]} />
      </>
    );
  }
  return (
    <>
      <h2>申请人</h2>
      <p>
        {v.showApplicant ? (
          <a href={`/admin/requests/${v.row.id}`}>隐藏个人信息</a>
        ) : (
          <a href={`/admin/requests/${v.row.id}?show=1`}>显示完整个人信息（将记入审计日志）</a>
        )}
      </p>
      <SummaryList
        rows={[
          ['申请人类型', category],
          ['姓名或名称', a.name],
          ...(kind === 'citizen'
            ? ([
                ['证件', `${a.idType ? ID_TYPE_LABELS[a.idType] : ''} ${a.idNumber ?? ''}`],
                ['工作单位', a.workUnit],
              ] as [string, string | null][])
            : ([
                ['统一社会信用代码', a.creditCode],
                ['法定代表人', a.legalRepresentative],
                ['联系人', a.contactName],
              ] as [string, string | null][])),
          ['通信地址', a.address],
          ['邮政编码', a.postcode],
          ['联系电话', a.phone],
          ['电子邮箱', a.email],
          [
            '身份证明扫描件',
            v.files.length ? (
              <ul>
                {v.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/admin/requests/files/${f.id}`}>{f.file_name}</a>
                  </li>
                ))}
              </ul>
            ) : null,
          ],
        ]}
      />
    </>
  );
}

function LettersSection({ ctx, v, form }: { ctx: ViewContext; v: CaseView; form: FormState }) {
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

function FeesSection({ ctx, v, form }: { ctx: ViewContext; v: CaseView; form: FormState }) {
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

function AppealsSection({
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
