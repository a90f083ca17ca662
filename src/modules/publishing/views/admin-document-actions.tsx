/**
 * One form per workflow action on the back-office document page. An action the state allows but the
 * actor may not take (or the checks block) is listed with every reason it is unavailable.
 */
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { Button, CsrfField, SelectField, TextArea, TextField } from '../../../http/views/components.tsx';
import {
  CONFIDENTIALITY_CONCLUSION_LABELS,
  CONFIDENTIALITY_CONCLUSIONS,
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  WITHHOLDING_GROUND_LABELS,
  WITHHOLDING_GROUNDS,
} from '../documents/document.model.ts';
import { ValidityFieldset } from './admin-document-form.tsx';

/** The action groups of the page (a group may cover several workflow events). */
export type ActionKey =
  | 'edit'
  | 'submit'
  | 'review'
  | 'return'
  | 'approve'
  | 'unschedule'
  | 'force'
  | 'withdraw'
  | 'validity'
  | 'correct'
  | 'delete';

const ACTION_LABELS: Record<ActionKey, string> = {
  edit: '修改草稿',
  submit: '提交审查',
  review: '保密审查',
  return: '退回修改',
  approve: '审核',
  unschedule: '取消定时发布',
  force: '强制发布',
  withdraw: '撤回',
  validity: '变更有效性',
  correct: '更正',
  delete: '删除草稿',
};

export interface ActionState {
  key: ActionKey;
  /** Empty = the actor may take it now. */
  problems: string[];
}

interface Props {
  docId: number;
  csrf: string;
  actions: ActionState[];
  /** The form that failed, shown again with its values and problems. */
  failed?: { key: ActionKey; form: FormState };
  /** Forms shown with values (变更有效性 starts from the current marks). */
  forms?: Partial<Record<ActionKey, FormState>>;
}

const grounds = WITHHOLDING_GROUNDS.map((g) => ({ value: g, label: WITHHOLDING_GROUND_LABELS[g] }));

function Body({ a, docId, csrf, form }: { a: ActionState; docId: number; csrf: string; form?: FormState }) {
  const post = (
    children: preact.ComponentChildren,
    label: string,
    kind: 'primary' | 'secondary' | 'warning' = 'primary',
  ) => (
    <form method="post" action={`/admin/documents/${docId}/${a.key}`}>
      <CsrfField token={csrf} />
      {children}
      <Button kind={kind}>{label}</Button>
    </form>
  );
  switch (a.key) {
    case 'edit':
      return <a href={`/admin/documents/${docId}/edit`}>修改草稿内容和附件</a>;
    case 'correct':
      return (
        <a href={`/admin/documents/${docId}/correct`}>更正已发布信息（保留原版本，公开页显示更正说明）</a>
      );
    case 'submit':
      return post(null, '提交保密审查');
    case 'unschedule':
      return post(null, '取消定时发布', 'secondary');
    case 'delete':
      return post(<p class="hint">只能删除从未发布过的草稿，删除后不可恢复。</p>, '删除草稿', 'warning');
    case 'review':
      return post(
        <>
          <SelectField
            form={form}
            name="conclusion"
            label="审查结论"
            options={CONFIDENTIALITY_CONCLUSIONS.map((c) => ({
              value: c,
              label: CONFIDENTIALITY_CONCLUSION_LABELS[c],
            }))}
          />
          <SelectField
            form={form}
            name="ground"
            label="不予公开依据"
            hint="结论为“不予公开”时必选"
            placeholder="（不适用）"
            options={grounds}
          />
          <TextArea
            form={form}
            name="note"
            label="审查意见"
            rows={3}
            hint="结论为“删除涉密或隐私内容后公开”时写明须删除的内容"
          />
        </>,
        '提交审查结论',
      );
    case 'return':
      return post(
        <TextArea form={form} name="returnReason" label="退回理由" rows={3} required />,
        '退回修改',
        'secondary',
      );
    case 'approve':
      return post(
        <TextField
          form={form}
          name="scheduledAt"
          label="定时发布时间"
          type="datetime-local"
          width="short"
          hint="留空则立即发布；填写则到时自动发布（北京时间）"
        />,
        '审核通过',
      );
    case 'force':
      return post(
        <TextArea
          form={form}
          name="forceReason"
          label="强制发布理由"
          rows={3}
          required
          hint="理由将记录在审查记录和审计日志中"
        />,
        '强制发布',
        'warning',
      );
    case 'validity':
      return post(
        <>
          <p class="hint">
            例如文件被新文件废止时标注“废止”并填写废止日期。变更后公开页面显示新的有效性，原版本保留在历史版本中。
          </p>
          <ValidityFieldset form={form ?? emptyForm()} />
          <TextArea
            form={form}
            name="note"
            label="变更说明"
            rows={2}
            hint="选填，例如废止该文件的新文件名称和文号；记入审计日志"
          />
        </>,
        '保存有效性',
      );
    case 'withdraw':
      return post(
        <>
          <SelectField
            form={form}
            name="reason"
            label="撤回原因"
            options={WITHDRAWAL_REASONS.map((r) => ({ value: r, label: WITHDRAWAL_REASON_LABELS[r] }))}
          />
          <TextArea
            form={form}
            name="withdrawNote"
            label="撤回说明"
            rows={3}
            hint="原因为“其他”时必填；将显示在公开页面的已撤回提示中"
          />
        </>,
        '撤回',
        'warning',
      );
  }
}

export function DocumentActions({ docId, csrf, actions, failed, forms }: Props) {
  if (!actions.length) return <p>当前状态下没有可进行的操作。</p>;
  return (
    <>
      {actions.map((a) => (
        <section
          key={a.key}
          class="card"
          id={`f-action-${a.key}`}
          tabindex={-1}
          aria-labelledby={`h-action-${a.key}`}
        >
          <h3 id={`h-action-${a.key}`}>{ACTION_LABELS[a.key]}</h3>
          {a.problems.length ? (
            <>
              <p>暂不能{ACTION_LABELS[a.key]}，原因：</p>
              <ul>
                {a.problems.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : (
            <Body
              a={a}
              docId={docId}
              csrf={csrf}
              form={failed?.key === a.key ? failed.form : forms?.[a.key]}
            />
          )}
        </section>
      ))}
    </>
  );
}
