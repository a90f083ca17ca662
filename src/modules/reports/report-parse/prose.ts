/**
 * Totals stated in the report's prose: 新收, 上年结转, 办结, 结转下年, 复议, 诉讼 (and, for table 二 when the
 * table is missing, 行政规范性文件/规章 制发, 废止, 现行有效). Each is read from a clause (between commas) that
 * names it next to its number; clauses about letters, hotlines or messages are not applications. The first
 * statement wins; an approximate number ("100余件") is not read, and a note says so.
 */
import type { Cell, ParsedReport, Table2, Table2DocColumn, Table2DocRow } from '../report.model.ts';

type ProseKey = keyof ParsedReport['prose'];
interface Pattern {
  re: RegExp;
  /** The value when the clause says there were none ("未收到…行政诉讼"). */
  zero?: true;
}

const N = '(\\d+)\\s*(?:件|条|个|份|起|宗)';
const GAP = '[^,;。\\d]{0,16}?';
// Clauses about other channels: their 收到 / 办结 counts are not requests under 条例.
const NOT_REQUESTS = /信箱|热线|留言|来信|投诉|咨询|提案|建议|访谈|征集|12345|网民|诉求/;

const PATTERNS: Record<ProseKey, Pattern[]> = {
  新收: [
    { re: new RegExp(`(?:新收|收到|受理|接收|接到|登记)${GAP}申请${GAP}${N}`) },
    { re: new RegExp(`(?:新收|收到|受理|接收|接到)(?:了)?${N}${GAP}申请`) },
    { re: new RegExp(`(?:新收|收到|受理|接收)${GAP}依申请${GAP}${N}`) },
  ],
  上年结转: [
    { re: new RegExp(`上(?:一)?年度?(?:结转|转结|转入|遗留)${GAP}${N}`) },
    { re: new RegExp(`结转上(?:一)?年度?${GAP}${N}`) },
    { re: /(?:无|没有)上(?:一)?年度?(?:结转|转结)/, zero: true },
  ],
  办结: [
    { re: new RegExp(`(?:办结|答复|办理完毕|完成答复)${GAP}${N}`) },
    { re: new RegExp(`${N}${GAP}(?:已|均已|全部)?(?:办结|答复完毕)`) },
  ],
  结转下年: [
    { re: new RegExp(`(?:结转|转)(?:至|到|入)?(?:下一?年度?|次年|\\d{4}年)${GAP}${N}`) },
    { re: new RegExp(`${N}${GAP}(?:结转|转)(?:至|到|入)?(?:下一?年度?|次年|\\d{4}年)`) },
    { re: /(?:无|没有)(?:结转|转)(?:至|到|入)?(?:下一?年度?|次年|\d{4}年)/, zero: true },
  ],
  复议: [
    { re: new RegExp(`行政复议${GAP}${N}`) },
    { re: /(?:未|没有|无)[^,;。\d]{0,20}?行政复议/, zero: true },
  ],
  诉讼: [
    { re: new RegExp(`(?:行政)?诉讼${GAP}${N}`) },
    { re: /(?:未|没有|无)[^,;。\d]{0,24}?诉讼/, zero: true },
  ],
};

function clauses(text: string): string[] {
  return text
    .split(/[,;。\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** Reads the prose totals; `notes` receives approximate numbers that were left out. */
export function readProse(text: string, notes: string[]): ParsedReport['prose'] {
  const prose: ParsedReport['prose'] = {
    新收: null,
    上年结转: null,
    办结: null,
    结转下年: null,
    复议: null,
    诉讼: null,
  };
  const parts = clauses(text);
  for (const key of Object.keys(PATTERNS) as ProseKey[]) prose[key] = firstMatch(parts, key, notes);
  return prose;
}

function firstMatch(parts: string[], key: ProseKey, notes: string[]): Cell {
  for (const clause of parts) {
    if (NOT_REQUESTS.test(clause)) continue;
    // A 新收/办结 clause about 复议 or 诉讼 counts appeals, not requests.
    if (
      (key === '新收' || key === '办结' || key === '上年结转' || key === '结转下年') &&
      /复议|诉讼/.test(clause)
    )
      continue;
    if (key === '新收' && /上年|结转|撤回|撤销/.test(clause)) continue;
    if ((key === '复议' || key === '诉讼') && clause.length > 80) continue;
    for (const p of PATTERNS[key]) {
      const m = p.re.exec(clause);
      if (!m) continue;
      if (p.zero) return 0;
      const after = clause.slice(m.index + m[0].length - 1);
      if (/^\D?余/.test(after) || /\d余/.test(m[0])) break;
      return Number(m[1]);
    }
    if (
      /\d+余(?:件|条)/.test(clause) &&
      PATTERNS[key].some((p) => p.re.test(clause.replace(/(\d+)余/, '$1')))
    ) {
      notes.push(`正文“${clause}”为约数，“${key}”未读取`);
      return null;
    }
  }
  return null;
}

const DOC_VERBS: readonly (readonly [Table2DocColumn, string])[] = [
  ['made', '(?:制发|制定|印发|出台)'],
  ['repealed', '(?:废止)'],
];

type DocCounts = Partial<Record<Table2DocRow, Partial<Record<Table2DocColumn, number>>>>;

/** The first statement of a count wins. */
function setOnce(out: DocCounts, row: Table2DocRow, col: Table2DocColumn, value: number): void {
  const counts = out[row] ?? {};
  counts[col] ??= value;
  out[row] = counts;
}

/**
 * Table 二's document counts from the prose ("制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件"):
 * only where the verb is attached to the kind of document, or 现行有效 follows in the same sentence.
 */
export function readProseTable2(
  text: string,
): Partial<Record<Table2DocRow, Partial<Record<Table2DocColumn, number>>>> {
  const out: Partial<Record<Table2DocRow, Partial<Record<Table2DocColumn, number>>>> = {};
  for (const sentence of text.split(/[。\n]/)) {
    for (const [row, word] of [
      ['行政规范性文件', '(?:行政)?规范性文件'],
      ['规章', '(?:政府)?规章'],
    ] as const) {
      if (!new RegExp(word).test(sentence)) continue;
      const other = row === '规章' ? /规范性文件/ : /规章/;
      for (const [col, verb] of DOC_VERBS) {
        const m = new RegExp(`${verb}(?:了)?${word}(\\d+)件`).exec(sentence);
        if (m) setOnce(out, row, col, Number(m[1]));
      }
      const inForce = new RegExp(`现行有效(?:的)?(?:${word})?(?:件数)?(?:为|共|有)?(\\d+)件`).exec(sentence);
      if (inForce && !other.test(sentence)) setOnce(out, row, 'inForce', Number(inForce[1]));
    }
  }
  return out;
}

/** Fills a table 二 from the prose counts; null when the prose states none. */
export function table2FromProse(text: string, empty: () => Table2): Table2 | null {
  const counts = readProseTable2(text);
  const rows = Object.keys(counts) as Table2DocRow[];
  if (rows.length === 0) return null;
  const table = empty();
  for (const row of rows) Object.assign(table[row], counts[row]);
  return table;
}
