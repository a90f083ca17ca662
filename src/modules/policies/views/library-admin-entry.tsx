/**
 * A library entry (back office): its metadata, the state today with its certainty and since-date, the
 * history (cancelled events too, each with its source), the form recording an event, a cancel form per
 * event and the open 评估 task with its close form. Every form keeps what was typed when refused.
 */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { EntryHistoryRow, PolicyEvaluationRow } from '../library-admin.service.ts';
import {
  CERTAINTIES,
  CERTAINTY_LABELS,
  VALIDITY_EVENT_LABELS,
  VALIDITY_EVENTS,
  type ValidityEvent,
} from '../policy.model.ts';
import type { PolicyEntry } from '../policy-entry.repository.ts';
import type { DerivedValidity } from '../validity.ts';
import { certaintyLabel, kindLabel, stateLabel } from './library-admin-list.tsx';

const EXPIRY_SOURCE_TEXT: Record<string, string> = {
  metadata: '填写的有效期至',
  text: '文件正文',
  rule: '按本地规定推定',
  none: '未设有效期',
};

export interface EntryPageProps {
  ctx: ViewContext;
  entry: PolicyEntry;
  unitName: string;
  current: DerivedValidity;
  history: EntryHistoryRow[];
  evaluation: PolicyEvaluationRow | null;
  eventForm: FormState;
  /** The cancel form that was refused (its event id and state). */
  cancelForm?: { eventId: number; form: FormState };
  closeForm: FormState;
  done?: string | undefined;
}

const DONE: Record<string, string> = {
  recorded: '已记录有效性变化。',
  cancelled: '已撤销该记录。',
  closed: '评估任务已办结。',
};

function Source({ e }: { e: EntryHistoryRow }) {
  if (e.source_document_id)
    return (
      <>
        <a href={`/admin/documents/${e.source_document_id}`}>
          {e.source_db_title ?? e.source_title ?? `文件 ${e.source_document_id}`}
        </a>
        {e.source_doc_number ? `（${e.source_doc_number}）` : null}
      </>
    );
  if (e.source_title)
    return <>{`《${e.source_title}》${e.source_doc_number ? `（${e.source_doc_number}）` : ''}`}</>;
  return <>—</>;
}

function CancelForm({
  e,
  ctx,
  docId,
  refused,
}: {
  e: EntryHistoryRow;
  ctx: ViewContext;
  docId: number;
  refused?: FormState;
}) {
  const name = `reason-${e.id}`;
  const form = refused ?? { values: {}, problems: [] };
  return (
    <form
      method="post"
      action={`/admin/policies/${docId}/events/${e.id}/cancel`}
      class="inline-form"
      novalidate
    >
      <CsrfField token={ctx.csrfToken} />
      <TextField form={form} name={name} label="撤销理由" width="short" />
      <Button kind="warning">撤销此记录</Button>
    </form>
  );
}

export function LibraryEntryPage(p: EntryPageProps) {
  const e = p.entry;
  const problems = [...p.eventForm.problems, ...(p.cancelForm?.form.problems ?? []), ...p.closeForm.problems];
  const columns: TableColumn<EntryHistoryRow>[] = [
    { header: '发生日期', cell: (r) => r.occurs_on, class: 'mono' },
    { header: '事件', cell: (r) => VALIDITY_EVENT_LABELS[r.event_type as ValidityEvent] ?? r.event_type },
    { header: '依据文件', cell: (r) => <Source e={r} /> },
    { header: '可靠程度', cell: (r) => certaintyLabel(r.certainty) },
    { header: '说明', cell: (r) => r.note ?? '—' },
    {
      header: '记录状态',
      cell: (r) =>
        r.cancelled_at ? (
          <>已撤销（{r.cancel_reason}）</>
        ) : (
          <CancelForm
            e={r}
            ctx={p.ctx}
            docId={e.document_id}
            refused={p.cancelForm?.eventId === r.id ? p.cancelForm.form : undefined}
          />
        ),
    },
  ];
  const title = e.title;
  return (
    <AdminLayout ctx={p.ctx} title={problems.length ? `错误：${title}` : title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: '/admin/policies', label: '规范性文件库' },
          { label: title },
        ]}
      />
      <ErrorSummary problems={problems} />
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <h1>{title}</h1>
      <p>
        <a href={`/admin/documents/${e.document_id}`}>查看文件</a>
      </p>
      <SummaryList
        rows={[
          ['类型', kindLabel(e.kind)],
          ['制定单位', p.unitName],
          ['制定机关', e.issuers],
          ['发文字号', e.doc_number],
          ['统一登记号', e.registration_number],
          ['公布日期', e.published_on],
          ['施行日期', e.effective_on],
          [
            '有效期至',
            e.expires_on
              ? `${e.expires_on}（${EXPIRY_SOURCE_TEXT[e.expiry_source ?? 'none'] ?? ''}）`
              : '未设有效期',
          ],
          [
            '当前有效性',
            <>
              <strong>{stateLabel(p.current.state)}</strong>（{CERTAINTY_LABELS[p.current.certainty]}
              {p.current.since ? `，自 ${p.current.since} 起` : ''}）
            </>,
          ],
        ]}
      />

      <h2>有效性记录</h2>
      <DataTable
        caption="有效性变化记录（含已撤销的记录）"
        captionHidden
        columns={columns}
        rows={p.history}
        rowKey={(r) => r.id}
        empty="尚无有效性变化记录；当前有效性按施行日期和有效期推算。"
      />

      <h2 id="record">记录有效性变化</h2>
      <form method="post" action={`/admin/policies/${e.document_id}/events`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <SelectField
          form={p.eventForm}
          name="type"
          label="事件类型"
          required
          placeholder="请选择"
          options={VALIDITY_EVENTS.map((t) => ({ value: t, label: VALIDITY_EVENT_LABELS[t] }))}
        />
        <TextField
          form={p.eventForm}
          name="occursOn"
          label="发生日期"
          type="date"
          width="short"
          required
          hint="例如 2026-03-02"
        />
        <TextField
          form={p.eventForm}
          name="sourceDocumentId"
          label="依据文件编号"
          width="short"
          inputmode="numeric"
          hint="平台上已有的依据文件（如废止决定）的编号，见文件页地址；不在平台上的，填写下面的标题和文号"
        />
        <TextField form={p.eventForm} name="sourceTitle" label="依据文件标题" />
        <TextField
          form={p.eventForm}
          name="sourceDocNumber"
          label="依据文件文号"
          width="short"
          hint="只填文号时，平台上恰有一件该文号的已发布文件即自动关联"
        />
        <SelectField
          form={p.eventForm}
          name="certainty"
          label="可靠程度"
          options={CERTAINTIES.map((c) => ({ value: c, label: CERTAINTY_LABELS[c] }))}
        />
        <TextArea form={p.eventForm} name="note" label="说明" rows={3} />
        <Button>记录</Button>
      </form>

      <h2>有效期届满前评估</h2>
      {p.evaluation ? (
        <>
          <p>
            有效期至 {p.evaluation.expires_on}，评估任务于 {p.evaluation.raised_on} 发起，尚未办结。
          </p>
          <form
            method="post"
            action={`/admin/policies/${e.document_id}/evaluations/${p.evaluation.id}/close`}
            novalidate
          >
            <CsrfField token={p.ctx.csrfToken} />
            <TextArea
              form={p.closeForm}
              name="conclusion"
              label="评估结论"
              required
              rows={3}
              hint="例如：拟继续有效，启动修订；或：届满后自动失效，不再延续"
            />
            <Button>办结评估</Button>
          </form>
        </>
      ) : (
        <p>没有待办的评估任务。</p>
      )}
    </AdminLayout>
  );
}
