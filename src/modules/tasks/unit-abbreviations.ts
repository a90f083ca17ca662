/**
 * The editable table of abbreviations that plans use for unit names (县发改局 = 县发展和改革局).
 * Each pair is [part of a full name, how plans shorten it]. The matcher applies every pair that fits a
 * unit's name, alone and all together, and indexes the results next to the name and the short name.
 * Add a pair here when a common abbreviation is missing; one-off names are better remembered as an
 * alias (task_unit_aliases) by the 政务公开管理员.
 */
const UNIT_ABBREVIATIONS: readonly (readonly [full: string, short: string])[] = [
  ['发展和改革', '发改'],
  ['发展和改革', '发展改革'],
  ['人力资源和社会保障', '人社'],
  ['人力资源和社会保障', '人力资源社会保障'],
  ['市场监督管理', '市场监管'],
  ['市场监督管理', '市监'],
  ['卫生健康', '卫健'],
  ['卫生和健康', '卫健'],
  ['住房和城乡建设', '住建'],
  ['住房城乡建设', '住建'],
  ['政务服务中心', '政务中心'],
  ['人民政府办公室', '政府办'],
  ['人民政府', '政府'],
  ['工业和信息化', '工信'],
  ['应急管理', '应急'],
  ['行政审批服务', '行政审批'],
  ['交通运输', '交通'],
  ['农业农村', '农业农村'],
  ['机构编制委员会办公室', '编办'],
  ['自来水公司', '水司'],
];

/** Every abbreviated form of `name`: each applicable pair alone, then all applicable pairs together. */
export function abbreviationsOf(name: string, table = UNIT_ABBREVIATIONS): string[] {
  const out = new Set<string>();
  let all = name;
  for (const [full, short] of table) {
    if (!name.includes(full)) continue;
    out.add(name.replace(full, short));
    if (all.includes(full)) all = all.replace(full, short);
  }
  out.add(all);
  out.delete(name);
  return [...out];
}
