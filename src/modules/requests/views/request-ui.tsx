/** Building blocks shared by the 依申请公开 pages: radios, file field, clock status tag, date lists. */
import type { FormState } from '../../../http/view-context.ts';
import { problemFor } from '../../../http/view-context.ts';
import { CLOCK_STATUS_LABELS, type ClockStatus } from '../info-request.clock.ts';

/** The module's small stylesheet (status colours); served by requests.routes. */
export const REQUESTS_CSS_PATH = '/requests-static/requests.css';

export const REQUESTS_CSS = `
.clock{display:inline-block;padding:0 .4rem;border:2px solid;font-weight:700}
.clock-normal{color:#00703c;border-color:#00703c}
.clock-due_soon{color:#8a4500;border-color:#b35900;background:#fff7eb}
.clock-overdue{color:#b00020;border-color:#b00020;background:#fdecee}
.radio{display:flex;gap:.5rem;align-items:center;margin:.2rem 0}
.radio input{width:1.25rem;height:1.25rem}
fieldset.radios,fieldset.group{border:none;padding:0;margin:0 0 1.25rem}
fieldset.group{border-top:2px solid #b1b4b6;padding-top:.75rem}
fieldset.radios legend,fieldset.group legend{font-weight:700;margin-bottom:.25rem;font-size:1.1rem}
.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;padding:0}
.event-form{border:1px solid #b1b4b6;padding:1rem;margin-bottom:1rem}
.event-form h3{margin-top:0}
.letter-body{border:1px solid #b1b4b6;padding:1.5rem;white-space:pre-line;max-width:44rem;background:#fff}
.code-box{font-size:1.4rem;font-weight:700;letter-spacing:.1em}
table.report td,table.report th{border:1px solid #505a5f;padding:.25rem .4rem;text-align:center}
table.report{border-collapse:collapse}
table.report th[scope=row]{text-align:left}
.passed{color:#00703c;font-weight:700}
.failed{color:#b00020;font-weight:700}
`;

export function RequestsStyles() {
  return <link rel="stylesheet" href={REQUESTS_CSS_PATH} />;
}

/** 正常 / 临期 / 超期 as text and colour (the word carries the meaning; colour only repeats it). */
export function ClockTag({ status }: { status: ClockStatus | null }) {
  if (!status) return <span>—</span>;
  return <span class={`clock clock-${status}`}>{CLOCK_STATUS_LABELS[status]}</span>;
}

/** A radio group in a fieldset with a legend; the first radio carries the field id for error links. */
export function RadioGroup({
  form,
  name,
  legend,
  options,
  hint,
}: {
  form?: FormState<any>;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  hint?: string;
}) {
  const error = problemFor(form, name);
  const current = String(form?.values[name] ?? '');
  return (
    <fieldset class={error ? 'field field-error radios' : 'field radios'}>
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {error ? (
        <p class="error-message" id={`e-${name}`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div class="radio" key={o.value}>
          <input
            type="radio"
            id={i === 0 ? `f-${name}` : `f-${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={current === o.value}
          />
          <label for={i === 0 ? `f-${name}` : `f-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** A file input with label, hint and error. */
/** Timestamp as China local date and time, e.g. 2026-03-02 10:00. */
export function chinaDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}
