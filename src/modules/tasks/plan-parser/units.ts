/**
 * Responsible units (责任单位) from the bracketed tail of a task, in the variants real plans use:
 * "（责任单位：县财政局）", "(市发展改革委牵头，市直相关单位按职责分工负责)", "【责任单位】…", "…落实)",
 * mixed full/half-width brackets, nested brackets ("各乡镇人民政府(街道办事处)") and the carry-forward
 * clause "以下均需各区县人民政府负责，不再列出".
 */

/** Units read from one tail. `carry` applies to this task and every later task of the same plan. */
export interface UnitTail {
  lead: string[];
  units: string[];
  carry: string[];
}

const OPEN = '（(【[［';
const CLOSE = '）)】]］';
const LABEL = /^[【[]?(责任单位|牵头单位|责任部门|牵头部门|配合单位|协办单位)[】\]]?[:：]?/;
const UNIT_WORDS = /牵头|负责|落实|配合|参与|责任单位|牵头单位|责任部门/;
const CARRY = /^以下(?:均|都)?(?:需|由|为)?(.+?)(?:负责|落实)[，,]?不再(?:单独|一一)?列出$/;
const VERB_TAIL =
  /(?:按照|按|根据)?(?:职责)?(?:分工)?(?:分别|共同|协同|积极)?(?:负责|落实|配合|参与|实施|承担)$/;
const UNIT_SUFFIX = /(?:单位|部门|机构|政府|办事处|委员会|局|委|办|中心|厅|院|所|站|队|公司|小组)$/;

function findOpening(text: string, closeAt: number): number {
  let depth = 0;
  for (let i = closeAt; i >= 0; i--) {
    const ch = text.charAt(i);
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Does the bracketed text name units rather than explain content ("(网络在线、电话在线)")? */
function isUnitText(inner: string): boolean {
  if (inner.length > 400) return false;
  if (LABEL.test(inner) || UNIT_WORDS.test(inner)) return true;
  // A bare list such as "（市司法局、市财政局）": every item must end like an organisation.
  const items = splitUnitList(inner);
  return !/[。：:]/.test(inner) && items.length > 0 && items.every((item) => UNIT_SUFFIX.test(item));
}

/**
 * Splits a paragraph into its body and its unit tail, if it ends with one (a trailing "。" after the
 * bracket is tolerated). Also accepts an unbracketed "…。责任单位：县财政局" ending.
 */
export function splitUnitTail(paragraph: string): { body: string; tail: UnitTail | null } {
  const text = paragraph.trim().replace(/[。.]$/, '');
  const last = text.length - 1;
  if (CLOSE.includes(text.charAt(last))) {
    const open = findOpening(text, last);
    const inner = open >= 0 ? text.slice(open + 1, last).trim() : '';
    if (open >= 0 && isUnitText(inner))
      return { body: text.slice(0, open).trim(), tail: parseUnitText(inner) };
  }
  const labelled =
    /(^|[。；;])\s*((?:[【[]?(?:责任单位|牵头单位|责任部门|牵头部门)[】\]]?)[:：]?[^。]+)$/.exec(text);
  if (labelled?.[2]) {
    return {
      body: text.slice(0, labelled.index + (labelled[1] ?? '').length).trim(),
      tail: parseUnitText(labelled[2]),
    };
  }
  return { body: paragraph.trim(), tail: null };
}

/** Parses the text inside a unit tail into lead units, units and carried-forward units. */
export function parseUnitText(inner: string): UnitTail {
  const result: UnitTail = { lead: [], units: [], carry: [] };
  for (const rawClause of inner.split(/[。；;]/)) {
    const clause = rawClause.trim();
    if (clause === '') continue;
    const carried = CARRY.exec(clause);
    if (carried?.[1]) {
      result.carry.push(...splitUnitList(carried[1]));
      continue;
    }
    readClause(clause, result);
  }
  result.lead = dedupe(result.lead);
  result.units = dedupe(result.units.filter((u) => !result.lead.includes(u)));
  result.carry = dedupe(result.carry);
  return result;
}

function readClause(clause: string, into: UnitTail): void {
  const label = LABEL.exec(clause);
  const text = label ? clause.slice(label[0].length).trim() : clause;
  if (label?.[1]?.startsWith('牵头')) {
    into.lead.push(...splitUnitList(text.replace(VERB_TAIL, '')));
    return;
  }
  const leadAt = text.indexOf('牵头');
  if (leadAt === -1) {
    into.units.push(...splitUnitList(text.replace(VERB_TAIL, '')));
    return;
  }
  const leadText = text.slice(0, leadAt).replace(/(?:按照职责|按职责|共同|分别)$/, '');
  const rest = text
    .slice(leadAt + 2)
    .replace(/^[，,、\s]*(?:负责)?[，,、\s]*/, '')
    .replace(VERB_TAIL, '');
  into.lead.push(...splitUnitList(leadText));
  into.units.push(...splitUnitList(rest));
}

/** Splits "县教育局、县卫计委、县住建局等行业主管部门" into unit names, keeping bracketed parts intact. */
export function splitUnitList(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;/]/.test(ch)) {
      pieces.push(current);
      current = '';
    } else current += ch;
  }
  pieces.push(current);
  return dedupe(
    pieces
      .flatMap(splitExamples)
      .map(normaliseUnit)
      .filter((u) => u !== ''),
  );
}

// "A等市直及驻张相关单位": A is an example of the group that follows 等; both are kept.
function splitExamples(piece: string): string[] {
  const at = piece.lastIndexOf('等');
  if (at <= 0 || at === piece.length - 1) return [piece];
  const group = piece.slice(at + 1);
  return UNIT_SUFFIX.test(group) ? [piece.slice(0, at), group] : [piece];
}

function normaliseUnit(unit: string): string {
  let text = unit.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/等$/, '');
  // A bracket cut off by the list split ("各乡镇人民政府（街道办事处" or "办事处）") is dropped.
  if (!text.includes('（')) text = text.replace(/）+$/, '');
  if (!text.includes('）')) text = text.replace(/^（+/, '').replace(/（$/, '');
  return text.replace(/^[【[]|[】\]]$/g, '').trim();
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}
