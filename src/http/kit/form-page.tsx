/**
 * A form page: title, the error summary linked to the fields, the `_csrf` field, the fields (children,
 * built from TextField / TextArea / SelectField / CheckboxGroup / RadioGroup with the same `form`, so
 * what was typed is kept on error) and the submit button. Validation is the server's (novalidate): one
 * set of Chinese messages, with or without JavaScript.
 */
import type { ComponentChildren, VNode } from 'preact';
import type { FormState, ViewContext } from '../view-context.ts';
import { Breadcrumbs, Button, CsrfField, ErrorSummary } from '../views/components.tsx';
import { AdminLayout } from '../views/layouts.tsx';

export interface KitFormProps {
  ctx: ViewContext;
  action: string;
  /** The submitted values and problems (an empty form on first display). */
  form: FormState<any>;
  submitLabel?: string;
  /** Hidden fields; a value the user submitted wins over the default given here. */
  hidden?: Record<string, string>;
  /** A file upload form. */
  multipart?: boolean;
  /** Secondary link next to the button, e.g. back to the list. */
  cancel?: { href: string; label: string };
  children: ComponentChildren;
}

/** The form element alone (for pages with more than one form or their own layout). */
function KitForm(p: KitFormProps) {
  const hidden = Object.entries(p.hidden ?? {});
  return (
    <form
      method="post"
      action={p.action}
      enctype={p.multipart ? 'multipart/form-data' : undefined}
      novalidate
      class="kit-form"
    >
      <CsrfField token={p.ctx.csrfToken} />
      {hidden.map(([name, value]) => {
        const typed = p.form.values[name];
        return (
          <input key={name} type="hidden" name={name} value={typed === undefined ? value : String(typed)} />
        );
      })}
      {p.children}
      <div class="form-actions">
        <Button>{p.submitLabel ?? '提交'}</Button>
        {p.cancel ? (
          <>
            {' '}
            <a href={p.cancel.href}>{p.cancel.label}</a>
          </>
        ) : null}
      </div>
    </form>
  );
}

export interface FormPageProps extends KitFormProps {
  title: string;
  /** Text under the title. */
  intro?: ComponentChildren;
  breadcrumbs?: { href?: string; label: string }[];
  /** The page layout (default the back office's); PublicLayout for forms of the public site. */
  layout?: (p: { ctx: ViewContext; title: string; children: ComponentChildren }) => VNode;
}

/** A whole page holding one form: layout, breadcrumbs, error summary, title, intro, the form. */
export function FormPage(p: FormPageProps) {
  const Layout = p.layout ?? AdminLayout;
  return (
    <Layout ctx={p.ctx} title={p.form.problems.length ? `错误：${p.title}` : p.title}>
      {p.breadcrumbs ? <Breadcrumbs items={p.breadcrumbs} /> : null}
      <ErrorSummary problems={p.form.problems} />
      <h1>{p.title}</h1>
      {p.intro ? <div class="intro">{p.intro}</div> : null}
      <KitForm {...p} />
    </Layout>
  );
}
