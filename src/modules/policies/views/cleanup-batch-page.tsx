/**
 * A 清理 batch: its range and state, the items table with one decisions form for every row (field names
 * `item.<docId>.decision` / `.reason`, errors per row, values kept), adding and removing documents,
 * submission, the reviewer's approve / return, and the link to the result document.
 */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { problemFor } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  fieldValue,
  Notice,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { CLEANUP_BATCH_STATE_LABELS } from '../cleanup.model.ts';
import type { CleanupItemView } from '../cleanup.repository.ts';
import type { CleanupBatch } from '../cleanup.service.ts';
import {
  CLEANUP_DECISION_LABELS,
  CLEANUP_DECISIONS,
  type CleanupDecision,
  VALIDITY_STATE_LABELS,
  type ValidityState,
} from '../policy.model.ts';
import { CLEANUPS_PATH, describeCriteria } from './cleanup-pages.tsx';

export interface CleanupBatchForms {
  decisions?: FormState;
  add?: FormState;
  review?: FormState;
  /** Problems of a one-button step (submit, approve, 其余继续有效, remove). */
  action?: FormState;
}

export interface CleanupBatchPageProps {
  ctx: ViewContext;
  batch: CleanupBatch;
  canManage: boolean;
  canReview: boolean;
  forms: CleanupBatchForms;
  done?: string;
}

const DONE: Record<string, string> = {
  created: '清理批次已建立。',
  saved: '清理结论已保存。',
  added: '文件已加入本批次。',
  removed: '文件已移出本批次。',
  kept: '其余文件已定为继续有效。',
  submitted: '已提交审核。',
  returned: '已退回修改。',
  approved: '已审核通过，清理结果文件草稿已生成。',
};

/** The decisions form's values from the stored items (first display). */
export function decisionValues(items: readonly CleanupItemView[]): Record<string, string> {
  const v: Record<string, string> = {};
  for (const i of items) {
    v[`item.${i.document_id}.decision`] = i.decision ?? '';
    v[`item.${i.document_id}.reason`] = i.reason ?? '';
  }
  return v;
}

function DecisionCells({ item, form }: { item: CleanupItemView; form: FormState }) {
  const name = `item.${item.document_id}.decision`;
  const reason = `item.${item.document_id}.reason`;
  const current = fieldValue(form, name);
  const errD = problemFor(form, name);
  const errR = problemFor(form, reason);
  return (
    <>
      <td class={errD ? 'field-error' : undefined}>
        <label class="visually-hidden" for={`f-${name}`}>
          《{item.title}》的清理结论
        </label>
        {errD ? (
          <p class="error-message" id={`e-${name}`}>
            <span class="visually-hidden">错误：</span>
            {errD}
          </p>
        ) : null}
        <select
          class="select"
          id={`f-${name}`}
          name={name}
          aria-invalid={errD ? 'true' : undefined}
          aria-describedby={errD ? `e-${name}` : undefined}
        >
          <option value="">未定</option>
          {CLEANUP_DECISIONS.map((d) => (
            <option key={d} value={d} selected={current === d}>
              {CLEANUP_DECISION_LABELS[d]}
            </option>
          ))}
        </select>
      </td>
      <td class={errR ? 'field-error' : undefined}>
        <label class="visually-hidden" for={`f-${reason}`}>
          《{item.title}》的清理理由
        </label>
        {errR ? (
          <p class="error-message" id={`e-${reason}`}>
            <span class="visually-hidden">错误：</span>
            {errR}
          </p>
        ) : null}
        <textarea
          class="textarea"
          id={`f-${reason}`}
          name={reason}
          rows={2}
          aria-invalid={errR ? 'true' : undefined}
          aria-describedby={errR ? `e-${reason}` : undefined}
        >
          {fieldValue(form, reason)}
        </textarea>
      </td>
    </>
  );
}

function ItemsTable({ p, editable }: { p: CleanupBatchPageProps; editable: boolean }) {
  const { batch } = p;
  const form = p.forms.decisions ?? { values: decisionValues(batch.items), problems: [] };
  const table = (
    <div class="table-wrap">
      <table>
        <caption>本批次的文件（共{batch.items.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">文件名称</th>
            <th scope="col">文号</th>
            <th scope="col">登记号</th>
            <th scope="col">公布日期</th>
            <th scope="col">当前有效性</th>
            <th scope="col">清理结论</th>
            <th scope="col">理由</th>
            {editable ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {batch.items.map((i, n) => (
            <tr key={i.document_id}>
              <td class="num">{n + 1}</td>
              <td>
                <a href={`/admin/documents/${i.document_id}`}>{i.title}</a>
                {i.unit_name !== batch.unitName ? <span class="hint">（{i.unit_name}）</span> : null}
              </td>
              <td>{i.doc_number ?? '—'}</td>
              <td class="mono">{i.registration_number ?? '—'}</td>
              <td>{i.published_on ?? '—'}</td>
              <td>{VALIDITY_STATE_LABELS[i.state as ValidityState] ?? i.state}</td>
              {editable ? (
                <DecisionCells item={i} form={form} />
              ) : (
                <>
                  <td>{i.decision ? CLEANUP_DECISION_LABELS[i.decision as CleanupDecision] : '未定'}</td>
                  <td>{i.reason ?? '—'}</td>
                </>
              )}
              {editable ? (
                <td>
                  <button
                    type="submit"
                    class="button button-secondary"
                    formaction={`${CLEANUPS_PATH}/${batch.row.id}/items/${i.document_id}/remove`}
                  >
                    移出<span class="visually-hidden">《{i.title}》</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!editable) return table;
  return (
    <form method="post" action={`${CLEANUPS_PATH}/${batch.row.id}/decisions`} novalidate>
      <CsrfField token={p.ctx.csrfToken} />
      <p class="hint">继续有效可不填理由；修改、废止、宣布失效须填写理由。清理结论可分次保存。</p>
      {table}
      <div class="form-actions">
        <Button>保存清理结论</Button>{' '}
        <button
          type="submit"
          class="button button-secondary"
          formaction={`${CLEANUPS_PATH}/${batch.row.id}/keep-rest`}
        >
          其余继续有效
        </button>
      </div>
    </form>
  );
}

function ReviewSection({ p }: { p: CleanupBatchPageProps }) {
  const id = p.batch.row.id;
  const form = p.forms.review ?? { values: {}, problems: [] };
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">审核</h2>
      <p>审核通过后生成清理结果文件草稿（含继续有效、废止、失效目录），按主动公开流程审核发布。</p>
      <ActionForm
        action={`${CLEANUPS_PATH}/${id}/approve`}
        csrf={p.ctx.csrfToken}
        label="审核通过，生成清理结果文件"
        kind="primary"
      />
      <form method="post" action={`${CLEANUPS_PATH}/${id}/return`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <TextArea form={form} name="note" label="退回意见" rows={3} hint="退回时必填" />
        <Button kind="warning">退回修改</Button>
      </form>
    </section>
  );
}

export function CleanupBatchPage(p: CleanupBatchPageProps) {
  const { batch } = p;
  const row = batch.row;
  const drafting = batch.state === 'drafting';
  const editable = drafting && p.canManage;
  const problems = [
    ...(p.forms.action?.problems ?? []),
    ...(p.forms.decisions?.problems ?? []),
    ...(p.forms.add?.problems ?? []),
    ...(p.forms.review?.problems ?? []),
  ];
  const result = row.result_document_id ? (
    <a href={`/admin/documents/${row.result_document_id}`}>清理结果文件</a>
  ) : null;
  return (
    <AdminLayout ctx={p.ctx} title={problems.length ? `错误：${row.title}` : row.title}>
      <Breadcrumbs items={[{ href: CLEANUPS_PATH, label: '文件清理' }, { label: row.title }]} />
      <ErrorSummary problems={problems} />
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <h1>{row.title}</h1>
      <SummaryList
        rows={[
          ['状态', CLEANUP_BATCH_STATE_LABELS[batch.state]],
          ['清理范围', describeCriteria(batch.criteria, batch.unitName)],
          ['清理依据', row.basis],
          ['清理结果', result],
          ['决定日期', row.decided_on],
        ]}
      />
      {drafting && row.review_note ? <Notice kind="warning">审核退回意见：{row.review_note}</Notice> : null}
      {batch.state === 'approved' ? (
        <Notice kind="info">
          清理结果文件草稿已生成：{result}
          。请在信息页面完成保密审查、审核和发布；发布时，废止和宣布失效记录将登记到各文件。
        </Notice>
      ) : null}
      <h2>清理结论</h2>
      <ItemsTable p={p} editable={editable} />
      {editable ? (
        <>
          <form method="post" action={`${CLEANUPS_PATH}/${row.id}/items`} novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <TextField
              form={p.forms.add}
              name="documentId"
              label="加入文件（信息编号）"
              width="short"
              hint="本单位或下级单位已发布的规章、规范性文件或政策文件"
            />
            <Button kind="secondary">加入</Button>
          </form>
          <h2>提交审核</h2>
          <p>全部文件填写清理结论后，提交本单位审核人审核。</p>
          <ActionForm
            action={`${CLEANUPS_PATH}/${row.id}/submit`}
            csrf={p.ctx.csrfToken}
            label="提交审核"
            kind="primary"
          />
        </>
      ) : null}
      {batch.state === 'in_review' && p.canReview ? <ReviewSection p={p} /> : null}
    </AdminLayout>
  );
}
