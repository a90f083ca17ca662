import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toSimplified } from '../../../lib/chinese-script.ts';
import {
  docNumberKeysInText,
  docNumberSearchKey,
  findDocNumbersInText,
  parseDocNumber,
} from '../documents/doc-number.ts';
import { GOV_TERM_FREQUENCY, GOV_TERMS } from './gov-terms.ts';
import { SEARCH_SYNONYM_GROUPS, synonymsOf } from './synonyms.ts';

/**
 * Chinese segmentation for full-text search. Both search providers (SQLite FTS5 with unicode61, PostgreSQL
 * 'simple') receive space-separated tokens.
 *
 * - **Index:** every run of Han characters becomes its overlapping character bigrams followed by its last
 *   character alone (优化营商环境 → 优化 化营 营商 商环 环境 境), so any word inside a longer word is found
 *   (营商环境 inside 优化营商环境, 建设项目 inside 重大建设项目) whatever a dictionary would have cut.
 *   Punctuation and spaces between Han characters do not break a run (双随机、一公开 is found as 双随机一公开),
 *   letters and digits are whole tokens, traditional characters are folded to simplified, and 发文字号 in
 *   the text add one search key each (doc-number.ts), so a typed number matches whatever brackets were used.
 * - **Query:** jieba `cut` with the 政务 dictionary splits a query into words (政务公开, 一件事一次办 stay whole);
 *   every word must match, as the phrase of its bigrams (matchFormsOf), or any synonym of it (synonyms.ts).
 */

/** Single characters that carry no meaning in a query (虚词). */
const QUERY_STOP_CHARACTERS: ReadonlySet<string> = new Set(
  '的了和与及或在是之等对于为把被也就都而并其这那有',
);

/** Punctuation, symbols and white space are removed from tokens (unicode61 would split at them anyway). */
const NON_WORD = /[\p{P}\p{S}\s]+/gu;

/** A Han character that may end or start a word (第, 年 and 号 belong to a 发文字号 instead). */
function isWordHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch) && !'第年号'.includes(ch);
}

/** Drops white space except between two word characters (通知 张政办发…): other spaces are typing noise. */
function dropNumberSpaces(text: string): string {
  return text.replace(/\s+/g, (space: string, offset: number) =>
    isWordHan(text.charAt(offset - 1)) && isWordHan(text.charAt(offset + space.length)) ? ' ' : '',
  );
}

let instance: Jieba | undefined;

/** The shared jieba instance with the default and the 政务 dictionaries; loaded on first use (≈ 0.3 s). */
function jieba(): Jieba {
  if (!instance) {
    const created = Jieba.withDict(dict);
    // Synonyms stay whole too, so 最低生活保障 is looked up as one word.
    const synonyms = SEARCH_SYNONYM_GROUPS.flat().filter((t) => /\p{Script=Han}/u.test(t));
    const terms = [...new Set([...GOV_TERMS, ...synonyms])];
    const lines = terms.map((term) => `${term} ${GOV_TERM_FREQUENCY} n`).join('\n');
    created.loadDict(Buffer.from(lines, 'utf8'));
    instance = created;
  }
  return instance;
}

/** Full-width folded and lower-cased, as both index and query text are. */
function prepare(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function cleanTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => t.replace(NON_WORD, '')).filter((t) => t !== '');
}

/** A Han character (the script search bigrams). */
const HAN = /\p{Script=Han}/u;
/** A letter or digit that is not Han: part of a whole latin/number token. */
const ALNUM = /[\p{L}\p{N}]/u;

/** Index tokens of one Han run: its bigrams, then its last character (a lone character: itself). */
function hanRunTokens(run: string, out: string[]): void {
  const chars = [...run];
  for (let k = 0; k + 1 < chars.length; k++) out.push(chars[k]! + chars[k + 1]!);
  if (chars.length > 0) out.push(chars[chars.length - 1]!);
}

/** The token stream of prepared text: Han runs as bigrams (across punctuation), letters/digits whole. */
function streamOf(prepared: string): string[] {
  const out: string[] = [];
  let han = '';
  let word = '';
  for (const ch of prepared) {
    if (HAN.test(ch)) {
      if (word) out.push(word);
      word = '';
      han += ch;
    } else if (ALNUM.test(ch)) {
      if (han) hanRunTokens(han, out);
      han = '';
      word += ch;
    } else if (word) {
      // Punctuation ends a latin/number token; it does not end a Han run.
      out.push(word);
      word = '';
    }
  }
  if (word) out.push(word);
  if (han) hanRunTokens(han, out);
  return out;
}

/**
 * The text to store in the full-text index: the token stream of the text (simplified, full-width folded,
 * lower-cased), joined by spaces, followed by the search keys of any 发文字号 in the text. Repeats are kept
 * (term frequency matters for ranking).
 */
export function tokensForIndex(text: string): string {
  const prepared = toSimplified(prepare(text));
  return [...streamOf(prepared), ...docNumberKeysInText(prepared)].join(' ');
}

/** A sequence of index tokens that must stand next to each other; the last may be a prefix. */
export interface IndexPhrase {
  tokens: readonly string[];
  /** The last token matches any index token that starts with it (a lone Han character at the end). */
  prefixLast: boolean;
}

/** A 发文字号 search key (docNumberSearchKey): one index token, matched as it is. */
const DOC_NUMBER_KEY = /^\p{Script=Han}+\d{4}年\d+号$/u;

/**
 * The index phrase of one query word (no spaces or punctuation): Han segments as their bigrams — plus
 * their last character when letters or digits follow in the word, since the text's run ends there too —
 * letters and digits whole; a lone Han character at the end is a prefix (every character of the text
 * starts a bigram or ends its run).
 */
/** A 发文字号 search key produced by tokensForQuery. */
export function isDocNumberKey(token: string): boolean {
  return DOC_NUMBER_KEY.test(token);
}

function phraseOf(term: string): IndexPhrase | null {
  if (DOC_NUMBER_KEY.test(term)) return { tokens: [term], prefixLast: false };
  const segments = term.match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? [];
  const tokens: string[] = [];
  let prefixLast = false;
  segments.forEach((segment, k) => {
    const last = k === segments.length - 1;
    if (!HAN.test(segment)) {
      tokens.push(segment);
      return;
    }
    const chars = [...segment];
    if (chars.length === 1) {
      tokens.push(segment);
      prefixLast = last;
      return;
    }
    for (let c = 0; c + 1 < chars.length; c++) tokens.push(chars[c]! + chars[c + 1]!);
    if (!last) tokens.push(chars[chars.length - 1]!);
  });
  return tokens.length ? { tokens, prefixLast } : null;
}

/**
 * The phrases any of which satisfies a query word: its own and those of its synonyms (synonyms.ts).
 * Empty when the word has no letters, digits or Han characters.
 */
export function matchFormsOf(term: string): IndexPhrase[] {
  const forms: IndexPhrase[] = [];
  const seen = new Set<string>();
  for (const t of [term, ...synonymsOf(term)]) {
    const prepared = toSimplified(prepare(t)).replace(NON_WORD, '');
    const phrase = phraseOf(prepared);
    const key = phrase ? `${phrase.tokens.join(' ')}${phrase.prefixLast ? '*' : ''}` : '';
    if (phrase && !seen.has(key)) {
      seen.add(key);
      forms.push(phrase);
    }
  }
  return forms;
}

/** The words to mark in results: the query words and their synonyms. */
export function highlightTermsOf(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap((t) => (DOC_NUMBER_KEY.test(t) ? [] : [t, ...synonymsOf(t)])))];
}

/**
 * Lone characters that belong to the number they follow: the parts of a legal text (第3条, 第2款).
 * Measure words stay apart: 65岁 must find 年满65周岁.
 */
const NUMBER_SUFFIXES = new Set('条款项章节');
const NUMBER = /^\p{N}+$/u;

/**
 * jieba cuts 第3条 into lone characters around the number; 第 before a number and 条/款/项 after it
 * belong to it, so 第3条 is not found in every text that has a 第, a 3 and a 条 somewhere.
 */
function withNumbersJoined(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const piece = raw[k]!;
    if (!NUMBER.test(piece)) {
      out.push(piece);
      continue;
    }
    let word = piece;
    if (out[out.length - 1] === '第') word = out.pop()! + word;
    if (NUMBER_SUFFIXES.has(raw[k + 1] ?? '')) {
      word += raw[k + 1]!;
      k++;
    }
    out.push(word);
  }
  return out;
}

/**
 * The tokens of a search query: jieba `cut` (so 政务公开, 一件事一次办 stay whole), punctuation and
 * stop characters removed, duplicates dropped, in order. A query that is a 发文字号 in any form — or contains
 * one — yields its search key instead of the number's pieces.
 */
export function tokensForQuery(query: string): string[] {
  let rest = toSimplified(prepare(query));
  const keys: string[] = [];
  const tight = dropNumberSpaces(rest.trim());
  const whole = /\s/.test(tight) ? null : parseDocNumber(tight);
  if (whole) return [docNumberSearchKey(whole)];
  for (const found of findDocNumbersInText(rest)) {
    keys.push(docNumberSearchKey({ prefix: found.hanRun, year: found.year, serial: found.serial }));
    rest = rest.replace(found.match, ' ');
  }
  const words = cleanTokens(withNumbersJoined(jieba().cut(rest, true))).filter(
    (t) => !QUERY_STOP_CHARACTERS.has(t),
  );
  return [...new Set([...keys, ...words])];
}

/**
 * Words of a text for word-based ranking (the 问答 box's BM25): jieba search-mode tokens (words and their
 * parts), simplified, full-width folded, lower-cased, punctuation removed. Repeats kept.
 */
export function wordsOf(text: string): string[] {
  return cleanTokens(jieba().cutForSearch(toSimplified(prepare(text)), true));
}

/** Words of a question or query: jieba `cut` (whole words), simplified, without stop characters. */
export function queryWordsOf(query: string): string[] {
  return cleanTokens(jieba().cut(toSimplified(prepare(query)), true)).filter(
    (t) => !QUERY_STOP_CHARACTERS.has(t),
  );
}
