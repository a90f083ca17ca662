/**
 * Words people type for the same thing: abbreviations (低保 ↔ 最低生活保障), everyday words for statutory
 * ones (多少天 ↔ 日 is a question-answering concern and lives with the answer box), old and new names.
 * Data, not code: each group lists equivalent terms; a query term that equals one of them also matches the
 * others. Used by search (query expansion) and by the 问答 box. Keep the groups small and certain: a wrong
 * group costs precision everywhere.
 */
export const SEARCH_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // ── search ──
  ['低保', '最低生活保障'],
  ['特困', '特困人员', '特困供养'],
  ['医保', '医疗保障', '医疗保险'],
  ['社保', '社会保险'],
  ['公积金', '住房公积金'],
  ['12345', '12345热线', '政务服务便民热线'],
  ['民生实事', '民生实事项目'],
  ['减税降费', '税费优惠'],
  ['残疾人两项补贴', '困难残疾人生活补贴', '重度残疾人护理补贴'],
  ['公租房', '公共租赁住房'],
  ['保障房', '保障性住房'],
  // ── end search ──
];

/** Groups the 问答 box adds to the search groups: everyday question words and names (not used by search). */
export const ANSWER_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // ── answers ──
  // Everyday question words → the statutory words texts use (the 问答 box joins adjacent question words
  // such as 多少|天 before looking them up). Pairs, not groups: 期限 and 工作日 must not become synonyms of
  // each other in search, only of the everyday word.
  ['多少天', '期限'],
  ['多少天', '工作日'],
  ['多少天', '日内'],
  ['几天', '期限'],
  ['几天', '工作日'],
  ['多久', '期限'],
  ['多久', '时限'],
  ['多长时间', '期限'],
  ['多长时间', '时限'],
  ['怎么办', '程序'],
  ['怎么办理', '程序'],
  ['如何办理', '程序'],
  ['怎么申请', '程序'],
  ['如何申请', '程序'],
  ['哪里', '地点'],
  ['哪里', '窗口'],
  ['要带什么', '材料'],
  ['带什么', '材料'],
  ['多少钱', '标准'],
  ['多少钱', '金额'],
  ['多少钱', '费用'],
  ['咋办', '程序'],
  // Everyday names of statutory terms.
  ['老人', '老年人'],
  ['业委会', '业主委员会'],
  ['保障房', '保障性住房'],
  ['开公司', '企业开办'],
  ['岁数', '周岁'],
  // ── end answers ──
];

function indexOf(groups: readonly (readonly string[])[]): ReadonlyMap<string, readonly string[]> {
  const m = new Map<string, string[]>();
  for (const group of groups)
    for (const term of group) {
      const have = m.get(term) ?? [];
      m.set(term, [...have, ...group.filter((o) => o !== term && !have.includes(o))]);
    }
  return m;
}

const SEARCH_INDEX = indexOf(SEARCH_SYNONYM_GROUPS);
const ANSWER_INDEX = indexOf([...SEARCH_SYNONYM_GROUPS, ...ANSWER_SYNONYM_GROUPS]);

/**
 * The other terms of every group `term` belongs to (exact match after NFKC and lower case), or []. Search
 * uses the search groups; the 问答 box (`'answers'`) also its everyday words.
 */
export function synonymsOf(term: string, scope: 'search' | 'answers' = 'search'): readonly string[] {
  return (scope === 'answers' ? ANSWER_INDEX : SEARCH_INDEX).get(term.normalize('NFKC').toLowerCase()) ?? [];
}
