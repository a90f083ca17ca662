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

/**
 * Chinese segmentation for full-text search. Both search providers (SQLite FTS5 with unicode61, PostgreSQL
 * 'simple') receive space-separated jieba tokens; documents are indexed with `cutForSearch` (words and their
 * parts), queries with `cut` (whole words). 发文字号 in the text also produce one search key each
 * (see doc-number.ts), so a typed number matches whatever brackets either side used.
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
    const lines = GOV_TERMS.map((term) => `${term} ${GOV_TERM_FREQUENCY} n`).join('\n');
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

/**
 * The text to store in the full-text index: cutForSearch tokens without punctuation, latin lower-cased,
 * joined by spaces, followed by the search keys of any 发文字号 in the text. Repeated words are kept
 * (term frequency matters for ranking).
 */
export function tokensForIndex(text: string): string {
  const prepared = prepare(text);
  const tokens = cleanTokens(jieba().cutForSearch(prepared, true));
  return [...tokens, ...docNumberKeysInText(prepared)].join(' ');
}

/**
 * The tokens of a search query: jieba `cut` (so 政务公开, 一件事一次办 stay whole), punctuation and
 * stop characters removed, duplicates dropped, in order. A query that is a 发文字号 in any form — or contains
 * one — yields its search key instead of the number's pieces.
 */
export function tokensForQuery(query: string): string[] {
  let rest = prepare(query);
  const keys: string[] = [];
  const tight = dropNumberSpaces(rest.trim());
  const whole = /\s/.test(tight) ? null : parseDocNumber(tight);
  if (whole) return [docNumberSearchKey(whole)];
  for (const found of findDocNumbersInText(rest)) {
    keys.push(docNumberSearchKey({ prefix: found.hanRun, year: found.year, serial: found.serial }));
    rest = rest.replace(found.match, ' ');
  }
  const words = cleanTokens(jieba().cut(rest, true)).filter((t) => !QUERY_STOP_CHARACTERS.has(t));
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
