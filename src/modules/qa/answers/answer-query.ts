/**
 * A question as typed → the words to look up. People type short, colloquial questions, sometimes in
 * traditional characters, sometimes only punctuation, 3,000 characters, markup or search operators
 * (AND, NEAR, *, quotes): all of it is text here — the retrieval is an in-memory BM25 over words, so no
 * operator reaches any query language.
 */

import { queryWordsOf } from '../../publishing/search/segmenter.ts';
import { synonymsOf } from '../../publishing/search/synonyms.ts';
import { QA_LIMITS } from '../qa.model.ts';

/** Message when nothing is left to look up. */
export const EMPTY_QUESTION_MESSAGE = '请输入要咨询的问题';

/**
 * Words that make a sentence a question but say nothing about its subject: left out of the coverage
 * share (ANSWER_MIN_COVERAGE), still looked up (and matched through the answer-box synonyms: 多少天 → 日).
 */
const QUESTION_WORDS: ReadonlySet<string> = new Set([
  '怎么',
  '怎样',
  '怎么样',
  '如何',
  '什么',
  '哪些',
  '哪里',
  '哪儿',
  '哪个',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '请问',
  '你好',
  '您好',
  '我',
  '我们',
  '你',
  '你们',
  '可以',
  '能',
  '能否',
  '能不能',
  '是否',
  '有没有',
  '需要',
  '要',
  '想',
  '多少',
  '多久',
  '几',
  '谁',
  '办',
  '怎么办',
  '一下',
  '现在',
  '还',
  '会',
  '个',
  // colloquial
  '啥',
  '咋',
  '咋办',
  '啥意思',
  '什么意思',
  '意思',
  '去',
  '带',
  '还是',
  '的话',
  '以后',
  '很',
  '归谁',
  '找谁',
  '多大',
]);

/** A one- or two-digit number says nothing on its own (every text has 1 and 20); 12345 or 2026 do. */
const SHORT_NUMBER = /^\d{1,2}$/;

/** English search operators typed by habit: words like any other, but no subject (AND, OR, NOT, NEAR). */
const OPERATOR_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'near']);

export interface QueryGroup {
  /** The word (or adjacent words joined: 多少天) as it appears in the question. */
  word: string;
  /** The word and its synonyms, each as the words it is made of (all must match for that variant). */
  variants: string[][];
  /** Counted in the coverage share. */
  content: boolean;
  /** The question's words a match of this group covers (a joined group covers each of its parts). */
  covers: string[];
}

export interface ParsedQuestion {
  /** Cleaned and cut question. */
  question: string;
  truncated: boolean;
  groups: QueryGroup[];
}

/** Longest run of adjacent words joined to find an everyday phrase in the synonym table (要|带|什么). */
const MAX_JOINED_WORDS = 3;

/** Markup removed, white space folded, cut to QA_LIMITS.askLength. */
export function cleanQuestion(raw: string): { question: string; truncated: boolean } {
  const text = raw
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  const truncated = chars.length > QA_LIMITS.askLength;
  return { question: truncated ? chars.slice(0, QA_LIMITS.askLength).join('').trim() : text, truncated };
}

const variantsOf = (term: string): string[][] =>
  synonymsOf(term, 'answers')
    .map((s) => queryWordsOf(s))
    .filter((v) => v.length > 0);

/**
 * The question's word groups: each distinct word with its synonyms, then every run of 2–3 adjacent words
 * that the synonym table knows as one phrase (多少|天 → 多少天 ↔ 期限 / 工作日), which covers its parts.
 */
export function parseQuestion(raw: string): ParsedQuestion {
  const { question, truncated } = cleanQuestion(raw);
  const words = queryWordsOf(question).filter((w) => !OPERATOR_WORDS.has(w));
  const groups: QueryGroup[] = [];
  for (const word of new Set(words))
    groups.push({
      word,
      variants: [[word], ...variantsOf(word)],
      content: !QUESTION_WORDS.has(word) && !SHORT_NUMBER.test(word),
      covers: [word],
    });
  for (let n = 2; n <= MAX_JOINED_WORDS; n++)
    for (let i = 0; i + n <= words.length; i++) {
      const parts = words.slice(i, i + n);
      const joined = parts.join('');
      const variants = variantsOf(joined);
      if (variants.length && !groups.some((g) => g.word === joined))
        groups.push({ word: joined, variants, content: false, covers: parts });
    }
  return { question, truncated, groups };
}

/** Every word a question looks up (its words and their synonyms), for highlighting. */
export function wordsToHighlight(groups: readonly QueryGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.variants.flat()))].filter((w) => !QUESTION_WORDS.has(w));
}

/** True when a group's word is a question word (not counted in the coverage). */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS.has(word);
}
