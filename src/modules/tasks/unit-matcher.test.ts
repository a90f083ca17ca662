import { describe, expect, it } from 'vitest';
import { DEMO_COUNTY } from '../../db/seeds/demo-units.ts';
import { abbreviationsOf } from './unit-abbreviations.ts';
import {
  buildUnitIndex,
  type MatchableUnit,
  matchUnitName,
  matchUnitNames,
  setKindOf,
  type UnitSetKind,
} from './unit-matcher.ts';

type Node = { name: string; shortName?: string | null; kind: string; children?: Node[] };

/** The demo county as unit rows, ids in creation order (示范县人民政府 = 1). */
function demoUnits(): MatchableUnit[] {
  const out: MatchableUnit[] = [];
  const walk = (n: Node, depth: number) => {
    out.push({ id: out.length + 1, name: n.name, short_name: n.shortName ?? null, kind: n.kind, depth });
    for (const c of n.children ?? []) walk(c, depth + 1);
  };
  walk(DEMO_COUNTY as Node, 0);
  return out;
}

const units = demoUnits();
const idOf = (name: string) => units.find((u) => u.name === name)?.id;
const index = buildUnitIndex(units);

describe('abbreviationsOf', () => {
  it('applies each pair alone and all together', () => {
    expect(abbreviationsOf('县人民政府办公室')).toEqual(['县政府办', '县政府办公室']);
    expect(abbreviationsOf('县发展和改革局')).toEqual(['县发改局', '县发展改革局']);
    expect(abbreviationsOf('县财政局')).toEqual([]);
  });
});

describe('matchUnitName: one unit', () => {
  it.each([
    ['县发展和改革局', '县发展和改革局', 'name'],
    ['县发改局', '县发展和改革局', 'short_name'],
    ['县人社局', '县人力资源和社会保障局', 'short_name'],
    ['县市场监管局', '县市场监督管理局', 'short_name'],
    ['县卫健局', '县卫生健康局', 'short_name'],
    ['县住建局', '县住房和城乡建设局', 'short_name'],
    ['县政务中心', '县政务服务中心', 'short_name'],
    ['县政府办', '县人民政府办公室', 'short_name'],
    ['县市监局', '县市场监督管理局', 'abbreviation'],
    ['县发展改革局', '县发展和改革局', 'abbreviation'],
    ['城关镇政府', '城关镇人民政府', 'abbreviation'],
    ['市司法局', '县司法局', 'prefix_stripped'],
    ['示范县财政局', '县财政局', 'prefix_stripped'],
    ['财政局', '县财政局', 'prefix_stripped'],
    ['市市场监管局', '县市场监督管理局', 'prefix_stripped'],
    ['县住房城乡建设局', '县住房和城乡建设局', 'abbreviation'],
    ['市住房城乡建设局', '县住房和城乡建设局', 'prefix_stripped'],
    ['县 财政局', '县财政局', 'name'],
    ['县教育局等', '县教育局', 'name'],
    ['县财政局(县国资办)', '县财政局', 'name'],
  ])('%s → %s (%s)', (written, expected, how) => {
    const m = matchUnitName(index, written);
    expect(m).toEqual({ name: written, unitIds: [idOf(expected)], how });
  });
});

describe('matchUnitName: sets', () => {
  const townships = units.filter((u) => u.kind === 'township').map((u) => u.id);
  const departments = units.filter((u) => u.kind === 'department').map((u) => u.id);
  it.each<[string, UnitSetKind]>([
    ['各乡镇人民政府', 'townships'],
    ['各乡镇人民政府（街道办事处）', 'townships'],
    ['各乡镇(街道)', 'townships'],
    ['各街道办事处', 'townships'],
    ['街道办事处', 'townships'],
    ['乡镇人民政府', 'townships'],
    ['县直各单位', 'departments'],
    ['县直各有关单位', 'departments'],
    ['县直各有关单', 'departments'],
    ['直各单位', 'departments'],
    ['各有关部门', 'departments'],
    ['各相关单位', 'departments'],
    ['市直及驻张相关单位', 'departments'],
    ['区直相关单位', 'departments'],
  ])('%s → %s', (written, set) => {
    const m = matchUnitName(index, written);
    expect(m).toMatchObject({ how: 'set', set });
    expect('unitIds' in m && m.unitIds).toEqual(set === 'townships' ? townships : departments);
  });

  it('expands 各区县人民政府 to the governments below the root', () => {
    const city = buildUnitIndex([
      { id: 1, name: '张家界市人民政府', short_name: null, kind: 'government', depth: 0 },
      { id: 2, name: '永定区人民政府', short_name: null, kind: 'government', depth: 1 },
      { id: 3, name: '慈利县人民政府', short_name: null, kind: 'government', depth: 1 },
      { id: 4, name: '市司法局', short_name: null, kind: 'department', depth: 1 },
    ]);
    expect(matchUnitName(city, '各区县人民政府')).toEqual({
      name: '各区县人民政府',
      unitIds: [2, 3],
      how: 'set',
      set: 'sub_governments',
    });
  });

  it('reports an empty set as unmatched with the reason', () => {
    expect(matchUnitName(index, '各区县人民政府')).toEqual({
      name: '各区县人民政府',
      reason: '“各区县人民政府”表示全部下级人民政府，但单位树中没有此类单位',
    });
  });

  it('does not read a unit whose name starts with 县直 as a set', () => {
    expect(setKindOf('县直机关工委')).toBeNull();
  });
});

describe('matchUnitName: misses and aliases', () => {
  it.each([
    ['县食药工商质监局', '单位树中没有与“县食药工商质监局”对应的单位，请指定'],
    ['县编办', '单位树中没有与“县编办”对应的单位，请指定'],
    ['行业主管部门', '单位树中没有与“行业主管部门”对应的单位，请指定'],
  ])('%s is unmatched', (written, reason) => {
    expect(matchUnitName(index, written)).toEqual({ name: written, reason });
  });

  it('reports an ambiguous name instead of guessing', () => {
    const two = buildUnitIndex([
      { id: 1, name: '甲县人民政府', short_name: null, kind: 'government', depth: 0 },
      { id: 2, name: '甲县财政局', short_name: null, kind: 'department', depth: 1 },
      { id: 3, name: '乙镇人民政府', short_name: null, kind: 'township', depth: 1 },
      { id: 4, name: '乙镇财政所', short_name: '乙镇财政局', kind: 'department', depth: 2 },
    ]);
    expect(matchUnitName(two, '财政局')).toEqual({
      name: '财政局',
      reason: '“财政局”可能是多个单位（甲县财政局、乙镇财政所），请指定',
    });
  });

  it('uses a remembered alias before anything else', () => {
    const withAlias = buildUnitIndex(units, [
      ['县编办', idOf('县人民政府办公室') ?? 0],
      ['县直各单位', idOf('县财政局') ?? 0],
    ]);
    expect(matchUnitName(withAlias, '县编办')).toEqual({
      name: '县编办',
      unitIds: [idOf('县人民政府办公室')],
      how: 'alias',
    });
    expect(matchUnitName(withAlias, '县直各单位')).toMatchObject({ how: 'alias' });
  });
});

describe('matchUnitNames', () => {
  it('collects matches, misses and the union of unit ids, skipping repeats', () => {
    const r = matchUnitNames(index, ['县发改局', '县发展和改革局', '县编办', '县发改局', '', '县财政局']);
    expect(r.matched.map((m) => m.name)).toEqual(['县发改局', '县发展和改革局', '县财政局']);
    expect(r.unmatched.map((m) => m.name)).toEqual(['县编办']);
    expect(r.unitIds).toEqual([idOf('县发展和改革局'), idOf('县财政局')]);
  });
});
