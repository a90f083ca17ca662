/**
 * Typed settings: a definition says what a setting is (key, zod schema of its value, legal default, the
 * rule it implements, site- or unit-wide, Chinese label and hint) and how a form shows and reads it.
 * Definitions are data: modules declare them next to the rule they configure and register them once
 * (SETTINGS), the store (settings-store.ts) reads and writes them, and one renderer
 * (src/http/kit/settings-form.tsx) shows a group of them as a form.
 */
import { z } from 'zod';

/** 'site': one value for the whole installation; 'unit': a value per unit, falling back (see the store). */
export type SettingScope = 'site' | 'unit';

export interface SettingOption {
  value: string;
  label: string;
}

/** One form control of a setting; `name` is the form field (and the id `f-<name>` problems link to). */
export type SettingControl =
  | {
      kind: 'text';
      name: string;
      label: string;
      hint?: string;
      width?: 'short' | 'full';
      inputmode?: string;
      required?: boolean;
    }
  | { kind: 'textarea'; name: string; label: string; hint?: string; rows?: number }
  | { kind: 'select'; name: string; label: string; hint?: string; options: readonly SettingOption[] }
  | { kind: 'checkboxes'; name: string; label: string; hint?: string; options: readonly SettingOption[] }
  | { kind: 'fieldset'; legend: string; heading?: boolean; controls: SettingControl[] };

export interface SettingDefinition<T> {
  /** Dotted lower-case key, e.g. 'requests.fee_payment_working_days' (segments start with a letter). */
  key: string;
  scope: SettingScope;
  /** Chinese name of the setting, as the form and the audit log show it. */
  label: string;
  hint?: string;
  /** The rule the setting implements and its default comes from, e.g. '条例 第三十三条'. */
  legalBasis: string;
  /** The value in force when nothing is stored. */
  default: T;
  /** The stored value's shape: every write is checked against it, and every read. */
  schema: z.ZodType<T>;
  /** Reads a stored value that fails `schema` (an older shape); without it such a value counts as unset. */
  recover?: (stored: unknown) => T;
  /**
   * Unit settings only: whether a unit without its own value takes the nearest parent unit's value
   * before the site-wide one. Off unless the rule says a department follows its government.
   */
  inherit?: boolean;
  /** The form controls, in page order. */
  controls: SettingControl[];
  /**
   * Parses the submitted form (the whole body) into the value; null = no value of its own (fall back).
   * Issue paths name form fields; messages are Chinese sentences naming the field.
   */
  fromForm: z.ZodType<T | null>;
  /** The form values showing `value` (null = no value of its own). */
  toForm: (value: T | null) => Record<string, unknown>;
}

/** Definitions shown and saved together (one form), by a short name. */
export type SettingGroup = Record<string, SettingDefinition<any>>;
export type SettingValue<D> = D extends SettingDefinition<infer T> ? T : never;
/** Effective values of a group. */
export type GroupValues<G extends SettingGroup> = { [K in keyof G]: SettingValue<G[K]> };
/** Own values of a group (null = none, the fallback applies). */
export type GroupInput<G extends SettingGroup> = { [K in keyof G]: SettingValue<G[K]> | null };

const KEY = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Every definition of the installation; a key is registered once (a second definition is a bug). */
export class SettingRegistry {
  private readonly defs = new Map<string, SettingDefinition<unknown>>();

  /** Registers the definitions of a group and returns it; throws on a malformed or duplicate key. */
  register<G extends SettingGroup>(group: G): G {
    for (const def of Object.values(group)) {
      if (!KEY.test(def.key)) throw new Error(`setting key “${def.key}” is not dotted lower-case`);
      const known = this.defs.get(def.key);
      if (known && known !== def) throw new Error(`setting “${def.key}” is defined twice`);
      if (def.controls.length === 0) throw new Error(`setting “${def.key}” has no form control`);
      this.defs.set(def.key, def);
    }
    return group;
  }

  get(key: string): SettingDefinition<unknown> | undefined {
    return this.defs.get(key);
  }

  all(): SettingDefinition<unknown>[] {
    return [...this.defs.values()];
  }
}

/** The registry the modules register their settings in. */
export const SETTINGS = new SettingRegistry();

type SingleControl = Exclude<SettingControl, { kind: 'fieldset' }>;
/** A control of one field, its label and hint defaulting to the setting's. */
type FieldControl = SingleControl extends infer C
  ? C extends SingleControl
    ? Omit<C, 'label' | 'hint'> & { label?: string; hint?: string }
    : never
  : never;

/**
 * A setting edited through one form field: `parse` reads that field (null or undefined = no value of its
 * own), `format` shows a value in it (default: as it is).
 */
export function fieldSetting<T>(d: {
  key: string;
  scope: SettingScope;
  label: string;
  hint?: string;
  legalBasis: string;
  default: T;
  schema: z.ZodType<T>;
  inherit?: boolean;
  control: FieldControl;
  parse: z.ZodType<T | null | undefined>;
  format?: (value: T) => unknown;
}): SettingDefinition<T> {
  const { control, parse, format, ...rest } = d;
  const name = control.name;
  const full = { ...control, label: control.label ?? d.label, hint: control.hint ?? d.hint } as SingleControl;
  return {
    ...rest,
    controls: [full],
    fromForm: z.object({ [name]: parse }).transform((o) => (o[name] ?? null) as T | null),
    toForm: (v) => ({ [name]: v === null ? null : format ? format(v) : v }),
  } as SettingDefinition<T>;
}
