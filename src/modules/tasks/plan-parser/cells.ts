/**
 * The shape of one table cell, judged by its text alone: a row number, a section heading (一、/（一）), a
 * deadline, a completion status, a list of units, a short title or running text. Flattened tables lose
 * the column boundaries, so the table readers place cells by these shapes.
 */
import { normaliseDeadline } from './deadline.ts';
import { parseMarker } from './numbering.ts';
import { isGlobalStatement } from './statements.ts';
import { splitUnitList } from './units.ts';

/** Endings of organisation names (局, 委, 办公室, 管委会, 科, 所, 政府 …), also with a bracketed rest "各镇（办）". */
export const ORG_END =
  /(?:局|委|办|中心|单位|部门|政府|办事处|街道|乡镇|镇|乡|村|社区|院|所|站|队|公司|小组|室|科|厅|会|处|组|机构|专班|网站|集团|银行|馆|校|台|社|团|股|区|县|市|省|部|署|班子|人员|企业)(?:[（(][^（()）]{1,8}[）)])?$/;

/** "同上" (also "同上一行", "同前") in a cell: the same as the row above. */
export const SAME_AS_ABOVE = /^(?:同上|同上一?行|同前)[。.]?$/;

// "县发改局牵头", "县直相关单位配合": the role word after a unit name.
const ROLE_WORDS = /(?:按职责分工负责|按职责负责|牵头|配合|负责|落实|参与|协助)$/;

/** A row number alone in its cell ("3", "3."). */
export function isRowNumber(text: string): boolean {
  return /^\d{1,3}[.、．]?$/.test(text);
}

/** A heading row of a table: "一、深入推进政策公开" or "（一）做好各类规划主动公开", without a full stop. */
export function isHeadingCell(text: string): boolean {
  const marker = parseMarker(text);
  if (!marker || (marker.style !== 'chapter' && marker.style !== 'cn-paren') || marker.lenient) return false;
  return marker.rest.length <= 40 && !/[。；;]/.test(marker.rest);
}

/** Words that are deadlines in a 时限 cell (a date, a recurrence, "年底前", "持续推进", "2021910"). */
export function isDeadlineCell(text: string): boolean {
  const bare = text.replace(/\s+/g, '');
  if (bare.length > 24 || /[。；;]/.test(bare)) return false;
  if (/^(?:长期|常态|立即|及时|按要求|按时|持续)/.test(bare)) return true;
  const deadline = normaliseDeadline(bare, 2000);
  return deadline !== null && !('text' in deadline && !/内$/.test(deadline.text));
}

/** A completion status (完成情况): "推进中", "已完成". */
export function isStatusCell(text: string): boolean {
  return /^(?:已完成|完成|未完成|推进中|进行中|正在推进|持续推进中|已启动|未启动|按时完成|基本完成)$/.test(
    text.replace(/\s+/g, ''),
  );
}

/**
 * A list of units: no sentence punctuation, and most `、`/`，` items end like an organisation
 * ("市发改委、市住建局，市政府各部门", "财政所、便民综合服务中心、土管所等").
 */
export function isUnitCell(cell: string): boolean {
  if (SAME_AS_ABOVE.test(cell.trim())) return true;
  // "市发改委。以下均需各县市区落实，不再逐一列出": the statement goes with the units it follows.
  const sentences = cell.split(/[。；;]/).filter((s) => s.trim() !== '');
  const text = sentences.filter((s) => !isGlobalStatement(s)).join('、');
  if (text === '') return sentences.length > 0;
  if (text.length > 400 || /[。；;：:！？“”"《]/.test(text)) return false;
  const items = splitUnitList(text);
  if (items.length === 0) return false;
  const organisations = items
    .map((item) => item.replace(ROLE_WORDS, ''))
    .filter((item) => item.length <= 30 && ORG_END.test(item)).length;
  return organisations / items.length >= 0.6;
}

/** A short title cell ("推进政策公开", "1.行政规范性文件集中公开"): no sentence inside. */
export function isTitleCell(text: string): boolean {
  return text.length <= 30 && !/[。；;，,]/.test(text.replace(/[。]$/, ''));
}
