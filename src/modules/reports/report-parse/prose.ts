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

const N = '(\\d+)\\s*(?:件|条|个|份|起|宗|次)';
const GAP = '[^,;。\\d]{0,16}?';
// Clauses about other channels: their 收到 / 办结 counts are not requests under 条例.
const NOT_REQUESTS =
  /信箱|热线|留言|来信|投诉|咨询|提案|建议|访谈|征集|12345|网民|诉求|许可|审批|政务服务|办件/;

const PATTERNS: Record<ProseKey, Pattern[]> = {
  新收: [
    { re: new RegExp(`(?:新收|收到|受理|接收|接到|登记)${GAP}申请${GAP}${N}`) },
    { re: new RegExp(`(?:新收|收到|受理|接收|接到)(?:了)?${N}${GAP}申请`) },
    { re: new RegExp(`(?:新收|收到|受理|接收)${GAP}依申请${GAP}${N}`) },
    { re: /(?:未|没有)(?:收到|接到|受理|接收|发生)[^,;。\d]{0,16}?申请/, zero: true },
    { re: /(?:无|没有)[^,;。\d]{0,4}?依申请公开(?:事项|件)/, zero: true },
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
    { re: /行政复议[^,;。\d]{0,12}?(?:均|都)?(?:为|是)\s*(?:0|零)(?![\d.])/, zero: true },
    { re: /(?:未|没有|无)[^,;。\d]{0,20}?行政复议/, zero: true },
  ],
  诉讼: [
    { re: new RegExp(`(?:行政)?诉讼${GAP}${N}`) },
    { re: /诉讼[^,;。\d]{0,12}?(?:均|都)?(?:为|是)\s*(?:0|零)(?![\d.])/, zero: true },
    { re: /(?:未|没有|无)[^,;。\d]{0,24}?诉讼/, zero: true },
  ],
};

interface Clause {
  text: string;
  /** The sentence is about another channel (letters, hotline, 政务服务) and names no 公开申请. */
  otherChannel: boolean;
}

const NAMES_REQUESTS = /公开申请|依申请|申请公开/;

function clauses(text: string): Clause[] {
  return text.split(/[。\n]/).flatMap((sentence) => {
    const otherChannel = NOT_REQUESTS.test(sentence) && !NAMES_REQUESTS.test(sentence);
    return sentence
      .split(/[,;]/)
      .map((c) => c.trim())
      .filter((c) => c !== '')
      .map((c) => ({ text: c, otherChannel }));
  });
}

/** Reads the prose totals; `notes` receives approximate numbers that were left out. */
export function readProse(text: string, notes: string[]): ParsedReport['prose'] {
  const parts = clauses(text);
  const read = (key: ProseKey) => firstMatch(parts, key, notes);
  return {
    新收: read('新收'),
    上年结转: read('上年结转'),
    办结: read('办结'),
    结转下年: read('结转下年'),
    复议: read('复议'),
    诉讼: read('诉讼'),
  };
}

const REQUEST_KEYS: ProseKey[] = ['新收', '上年结转', '办结', '结转下年'];

/** Whether a clause can state this total at all. */
function mayState(clause: Clause, key: ProseKey): boolean {
  const text = clause.text;
  if (clause.otherChannel || NOT_REQUESTS.test(text)) return false;
  // A clause about 复议 or 诉讼 counts appeals, not requests.
  if (REQUEST_KEYS.includes(key) && /复议|诉讼/.test(text)) return false;
  if (key === '新收' && (/上年|结转|撤回|撤销/.test(text) || !/公开|依申请/.test(text))) return false;
  if (key === '办结' && /上年|结转/.test(text)) return false;
  return !((key === '复议' || key === '诉讼') && text.length > 80);
}

function firstMatch(parts: Clause[], key: ProseKey, notes: string[]): Cell {
  for (const clause of parts) {
    if (!mayState(clause, key)) continue;
    for (const p of PATTERNS[key]) {
      const m = p.re.exec(clause.text);
      if (m) return p.zero ? 0 : Number(m[1]);
    }
    // "共收到申请100余件": an approximate number is no figure of the table.
    const exact = clause.text.replace(/(\d+)余/g, '$1');
    if (exact !== clause.text && PATTERNS[key].some((p) => !p.zero && p.re.test(exact))) {
      notes.push(`正文“${clause.text}”为约数，“${key}”未读取`);
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
