/** Small pieces shared by the back-office publishing pages. */
import type { FormState } from '../../../http/view-context.ts';
import { problemFor } from '../../../http/view-context.ts';
import { DOCUMENT_STATE_LABELS, type DocumentState } from '../document.workflow.ts';
import type { SiteColumn } from '../publishing.tables.ts';

export function StateTag({ state }: { state: string }) {
  const label = DOCUMENT_STATE_LABELS[state as DocumentState] ?? state;
  return (
    <span class={state === 'withdrawn' || state === 'withheld' ? 'tag tag-inactive' : 'tag'}>{label}</span>
  );
}

/** "上级 / 下级" names of every column, for labels that make sense out of the tree. */
export function columnPathNames(columns: readonly SiteColumn[]): Map<number, string> {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const out = new Map<number, string>();
  for (const c of columns) {
    const ids = c.path.split('/').filter(Boolean).map(Number);
    out.set(
      c.id,
      ids
        .map((id) => byId.get(id)?.name ?? '')
        .filter(Boolean)
        .join(' / '),
    );
  }
  return out;
}

/** A file input (optionally multiple) with label, hint and error, like the other fields. */
export function FileField(props: {
  form?: FormState<any>;
  name: string;
  label: string;
  hint?: string;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
}) {
  const { form, name, label, hint, accept, multiple, required } = props;
  const error = problemFor(form, name);
  const describedBy = [hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`f-${name}`}>
        {label}
        {required ? <span class="required">（必填）</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`h-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`e-${name}`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <input
        class="input input-full"
        id={`f-${name}`}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export const fmtTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
