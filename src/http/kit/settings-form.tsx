/**
 * The one renderer of settings pages: a group of definitions as a form — each control with its label and
 * hint, the legal basis of every setting, the error summary linking to the fields, the values typed kept
 * after a refused submission, and the `_csrf` field. Pages add their title, breadcrumbs and notices.
 */

import type { SettingControl, SettingDefinition, SettingGroup } from '../../lib/settings/setting.ts';
import type { FormState } from '../view-context.ts';
import {
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../views/components.tsx';

/** “依据：…”, after the hint when there is one. */
export function withBasis(hint: string | undefined, basis: string): string {
  return hint ? `${hint.replace(/[。；]$/, '')}。依据：${basis}` : `依据：${basis}`;
}

function Control({ c, form, hint }: { c: SettingControl; form: FormState; hint?: string }) {
  const h = hint ?? (c.kind === 'fieldset' ? undefined : c.hint);
  switch (c.kind) {
    case 'text':
      return (
        <TextField
          form={form}
          name={c.name}
          label={c.label}
          hint={h}
          width={c.width}
          inputmode={c.inputmode}
          required={c.required}
        />
      );
    case 'textarea':
      return <TextArea form={form} name={c.name} label={c.label} hint={h} rows={c.rows} />;
    case 'select':
      return <SelectField form={form} name={c.name} label={c.label} hint={h} options={[...c.options]} />;
    case 'checkboxes':
      return <CheckboxGroup form={form} name={c.name} legend={c.label} hint={h} options={[...c.options]} />;
    case 'fieldset':
      return (
        <fieldset class="field">
          <legend>{c.heading ? <h2>{c.legend}</h2> : c.legend}</legend>
          {c.controls.map((x) => (
            <Control key={x.kind === 'fieldset' ? x.legend : x.name} c={x} form={form} />
          ))}
        </fieldset>
      );
  }
}

/** One setting: a single field carries the legal basis in its hint; several fields get it above them. */
function Setting({ def, form }: { def: SettingDefinition<unknown>; form: FormState }) {
  const [only] = def.controls;
  if (def.controls.length === 1 && only && only.kind !== 'fieldset')
    return <Control c={only} form={form} hint={withBasis(only.hint, def.legalBasis)} />;
  return (
    <div class="setting">
      <p class="hint legal-basis">
        {def.label}
        {def.hint ? `：${def.hint}` : ''}。依据：{def.legalBasis}
      </p>
      {def.controls.map((c) => (
        <Control key={c.kind === 'fieldset' ? c.legend : c.name} c={c} form={form} />
      ))}
    </div>
  );
}

export function SettingsForm({
  group,
  form,
  action,
  csrfToken,
  submitLabel = '保存设置',
}: {
  group: SettingGroup;
  form: FormState;
  action: string;
  csrfToken: string;
  submitLabel?: string;
}) {
  return (
    <>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {Object.values(group).map((def) => (
          <Setting key={def.key} def={def} form={form} />
        ))}
        <Button>{submitLabel}</Button>
      </form>
    </>
  );
}
