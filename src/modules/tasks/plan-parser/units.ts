/**
 * Responsible units (责任单位) from the bracketed tail of a task, in the variants real plans use:
 * "（责任单位：县财政局）", "(市发展改革委牵头，市直相关单位按职责分工负责)", "【责任单位】…", "…落实)",
 * mixed full/half-width brackets, nested brackets ("各乡镇人民政府(街道办事处)") and the carry-forward
 * clause "以下均需各区县人民政府负责，不再列出".
 */

import { globalStatementUnits, isGlobalStatement, isUnitName } from './statements.ts';

/** Units read from one tail. `carry` applies to this task and every later task of the same plan. */
export interface UnitTail {
  lead: string[];
  units: string[];
  carry: string[];
  /** Text that stood where units were expected but is no unit name (a statement, a sentence). */
  dropped: string[];
  /** A deadline given inside the tail ("完成时限：2022年底前"). */
  deadline?: string;
  /** The list ends with 等 ("县财政局等部门"): there may be more units than those named. */
  open?: boolean;
  /** "下同": these units also apply to the following tasks, until one names its own units. */
  ditto?: boolean;
}

// "（…，下同）", "（下同）", "以下同", "后同": the annotation applies to the following tasks too.
const DITTO = /(?:^|[，,；;、\s])(?:以下同|以下均同|下同|后同|余同)[。.]?$/;
const DITTO_ONLY = /^(?:以下同|以下均同|下同|后同|余同)[。.]?$/;
const DITTO_BRACKET = /^[（(【[［〔]\s*(?:以下同|以下均同|下同|后同|余同)\s*[）)】\]］〕][。.]?$/;

// 〔〕 (the brackets of document numbers) also hold tails: "〔责任单位：…，完成时限：…〕".
const OPEN = '（(【[［〔';
const CLOSE = '）)】]］〕';
/** The name of a unit field: 牵头单位, 责任单位, 配合部门, 责任科室, 主办处室 … */
export const LABEL_WORD = '(?:责任|牵头|配合|协办|参与|主办|承办|主责|协同)(?:单位|部门|科室|处室|股室|领导)';
const LABEL = new RegExp(`^[【[]?(${LABEL_WORD})[】\\]]?[:：]?`);
// Lead fields: the units that lead (牵头单位, 主办处室, 主责部门).
const LEAD_LABEL = /^(?:牵头|主办|主责)/;
const LABELLED_END = new RegExp(`(^|[。；;])\\s*((?:[【[]?${LABEL_WORD}[】\\]]?)[:：]?[^。]+)$`);
const DEADLINE_LABEL = '(?:完成时限|时限要求|完成时间|完成期限|时间要求|时限)';
const CLAUSE_BREAK = new RegExp(`[。；;]|(?=${LABEL_WORD}[:：])|(?<!完成)(?=${DEADLINE_LABEL}[:：])`);
const DEADLINE_CLAUSE = new RegExp(`^${DEADLINE_LABEL}[:：]\\s*(.+)$`);
const UNIT_WORDS = /牵头|负责|落实|配合|参与|责任单位|牵头单位|责任部门/;
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
  // "…（责任单位：县财政局）（下同）": a bracket holding only "下同" marks the tail before it.
  if (CLOSE.includes(text.charAt(last))) {
    const open = findOpening(text, last);
    if (open > 0 && DITTO_ONLY.test(text.slice(open + 1, last).trim())) {
      const before = splitUnitTail(text.slice(0, open));
      return before.tail ? { body: before.body, tail: { ...before.tail, ditto: true } } : before;
    }
  }
  if (CLOSE.includes(text.charAt(last))) {
    const open = findOpening(text, last);
    const inner = open >= 0 ? text.slice(open + 1, last).trim() : '';
    if (open >= 0 && isUnitText(inner))
      return { body: text.slice(0, open).trim(), tail: parseUnitText(inner) };
  }
  const labelled = LABELLED_END.exec(text);
  if (labelled?.[2]) {
    return {
      body: text.slice(0, labelled.index + (labelled[1] ?? '').length).trim(),
      tail: parseUnitText(labelled[2]),
    };
  }
  return splitRoleSentence(paragraph.trim(), text);
}

/**
 * "…执法监管信息。县生态环境局牵头，县自然资源局配合。": an unbracketed last sentence made only of unit
 * names and role words is the unit annotation. Every named unit must end like an organisation, so a
 * sentence such as "县财政局负责公开预算信息" stays content.
 */
function splitRoleSentence(paragraph: string, text: string): { body: string; tail: UnitTail | null } {
  const at = Math.max(...[...'。；;！？'].map((p) => text.lastIndexOf(p)));
  const sentence = text.slice(at + 1).trim();
  if (at < 0 || sentence.length > 80 || !readRoles(sentence, true)) return { body: paragraph, tail: null };
  return { body: text.slice(0, at + 1).trim(), tail: parseUnitText(sentence) };
}

// "X牵头", "Y按职责分工负责", "由Z负责", "W协办": a unit list and the role it plays.
const ROLE_PIECE =
  /^由?(.+?)(?:按照?职责(?:分工)?|共同|分别|协同|积极)?(牵头|主办|主责|负责|落实|配合|协助|协办|参与)$/;
const LEAD_ROLE = /^(?:牵头|主办|主责)$/;
const CO_ROLE = /^(?:配合|协助|协办|参与)$/;
// Endings of a unit named in a role sentence; stricter than a bracketed tail, which is known to hold units.
const ROLE_UNIT =
  /(?:单位|部门|机构|政府|办事处|委员会|局|委|办|中心|厅|院|所|站|队|公司|小组|室|科|处|馆|街道|乡镇|镇|乡|社区|专班)(?:（[^（）]{1,8}）)?$/;

/**
 * Reads "X牵头，Y配合" / "X负责，Y协助" / "X主办，Y协办": 牵头/主办/主责 lead, and so does 负责 when
 * others only assist; every other unit is a responsible unit. Null when a piece is no "units + role".
 */
function readRoles(text: string, strict: boolean): { lead: string[]; units: string[] } | null {
  const pieces = text
    .split(/[，,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const read = pieces.map((p) => ROLE_PIECE.exec(p));
  if (read.length === 0 || read.some((m) => m === null)) return null;
  const roles = read.map((m) => m![2]!);
  const leadBy = roles.some((r) => LEAD_ROLE.test(r))
    ? LEAD_ROLE
    : roles.some((r) => CO_ROLE.test(r))
      ? /^负责$/
      : null;
  const result = { lead: [] as string[], units: [] as string[] };
  for (const m of read) {
    const names = splitUnitList(m![1]!);
    if (names.length === 0 || (strict && !names.every((n) => ROLE_UNIT.test(n) && isUnitName(n))))
      return null;
    (leadBy?.test(m![2]!) ? result.lead : result.units).push(...names);
  }
  return result;
}

/** Bracket groups at nesting depth 0, as [open, close] positions. */
function bracketGroups(text: string): [number, number][] {
  const groups: [number, number][] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (OPEN.includes(ch)) {
      if (depth === 0) start = i;
      depth++;
    } else if (CLOSE.includes(ch) && depth > 0) {
      depth--;
      if (depth === 0) groups.push([start, i]);
    }
  }
  return groups;
}

const SENTENCE_END = /[。；;！？!?]$/;

/** Where inline unit tails end: "…预期。(牵头单位:县发改局)常态化推进…" has one after "…)". */
function inlineTailEnds(text: string): number[] {
  const ends: number[] = [];
  for (const [open, close] of bracketGroups(text)) {
    const rest = text.slice(close + 1);
    const after = rest.replace(/^[。.；;\s]+/, '');
    // The final tail (perhaps followed by "（下同）"): splitUnitTail reads it.
    if (after === '' || DITTO_BRACKET.test(after)) continue;
    const inner = text.slice(open + 1, close).trim();
    if (!(LABEL.test(inner) || UNIT_WORDS.test(inner)) || inner.length > 400) continue;
    if (inner.replace(LABEL, '').trim() === '') continue; // "【责任单位】市政府办": a label, the units follow
    const before = text.slice(0, open).trim();
    if (before !== '' && !SENTENCE_END.test(before) && !/^[。；;]/.test(rest)) continue;
    ends.push(close + 1 + (/^[。；;]/.test(rest) ? 1 : 0));
  }
  return ends;
}

/** Removes "以下均需…不再列出" sentences written outside brackets; their units are carried forward. */
function takeStatements(body: string): { body: string; tail: UnitTail | null } {
  const sentences = body.split(/(?<=[。；;])/);
  const statements = sentences.filter((s) => isGlobalStatement(s) && !/[（(【[]/.test(s));
  if (statements.length === 0) return { body, tail: null };
  const tail = parseUnitText(statements.join('；'));
  return {
    body: sentences
      .filter((s) => !statements.includes(s))
      .join('')
      .trim(),
    tail,
  };
}

function joinTails(a: UnitTail | null, b: UnitTail | null): UnitTail | null {
  if (!a || !b) return a ?? b;
  return {
    lead: dedupe([...a.lead, ...b.lead]),
    units: dedupe([...a.units, ...b.units]),
    carry: dedupe([...a.carry, ...b.carry]),
    dropped: [...a.dropped, ...b.dropped],
    ...((a.deadline ?? b.deadline) ? { deadline: a.deadline ?? b.deadline } : {}),
  };
}

/**
 * Splits a paragraph into sentence groups, each with the unit tail that closes it: a paragraph may
 * carry several "(牵头单位：…)" tails, each naming the units of the sentences before it.
 */
export function splitSentenceGroups(paragraph: string): { body: string; tail: UnitTail | null }[] {
  const text = paragraph.trim();
  const pieces: string[] = [];
  let from = 0;
  for (const end of inlineTailEnds(text)) {
    pieces.push(text.slice(from, end));
    from = end;
  }
  pieces.push(text.slice(from));
  return pieces
    .filter((piece) => piece.trim() !== '')
    .map((piece) => {
      const { body, tail } = splitUnitTail(piece);
      const statement = takeStatements(body);
      return { body: statement.body, tail: joinTails(tail, statement.tail) };
    });
}

/** Parses the text inside a unit tail into lead units, units and carried-forward units. */
export function parseUnitText(raw: string): UnitTail {
  const result: UnitTail = { lead: [], units: [], carry: [], dropped: [] };
  const ditto = DITTO.exec(raw.trim());
  const inner = ditto ? raw.trim().slice(0, ditto.index) : raw;
  if (ditto) result.ditto = true;
  if (inner.split(CLAUSE_BREAK).some((c) => OPEN_LIST.test(c.trim().replace(VERB_TAIL, ''))))
    result.open = true;
  for (const rawClause of inner.split(CLAUSE_BREAK)) {
    const clause = rawClause.trim();
    if (clause === '') continue;
    const deadline = DEADLINE_CLAUSE.exec(clause);
    if (deadline?.[1]) {
      result.deadline = deadline[1].replace(/[，,]$/, '');
      continue;
    }
    if (isGlobalStatement(clause)) {
      const carried = globalStatementUnits(clause);
      if (carried) result.carry.push(...splitUnitList(carried));
      else result.dropped.push(clause);
      continue;
    }
    readClause(clause, result);
  }
  const keep = (list: string[]) => {
    const bad = list.filter((u) => !isUnitName(u));
    result.dropped.push(...bad);
    return dedupe(list.filter(isUnitName));
  };
  result.lead = keep(result.lead);
  result.units = keep(result.units).filter((u) => !result.lead.includes(u));
  result.carry = keep(result.carry);
  return result;
}

function readClause(clause: string, into: UnitTail): void {
  const label = LABEL.exec(clause);
  const text = label ? clause.slice(label[0].length).trim() : clause;
  // 牵头领导/责任领导 name people, not units.
  if (label?.[1]?.endsWith('领导')) {
    into.dropped.push(clause);
    return;
  }
  if (label?.[1] && LEAD_LABEL.test(label[1])) {
    into.lead.push(...splitUnitList(text.replace(VERB_TAIL, '')));
    return;
  }
  // "X主办，Y协办", "X负责，Y协助": the role words say who leads.
  const roles =
    /主办|主责|协办|协助/.test(text) || /负责[，,].*(?:配合|参与)$/.test(text)
      ? readRoles(text, false)
      : null;
  if (roles) {
    into.lead.push(...roles.lead);
    into.units.push(...roles.units);
    return;
  }
  const leadAt = text.indexOf('牵头');
  if (leadAt === -1) {
    into.units.push(...unitItems(text.replace(VERB_TAIL, '')));
    return;
  }
  const leadText = text.slice(0, leadAt).replace(/(?:按照职责|按职责|共同|分别)$/, '');
  const rest = text
    .slice(leadAt + 2)
    .replace(/^[，,、\s]*(?:负责)?[，,、\s]*/, '')
    .replace(VERB_TAIL, '');
  into.lead.push(...splitUnitList(leadText));
  into.units.push(...unitItems(rest));
}

/** "各部门按职责分工负责，县直相关单位配合": each item loses its role words. */
function unitItems(text: string): string[] {
  return splitUnitList(text)
    .map((item) => item.replace(VERB_TAIL, ''))
    .filter((item) => item !== '');
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
  // "县教育局等部门": a bare 部门/单位 names no group of its own; the examples are the units.
  if (BARE_GROUP.test(group)) return [piece.slice(0, at)];
  return UNIT_SUFFIX.test(group) ? [piece.slice(0, at), group] : [piece];
}

// "等有关部门" (the departments concerned) is a group the corpus keeps; a bare "部门" names nobody.
const BARE_GROUP = /^(?:部门|单位|机构)$/;
/** "A、B等" or "A、B等部门": the list names examples, there may be more units. */
export const OPEN_LIST = /等(?:相关|有关|其他|其它)?(?:部门|单位|机构)?$/;

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
