/**
 * Matching a label by its meaning: a label is recognised by its distinctive words, tolerating characters
 * lost to mojibake or line breaks ("1.属于国?秘密", "本年新 公开数量"): a word of five characters or more
 * matches when at least three quarters of its characters appear in order; shorter words must appear whole
 * (四 characters with one lost would let 不予公开 pass for 予以公开). When several keys match, the best wins.
 */
import { compactLabel } from './normalise.ts';

const FUZZY_MIN = 5;
const FUZZY_MAX_LABEL = 120;

/** Length of the longest common subsequence of two short strings. */
function lcs(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** Share of a word's characters that appear in order in the label (0 when too few for a short word). */
export function wordScore(label: string, word: string): number {
  const text = compactLabel(label);
  if (text.includes(word)) return 1;
  // Long labels are prose caught in a table: only whole words count there (and the cost stays linear).
  if (word.length < FUZZY_MIN || text.length > FUZZY_MAX_LABEL) return 0;
  // A subsequence spread over a long label is chance, not a damaged word: look at windows of the label.
  const span = word.length + 2;
  let best = 0;
  for (let i = 0; i + 1 < text.length || i === 0; i++) {
    best = Math.max(best, lcs(text.slice(i, i + span), word));
    if (i + span >= text.length) break;
  }
  const share = best / word.length;
  return share >= 0.75 ? share : 0;
}

/** Whether the label holds one of the words whole (no tolerance: for short, ambiguous words). */
export function hasWord(label: string, words: readonly string[]): boolean {
  const text = compactLabel(label);
  return words.some((w) => text.includes(w));
}

/** The best score of any of the words in the label. */
export function bestScore(label: string, words: readonly string[]): number {
  return Math.max(0, ...words.map((w) => wordScore(label, w)));
}

/** The key whose words match the label best (ties go to the first key), or null. */
export function matchKey<K extends string>(
  label: string,
  table: readonly (readonly [K, readonly string[]])[],
): K | null {
  let best: K | null = null;
  let bestValue = 0;
  for (const [key, words] of table) {
    const s = bestScore(label, words);
    if (s > bestValue) {
      best = key;
      bestValue = s;
    }
  }
  return best;
}

/** "3.其他" or "(3)其他" → 3; "(七)总计" → null (only Arabic sub-row numbers). */
export function subRowNumber(label: string): number | null {
  const m = /^\(?(\d{1,2})\s*[.、,)]/.exec(compactLabel(label));
  return m ? Number(m[1]) : null;
}
