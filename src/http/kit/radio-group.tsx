/** A group of radio buttons in a fieldset with a legend (GOV.UK radios pattern), next to CheckboxGroup. */
import { type FormState, problemFor } from '../view-context.ts';
import { describedBy, fieldValue, HintAndError } from '../views/components.tsx';

export interface RadioGroupProps {
  form?: FormState<any>;
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  /** Options side by side (short choices such as 是 / 否). */
  inline?: boolean;
}

/**
 * The first radio carries the field id `f-<name>`, so the error summary's link lands on the group; the
 * fieldset is described by the hint and the error message.
 */
export function RadioGroup({ form, name, legend, hint, options, inline }: RadioGroupProps) {
  const error = problemFor(form, name);
  const current = fieldValue(form, name);
  const classes = ['field', error ? 'field-error' : '', 'radios', inline ? 'radios-inline' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset class={classes} aria-describedby={describedBy(form, name, hint)}>
      <legend>{legend}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      {options.map((o, i) => {
        const id = i === 0 ? `f-${name}` : `f-${name}-${i}`;
        return (
          <div class="radio" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={current === o.value}
              aria-describedby={o.hint ? `${id}-hint` : undefined}
            />
            <label for={id}>{o.label}</label>
            {o.hint ? (
              <p class="hint" id={`${id}-hint`}>
                {o.hint}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
