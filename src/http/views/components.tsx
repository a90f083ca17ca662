/** Form and page building blocks in the GOV.UK Design System manner: labels, hints, error summaries. */
import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../../lib/errors.ts';
import { type FormState, problemFor } from '../view-context.ts';

/** The error summary at the top of a rejected form; each problem links to its field. */
export function ErrorSummary({ problems }: { problems: FieldProblem[] }) {
  if (!problems.length) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      id="error-summary"
    >
      <h2 id="error-summary-title">提交未成功，请修改以下 {problems.length} 处问题</h2>
      <ul>
        {problems.map((p) => (
          <li key={p.field + p.message}>
            <a href={`#f-${p.field}`}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({
  children,
  kind = 'success',
}: {
  children: ComponentChildren;
  kind?: 'success' | 'warning' | 'info';
}) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children}
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

interface FieldProps {
  form?: FormState<any>;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldShell({
  form,
  name,
  label,
  hint,
  required,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const error = problemFor(form, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`f-${name}`}>
        {label}
        {required ? <span class="required">（必填）</span> : null}
      </label>
      <HintAndError name={name} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A field's hint (`h-<name>`) and error message (`e-<name>`), the targets of its aria-describedby. */
export function HintAndError({
  name,
  hint,
  error,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
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
    </>
  );
}

/** The ids of a field's hint and error message, for aria-describedby. */
export function describedBy(
  form: FormState<any> | undefined,
  name: string,
  hint?: string,
): string | undefined {
  const ids = [hint ? `h-${name}` : '', problemFor(form, name) ? `e-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What the form shows in a field: the value kept from the submission, as text. */
export function fieldValue(form: FormState<any> | undefined, name: string): string {
  const v = form?.values[name];
  return v === undefined || v === null ? '' : String(v);
}

export function TextField(
  props: FieldProps & { type?: string; autocomplete?: string; width?: 'short' | 'full'; inputmode?: string },
) {
  const { form, name, type = 'text', autocomplete, width = 'full', required } = props;
  return (
    <FieldShell {...props}>
      <input
        class={`input input-${width}`}
        id={`f-${name}`}
        name={name}
        type={type}
        value={type === 'password' || type === 'file' ? undefined : fieldValue(form, name)}
        autocomplete={autocomplete}
        inputMode={props.inputmode as any}
        required={required}
        aria-invalid={problemFor(form, name) ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      />
    </FieldShell>
  );
}

/** A file input (optionally multiple) with label, hint and error, like the other fields. */
export function FileField(props: FieldProps & { accept?: string; multiple?: boolean }) {
  const { form, name, accept, multiple } = props;
  return (
    <FieldShell {...props}>
      <input
        class="input input-full"
        id={`f-${name}`}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={problemFor(form, name) ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { form, name, rows = 5 } = props;
  return (
    <FieldShell {...props}>
      <textarea
        class="textarea"
        id={`f-${name}`}
        name={name}
        rows={rows}
        aria-invalid={problemFor(form, name) ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {fieldValue(form, name)}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string },
) {
  const { form, name, options, placeholder } = props;
  const current = fieldValue(form, name);
  return (
    <FieldShell {...props}>
      <select
        class="select"
        id={`f-${name}`}
        name={name}
        aria-invalid={problemFor(form, name) ? 'true' : undefined}
        aria-describedby={describedBy(form, name, props.hint)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Button({
  children,
  kind = 'primary',
  name,
  value,
}: {
  children: ComponentChildren;
  kind?: 'primary' | 'secondary' | 'warning';
  name?: string;
  value?: string;
}) {
  return (
    <button type="submit" class={`button button-${kind}`} name={name} value={value}>
      {children}
    </button>
  );
}

/** A one-button POST form (state changes never happen on GET). */
export function ActionForm({
  action,
  csrf,
  label,
  kind = 'secondary',
  confirm,
}: {
  action: string;
  csrf: string;
  label: string;
  kind?: 'primary' | 'secondary' | 'warning';
  confirm?: string;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={csrf} />
      {confirm ? <input type="hidden" name="confirm" value="1" /> : null}
      <Button kind={kind}>{label}</Button>
    </form>
  );
}

export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label="当前位置">
      <ol>
        {items.map((it, i) =>
          it.href && i < items.length - 1 ? (
            <li key={it.label}>
              <a href={it.href}>{it.label}</a>
            </li>
          ) : (
            <li key={it.label} aria-current="page">
              {it.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Definition list of label/value rows (metadata blocks). */
export function SummaryList({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="summary-list">
      {rows.map(([k, v]) => (
        <div class="summary-row" key={k}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === '' ? '—' : v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A server-rendered chart (SVG from lib/charts, whose text ECharts escapes) with an accessible name;
 * pass the same numbers as a table in `children` for screen readers and print.
 */
export function Chart({
  svg,
  label,
  children,
}: {
  svg: string;
  label: string;
  children?: ComponentChildren;
}) {
  return (
    <figure class="chart">
      {/* The SVG comes from lib/charts.ts: ECharts escapes every text it draws from our data. */}
      <div role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{label}</figcaption>
      {children}
    </figure>
  );
}

/** A group of checkboxes in a fieldset with a legend (GOV.UK checkboxes pattern). */
export function CheckboxGroup(props: {
  form?: FormState<any>;
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const { form, name, legend, hint, options } = props;
  const raw = form?.values[name];
  const checked = new Set(
    (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map(String),
  );
  const error = problemFor(form, name);
  return (
    <fieldset
      class={error ? 'field field-error checkboxes' : 'field checkboxes'}
      aria-describedby={error ? `e-${name}` : undefined}
    >
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {error ? (
        <p class="error-message" id={`e-${name}`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div class="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={i === 0 ? `f-${name}` : `f-${name}-${i}`}
            name={name}
            value={o.value}
            checked={checked.has(o.value)}
          />
          <label for={i === 0 ? `f-${name}` : `f-${name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
