/**
 * Matches unit names as written in a work plan (县发改局, 市直及驻张相关单位, 各乡镇人民政府（街道办事处）)
 * to the unit tree. Pure: the caller passes the units of the plan owner's subtree and the remembered
 * aliases. Order per name: remembered alias → set expression → full name → short name → generated
 * abbreviation → name with its place prefix (县/市/示范县…) stripped. A level that finds several units
 * reports the name as ambiguous instead of guessing. Rules: docs/workflows/tasks.md.
 */
import { abbreviationsOf } from './unit-abbreviations.ts';

/** The unit fields the matcher needs (a `Unit` row fits). */
export interface MatchableUnit {
  id: number;
  name: string;
  short_name: string | null;
  kind: string;
  depth: number;
}

/** Groups that set expressions stand for. */
export type UnitSetKind = 'townships' | 'departments' | 'sub_governments';

const UNIT_SET_LABELS: Record<UnitSetKind, string> = {
  townships: '全部乡镇（街道）',
  departments: '全部部门',
  sub_governments: '全部下级人民政府',
};

/** How a name was matched, shown to the reviewer next to the unit. */
export type MatchHow = 'alias' | 'set' | 'name' | 'short_name' | 'abbreviation' | 'prefix_stripped';

export interface NameMatch {
  name: string;
  unitIds: number[];
  how: MatchHow;
  set?: UnitSetKind;
}

export interface NameMiss {
  name: string;
  /** Chinese, for the reviewer. */
  reason: string;
}

export interface UnitMatchResult {
  matched: NameMatch[];
  unmatched: NameMiss[];
  /** Every matched unit once, in order of first mention. */
  unitIds: number[];
}

type Level = Exclude<MatchHow, 'alias' | 'set'>;
const LEVELS: Level[] = ['name', 'short_name', 'abbreviation', 'prefix_stripped'];
const LEVEL_PREFIXES = ['省', '市', '县', '区', '州', '旗'];

/** An index of the units of one subtree, built once per import. */
export interface UnitIndex {
  units: MatchableUnit[];
  rootDepth: number;
  byLevel: Record<Level, Map<string, Set<number>>>;
  aliases: Map<string, number[]>;
  places: string[];
}

/** Spaces removed, half-width brackets made full-width: the form names are compared in. */
function normaliseUnitName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Place names of the governments in the tree (示范县人民政府 → 示范县), stripped as prefixes. */
function placeNames(units: MatchableUnit[]): string[] {
  return units
    .filter((u) => u.kind === 'government' || u.kind === 'township')
    .map((u) => u.name.replace(/(人民政府|街道办事处|办事处)$/, ''))
    .filter((p) => p.length >= 2)
    .sort((a, b) => b.length - a.length);
}

/** The name without one leading place name or level character (县财政局 → 财政局). */
function cores(name: string, places: string[]): string[] {
  const out = new Set<string>();
  for (const p of places) if (name.startsWith(p) && name.length > p.length) out.add(name.slice(p.length));
  const first = name.charAt(0);
  if (LEVEL_PREFIXES.includes(first) && name.length > 2) out.add(name.slice(1));
  return [...out];
}

function add(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(id);
  map.set(key, set);
}

/**
 * Indexes `units` (the active units of the plan owner's subtree, owner first) and the remembered
 * aliases (alias text → unit id, or several ids for a one-off mapping), which win over everything else.
 */
export function buildUnitIndex(
  units: MatchableUnit[],
  aliases: Iterable<readonly [string, number | readonly number[]]> = [],
): UnitIndex {
  const byLevel = {
    name: new Map(),
    short_name: new Map(),
    abbreviation: new Map(),
    prefix_stripped: new Map(),
  } as Record<Level, Map<string, Set<number>>>;
  const places = placeNames(units);
  for (const u of units) {
    const forms = [u.name, ...(u.short_name ? [u.short_name] : [])].map(normaliseUnitName);
    add(byLevel.name, forms[0] ?? u.name, u.id);
    if (forms[1]) add(byLevel.short_name, forms[1], u.id);
    const abbreviations = forms.flatMap((f) => abbreviationsOf(f));
    for (const a of abbreviations) add(byLevel.abbreviation, a, u.id);
    for (const f of [...forms, ...abbreviations])
      for (const c of cores(f, places)) add(byLevel.prefix_stripped, c, u.id);
  }
  const aliasMap = new Map<string, number[]>();
  for (const [a, ids] of aliases)
    aliasMap.set(normaliseUnitName(a), typeof ids === 'number' ? [ids] : [...ids]);
  const rootDepth = Math.min(...units.map((u) => u.depth), Number.MAX_SAFE_INTEGER);
  return { units, rootDepth, byLevel, aliases: aliasMap, places };
}

const TOWNSHIP_SET = /^(乡镇|乡|镇|街道)(人民政府|政府|办事处|街道办事处|街道|、)*$/;
const DEPARTMENT_SET = [
  /^[省市县区]?直(各|及|相关|有关|属|单位|部门)/,
  /^各?(有关|相关)?(部门|单位)$/,
  /^各(有关|相关)?(部门|单位)/,
];
const GOVERNMENT_SET = /^(区县|县市区|县区|县市|市县|区|县|市)(人民政府|政府)?$/;

/** Which set a name stands for (各乡镇人民政府, 县直各单位, 各区县人民政府 …), or null for one unit. */
export function setKindOf(name: string): UnitSetKind | null {
  const bare = name.replace(/（[^）]*）/g, '');
  if (bare.startsWith('各')) {
    const rest = bare.slice(1);
    if (TOWNSHIP_SET.test(rest)) return 'townships';
    if (GOVERNMENT_SET.test(rest)) return 'sub_governments';
  }
  if (TOWNSHIP_SET.test(bare) && /^(乡镇|街道)/.test(bare)) return 'townships';
  if (DEPARTMENT_SET.some((re) => re.test(bare))) return 'departments';
  return null;
}

function expandSet(index: UnitIndex, kind: UnitSetKind): number[] {
  const fits = (u: MatchableUnit) =>
    kind === 'townships'
      ? u.kind === 'township'
      : kind === 'departments'
        ? u.kind === 'department'
        : u.kind === 'government' && u.depth > index.rootDepth;
  return index.units.filter(fits).map((u) => u.id);
}

/** Variants of a written name to try: as written, without a bracketed note, without a trailing 等. */
function variants(name: string): string[] {
  const out = [name, name.replace(/（[^）]*）$/, ''), name.replace(/等(单位|部门)?$/, '')];
  return [...new Set(out.filter((v) => v.length > 0))];
}

/** Keys to look `name` up by at a level; the written name is abbreviated too (住房城乡建设 → 住建). */
function keysFor(index: UnitIndex, level: Level, name: string): string[] {
  if (level === 'name' || level === 'short_name') return [name];
  const forms = [name, ...abbreviationsOf(name)];
  return level === 'abbreviation' ? forms : [...forms, ...forms.flatMap((f) => cores(f, index.places))];
}

function lookup(index: UnitIndex, level: Level, name: string): Set<number> {
  const keys = keysFor(index, level, name);
  const ids = new Set<number>();
  for (const k of keys) for (const id of index.byLevel[level].get(k) ?? []) ids.add(id);
  return ids;
}

function unitNames(index: UnitIndex, ids: Iterable<number>): string {
  const names = [...ids].map((id) => index.units.find((u) => u.id === id)?.name ?? `#${id}`);
  return names.join('、');
}

/** Matches one written name: a match with the units, or a miss with the reason. */
export function matchUnitName(index: UnitIndex, written: string): NameMatch | NameMiss {
  const name = normaliseUnitName(written);
  const alias = index.aliases.get(name);
  if (alias !== undefined && alias.length > 0) return { name: written, unitIds: alias, how: 'alias' };
  const set = setKindOf(name);
  if (set) {
    const unitIds = expandSet(index, set);
    if (unitIds.length > 0) return { name: written, unitIds, how: 'set', set };
    return { name: written, reason: `“${written}”表示${UNIT_SET_LABELS[set]}，但单位树中没有此类单位` };
  }
  for (const level of LEVELS) {
    for (const v of variants(name)) {
      const ids = lookup(index, level, v);
      if (ids.size === 1) return { name: written, unitIds: [...ids], how: level };
      if (ids.size > 1)
        return { name: written, reason: `“${written}”可能是多个单位（${unitNames(index, ids)}），请指定` };
    }
  }
  return { name: written, reason: `单位树中没有与“${written}”对应的单位，请指定` };
}

/** Matches a list of written names; empty and repeated names are skipped. */
export function matchUnitNames(index: UnitIndex, names: readonly string[]): UnitMatchResult {
  const result: UnitMatchResult = { matched: [], unmatched: [], unitIds: [] };
  const seen = new Set<string>();
  for (const written of names) {
    const key = normaliseUnitName(written);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const m = matchUnitName(index, written);
    if ('reason' in m) result.unmatched.push(m);
    else {
      result.matched.push(m);
      for (const id of m.unitIds) if (!result.unitIds.includes(id)) result.unitIds.push(id);
    }
  }
  return result;
}
