/**
 * Responsibility statements that are not unit names: "以下均需各县市区落实，不再逐一列出" (the named units
 * take part in every later task, so they are carried forward), and words that can never be a unit
 * ("按职责分工负责", a whole sentence). A statement is never listed as a unit.
 */

// "…不再列出 / 不再单独列出 / 不再逐一列出 / 不再一一列出 / 不另列出": the sentence applies to later tasks.
const GLOBAL = /(?:不再|不另|无需|不)(?:单独|一一|逐一|逐项|另行|重复)?(?:列出|列明|标注|注明|列举|标明)/;
// The units of a global statement: after 均需/需/由 …, before 负责/落实 ….
const GLOBAL_UNITS =
  /^(?:以下|下列|以后|后续|本[^，,]{0,10})?[^，,]{0,12}?(?:均|都|全部|统一)?(?:需|须|由|要|应)(?:由)?(.+?)(?:共同|分别|按职责)?(?:负责|落实|承担|实施|参与|配合|执行|推进)/;
/** Words that show a string is a statement or a clause, not an organisation's name. */
export const STATEMENT_WORDS = /以下|不再|均需|均由|列出|按职责|分工|负责|落实|下同|后同|同上|[。；;：:]/;
const UNIT_MAX = 40;

/** Is this clause a global statement ("以下…不再列出")? */
export function isGlobalStatement(clause: string): boolean {
  return GLOBAL.test(clause);
}

/** The unit text named by a global statement, or null when it names none that can be read. */
export function globalStatementUnits(clause: string): string | null {
  const match = GLOBAL_UNITS.exec(clause.replace(/\s+/g, ''));
  const units = match?.[1]?.replace(/[，,]$/, '');
  return units && !STATEMENT_WORDS.test(units) ? units : null;
}

/** Could this string be a unit name (not a statement, not a sentence)? */
export function isUnitName(unit: string): boolean {
  return unit.length <= UNIT_MAX && !STATEMENT_WORDS.test(unit);
}
