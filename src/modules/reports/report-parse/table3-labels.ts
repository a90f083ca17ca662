/**
 * The words that identify each row and column of table 三 (labels: regulations.md §5). Each row is
 * recognised by the words no other row has, so a label with lost characters or an abridged wording
 * ("1.国家秘密", "本机关不掌握") is still placed; numbered grounds are also placed by their group and number.
 */
import { TABLE3_ROW_LABELS, type Table3Column, type Table3RowKey } from '../report.model.ts';
import { bestScore, hasWord, matchKey, subRowNumber } from './labels.ts';
import { compactLabel } from './normalise.ts';

const OWN_WORDS: readonly (readonly [Table3RowKey, readonly string[]])[] = [
  ['一', ['本年新收', '新收']],
  ['二', ['上年结转', '上年转结']],
  ['三(一)', ['予以公开']],
  ['三(二)', ['部分公开', '区分处理']],
  ['三(三)1', ['国家秘密']],
  ['三(三)2', ['法律行政法规禁止', '禁止公开']],
  ['三(三)3', ['三安全一稳定', '危及']],
  ['三(三)4', ['第三方合法权益', '第三方']],
  ['三(三)5', ['内部事务']],
  ['三(三)6', ['过程性信息', '过程性']],
  ['三(三)7', ['行政执法案卷', '执法案卷']],
  ['三(三)8', ['行政查询事项', '行政查询']],
  ['三(四)1', ['不掌握']],
  ['三(四)2', ['另行制作', '没有现成']],
  ['三(四)3', ['仍不明确']],
  ['三(五)1', ['信访举报投诉', '信访']],
  ['三(五)2', ['重复申请']],
  ['三(五)3', ['公开出版物', '出版物']],
  ['三(五)4', ['大量反复']],
  ['三(五)5', ['确认或重新出具', '重新出具']],
  ['三(六)1', ['逾期不补正']],
  ['三(六)2', ['缴纳费用', '收费通知']],
  ['三(七)', ['总计', '合计']],
  ['四', ['结转下年', '继续办理']],
];

/** The row's full label without its numbering: the long words that tolerate lost characters. */
const fullLabel = (key: Table3RowKey) =>
  compactLabel(TABLE3_ROW_LABELS[key])
    .replace(/^(?:\d+\.|\([一二三四五六七]\)|[一二三四]、)/, '')
    .replace(/\(.*\)$/, '');
export const ROW_WORDS: readonly (readonly [Table3RowKey, readonly string[]])[] = OWN_WORDS.map(
  ([key, words]) => [key, [...words, fullLabel(key)]] as const,
);

export type Group = '三' | '四' | '五' | '六';
const GROUP_WORDS: readonly (readonly [Group, readonly string[]])[] = [
  ['三', ['不予公开']],
  ['四', ['无法提供']],
  ['五', ['不予处理']],
  ['六', ['其他处理']],
];
const GROUP_SIZE: Record<Group, number> = { 三: 8, 四: 3, 五: 5, 六: 3 };

// Headers split a column name over two lines ("商业 | 科研 |" then "企业 | 机构 |"): the first half is enough.
export const COLUMN_WORDS: readonly (readonly [Table3Column | 'group', readonly string[]])[] = [
  ['natural_person', ['自然人']],
  ['group', ['法人或其他组织', '法人']],
  ['commercial', ['商业企业', '商业']],
  ['research', ['科研机构', '科研']],
  ['public_interest', ['社会公益组织', '公益']],
  ['legal_services', ['法律服务机构', '法律服务']],
];

/** A header label's column: the words above, or exactly 其他 / 总计. */
export function columnOf(label: string): Table3Column | 'group' | null {
  const text = compactLabel(label);
  if (text === '其他') return 'other';
  if (text === '总计' || text === '合计') return 'total';
  return text.length <= 12 ? matchKey(text, COLUMN_WORDS) : null;
}

export function groupOf(label: string): Group | null {
  return GROUP_WORDS.find(([, words]) => hasWord(label, words))?.[0] ?? null;
}

export type RowClass =
  | { kind: 'row'; key: Table3RowKey; by: 'words' | 'number' }
  | { kind: 'group'; group: Group }
  | { kind: 'unknown' };

/**
 * What one label (possibly several label cells joined) is, given the group of the rows above. A label
 * naming only its group ("（六）其他处理") is a group; "3.其他" under （六） is 三(六)3.
 */
export function classifyLabel(label: string, group: Group | null): RowClass {
  const text = compactLabel(label);
  const key = matchKey(text, ROW_WORDS);
  if (key === '三(七)' && group === null && !/七/.test(text)) return { kind: 'unknown' };
  if (key) return { kind: 'row', key, by: 'words' };
  const n = subRowNumber(text);
  const ownGroup = groupOf(text) ?? group;
  if (n !== null && ownGroup && n <= GROUP_SIZE[ownGroup]) {
    return { kind: 'row', key: `三(${ownGroup})${n}` as Table3RowKey, by: 'number' };
  }
  if (groupOf(text)) return { kind: 'group', group: groupOf(text)! };
  if (group === '六' && /^(?:\d[.、]?)?其他$/.test(text)) return { kind: 'row', key: '三(六)3', by: 'words' };
  return { kind: 'unknown' };
}

/** True when the label's words say it is a 2021 row ("1." under a group counts). */
export function isRowLabel(label: string): boolean {
  return (
    bestScore(
      label,
      ROW_WORDS.flatMap(([, w]) => w),
    ) > 0
  );
}
