/**
 * A settings form, without the HTML: the submitted body parsed into the own values of a group (every
 * problem collected, each naming its field), and the form values showing a group's values.
 */
import { AppError, type FieldProblem } from '../errors.ts';
import type { GroupInput, SettingControl, SettingDefinition, SettingGroup } from './setting.ts';

/** The form fields of a setting's controls, in page order. */
export function controlNames(controls: readonly SettingControl[]): string[] {
  return controls.flatMap((c) => (c.kind === 'fieldset' ? controlNames(c.controls) : [c.name]));
}

const CHINESE = /\p{Script=Han}/u;

/**
 * A zod issue as a problem of the form: a problem of the whole setting is put on its first field (so the
 * summary links somewhere), and a message a clerk could not read (zod's English default) is replaced by
 * one naming the setting.
 */
function toProblem(def: SettingDefinition<unknown>, path: PropertyKey[], message: string): FieldProblem {
  const names = controlNames(def.controls);
  const field = path.length && names.includes(String(path[0])) ? String(path[0]) : names[0]!;
  return { field, message: CHINESE.test(message) ? message : `${def.label}填写有误` };
}

/** Problems of one setting's part of the form, or its value (null = none of its own). */
function parseOne(
  def: SettingDefinition<unknown>,
  body: Record<string, unknown>,
): { value: unknown } | { problems: FieldProblem[] } {
  const r = def.fromForm.safeParse(body);
  if (r.success) return { value: r.data };
  return { problems: r.error.issues.map((i) => toProblem(def, i.path, i.message)) };
}

/**
 * Parses a submitted settings form. `check` adds rules across settings (run once each setting parsed).
 * @throws AppError('validation') listing every problem, one per field, each naming the field
 */
export function parseSettingsForm<G extends SettingGroup>(
  group: G,
  raw: unknown,
  check?: (values: GroupInput<G>) => FieldProblem[],
): GroupInput<G> {
  const body = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [name, def] of Object.entries(group)) {
    const r = parseOne(def, body);
    if ('problems' in r) problems.push(...r.problems);
    else values[name] = r.value;
  }
  if (!problems.length && check) problems.push(...check(values as GroupInput<G>));
  if (problems.length) throw AppError.validation(firstPerField(problems));
  return values as GroupInput<G>;
}

function firstPerField(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.field) && seen.add(p.field));
}

/** The form values showing a group's values (own or effective). */
export function settingsFormValues<G extends SettingGroup>(
  group: G,
  values: Partial<GroupInput<G>>,
): Record<string, unknown> {
  return Object.assign(
    {},
    ...Object.entries(group).map(([name, def]) => def.toForm((values[name] ?? null) as never)),
  );
}
