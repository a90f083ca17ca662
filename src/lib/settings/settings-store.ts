/**
 * Reads and writes typed settings (setting.ts) in the `settings` table. Reads never fail: a value that is
 * missing, unreadable or no longer valid counts as unset and the fallback applies — for a unit setting the
 * unit's own value, then (definitions with `inherit`) the nearest parent unit's, then the site-wide value,
 * then the definition's default. Writes check every value against its schema and change the rows and
 * append the audit event in one transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../actor.ts';
import type { AuditEntry, AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock.ts';
import { AppError, type FieldProblem } from '../errors.ts';
import type { GroupInput, GroupValues, SettingDefinition, SettingGroup } from './setting.ts';
import { SettingsRepository } from './settings.repository.ts';
import { controlNames } from './settings-form.ts';

/** Where a unit setting is read: the unit and its parents, nearest first (from its materialised path). */
export interface UnitRef {
  unitId: number;
  ancestorIds?: readonly number[];
}

/** The parents of a unit from its materialised path '/1/4/9/', nearest first. */
export function ancestorIds(path: string, unitId: number): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unitId)
    .reverse();
}

/** The row of a setting: `<key>` site-wide, `<key>.<unitId>` a unit's own value. */
export function storageKey(def: SettingDefinition<any>, unitId?: number): string {
  if (unitId !== undefined && def.scope === 'site')
    throw new Error(`setting “${def.key}” is site-wide: it has no value per unit`);
  return unitId === undefined ? def.key : `${def.key}.${unitId}`;
}

/** A stored JSON value of `def`, or null when missing, unreadable or invalid (and not recoverable). */
export function decodeSetting<T>(def: SettingDefinition<T>, raw: string | undefined): T | null {
  if (raw === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const r = def.schema.safeParse(json);
  if (r.success) return r.data;
  return def.recover ? def.recover(json) : null;
}

export interface SettingsStoreDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
}

export class SettingsStore {
  private readonly repo: SettingsRepository;

  constructor(private readonly d: SettingsStoreDeps) {
    this.repo = new SettingsRepository(d.db);
  }

  /** The value in force: own value, fallbacks (see the file comment), else the default. */
  async read<T>(def: SettingDefinition<T>, at?: UnitRef): Promise<T> {
    return (await this.readGroup({ v: def }, at)).v as T;
  }

  /** The values in force of a group, in one query. */
  async readGroup<G extends SettingGroup>(group: G, at?: UnitRef): Promise<GroupValues<G>> {
    const chains = Object.entries(group).map(([name, def]) => [name, def, this.chain(def, at)] as const);
    const stored = await this.repo.values(chains.flatMap(([, , keys]) => keys));
    const out: Record<string, unknown> = {};
    for (const [name, def, keys] of chains) {
      const found = keys.map((k) => decodeSetting(def, stored.get(k))).find((v) => v !== null);
      out[name] = found ?? def.default;
    }
    return out as GroupValues<G>;
  }

  /** A group's own values at one place (a unit, or site-wide without `unitId`); null = none of its own. */
  async ownGroup<G extends SettingGroup>(group: G, unitId?: number): Promise<GroupInput<G>> {
    const keys = Object.entries(group).map(([name, def]) => [name, def, storageKey(def, unitId)] as const);
    const stored = await this.repo.values(keys.map(([, , k]) => k));
    return Object.fromEntries(
      keys.map(([name, def, k]) => [name, decodeSetting(def, stored.get(k))]),
    ) as GroupInput<G>;
  }

  /** Every unit with a valid value of its own of a unit setting. */
  async unitValues<T>(def: SettingDefinition<T>): Promise<{ unitId: number; value: T }[]> {
    const rows = await this.repo.unitValues(def.key);
    return rows.flatMap((r) => {
      const value = decodeSetting(def, r.value);
      return value === null ? [] : [{ unitId: r.unitId, value }];
    });
  }

  /**
   * Stores own values of (some of) a group at one place — null removes the own value — and appends
   * `audit` in the same transaction. An entry with neither `before` nor `after` gets the own values before
   * and the values written; otherwise it is recorded as given.
   * @throws AppError('validation') naming the field of every value its schema refuses (nothing stored)
   */
  async write<G extends SettingGroup>(
    ctx: CallContext,
    group: G,
    values: Partial<GroupInput<G>>,
    opts: { unitId?: number; audit: AuditEntry },
  ): Promise<void> {
    const changes = Object.entries(values).map(([name, value]) => {
      const def = group[name];
      if (!def) throw new Error(`no setting “${name}” in this group`);
      return { name, def, key: storageKey(def, opts.unitId), value };
    });
    const problems: FieldProblem[] = [];
    for (const c of changes) {
      if (c.value === null || c.value === undefined) continue;
      const r = c.def.schema.safeParse(c.value);
      if (!r.success)
        problems.push({ field: controlNames(c.def.controls)[0]!, message: `${c.def.label}的值无效` });
    }
    if (problems.length) throw AppError.validation(problems);
    const given = opts.audit.before !== undefined || opts.audit.after !== undefined;
    const entry: AuditEntry = given
      ? opts.audit
      : {
          ...opts.audit,
          before: pick((await this.ownGroup(group, opts.unitId)) as Record<string, unknown>, changes),
          after: values,
        };
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      for (const c of changes) {
        if (c.value === null || c.value === undefined) await this.repo.remove(trx, c.key);
        else await this.repo.put(trx, c.key, JSON.stringify(c.value), now);
      }
      await this.d.audit.record(trx, ctx, entry);
    });
  }

  /** The rows to look at, in order, for the value of `def` in force at `at`. */
  private chain(def: SettingDefinition<any>, at?: UnitRef): string[] {
    if (def.scope === 'site' || !at) return [def.key];
    const parents = def.inherit ? (at.ancestorIds ?? []) : [];
    return [...[at.unitId, ...parents].map((id) => storageKey(def, id)), def.key];
  }
}

function pick(o: Record<string, unknown>, changes: { name: string }[]): Record<string, unknown> {
  return Object.fromEntries(changes.map((c) => [c.name, o[c.name] ?? null]));
}
