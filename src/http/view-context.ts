/** What every page template needs to know about the request, built once per request. */
import type { Actor } from '../lib/actor.ts';
import type { FieldProblem } from '../lib/errors.ts';
import type { MenuEntry, PublicLink } from '../platform/menu.ts';

export interface SiteInfo {
  name: string;
  sponsor: string;
  identifier: string;
  icp: string;
  psb: string;
}

export interface ViewContext {
  actor: Actor;
  csrfToken: string;
  elder: boolean;
  path: string;
  site: SiteInfo;
  /** Admin only: the units the actor may switch between and the current one. */
  units?: { id: number; name: string }[];
  currentUnitId?: number | null;
  mustChangePassword?: boolean;
  /** Admin only: every module's back-office menu entries, in menu order (filtered by permission when shown). */
  menu?: readonly MenuEntry[];
  /** Public pages: the modules' navigation entries and footer links. */
  publicLinks?: { nav: readonly PublicLink[]; footer: readonly PublicLink[] };
}

/** A form being shown again after a failed submission: what was typed and what was wrong. */
export interface FormState<V = Record<string, unknown>> {
  values: Partial<V> & Record<string, unknown>;
  problems: FieldProblem[];
}

export function emptyForm<V>(values: Partial<V> = {}): FormState<V> {
  return { values: values as FormState<V>['values'], problems: [] };
}

export function problemFor(form: FormState<unknown> | undefined, field: string): string | undefined {
  return form?.problems.find((p) => p.field === field)?.message;
}
