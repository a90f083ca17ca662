/**
 * Text similarity for the 内容雷同 check (issue 12 §3): is a paragraph of this year's report last year's
 * paragraph again? Paragraphs are compared after masking numbers and the year, so a copied paragraph
 * with this year's figures still counts as copied, by the share of the shorter paragraph's character
 * trigrams that the other one also has (the overlap coefficient): a paragraph copied from last year and
 * then lengthened by a sentence is still copied, which the Dice coefficient would dilute.
 * Characters, not words: Chinese has no spaces, and a segmenter's choices would only add noise here.
 */

import { type ReportSections, SECTION_KEYS } from './report.model.ts';
import type { SimilarParagraph } from './report-checks.model.ts';
import { toSimplified } from './report-checks-script.ts';

/**
 * Length of the character n-grams compared (ngrams() packs exactly three characters). Trigrams: bigrams
 * are mostly common words (政府, 公开).
 */
export const SIMILARITY_NGRAM = 3;

/** The paragraphs of a section's text as rendered: separated by a blank line, trimmed, none empty. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const NUMBER = /\d+/g;
// A year in Chinese numerals (二〇二四年); other Chinese numerals are words (一事一申请) and stay.
const CHINESE_YEAR = /[〇零○一二三四五六七八九]{4}(?=年)/g;
// Whitespace, punctuation and symbols: how a paragraph is punctuated does not make it new.
const NOISE = /[\s\p{P}\p{S}]/gu;

/** Simplified characters, full-width to half-width, numbers and years masked as '#', whitespace and punctuation dropped. */
export function normaliseForSimilarity(text: string): string {
  // Punctuation goes first, so "3.5" and "1,200" are one number each.
  return toSimplified(text)
    .normalize('NFKC')
    .replace(NOISE, '')
    .replace(CHINESE_YEAR, '#')
    .replace(NUMBER, '#');
}

interface Grams {
  /** Trigram → how often; a trigram is its three UTF-16 code units packed in one number (48 bits). */
  counts: Map<number, number>;
  size: number;
}

function ngrams(text: string): Grams {
  const counts = new Map<number, number>();
  // UTF-16 code units: report text is in the BMP, and a rare astral character is cut the same way on
  // both sides. Numbers, not strings, as keys: this runs for every paragraph of every unit's report.
  const size = Math.max(0, text.length - SIMILARITY_NGRAM + 1);
  for (let i = 0; i < size; i++) {
    const gram =
      text.charCodeAt(i) * 0x1_0000_0000 + text.charCodeAt(i + 1) * 0x1_0000 + text.charCodeAt(i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return { counts, size };
}

const overlapOf = (shared: number, a: Grams, b: Grams) => {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : shared / smaller;
};

function overlap(a: Grams, b: Grams): number {
  let shared = 0;
  for (const [gram, n] of b.counts) shared += Math.min(n, a.counts.get(gram) ?? 0);
  return overlapOf(shared, a, b);
}

/**
 * Similarity of two texts, 0 (nothing shared) to 1 (the same once numbers, year and punctuation are
 * masked): the overlap coefficient |A∩B| / min(|A|, |B|) of their character-trigram multisets.
 */
export function textSimilarity(a: string, b: string): number {
  return overlap(ngrams(normaliseForSimilarity(a)), ngrams(normaliseForSimilarity(b)));
}

export interface SimilarityOptions {
  threshold: number;
  minLength: number;
}

/**
 * The paragraphs of this year's report at least `threshold` similar to a paragraph of the same section
 * of last year's report, each with its most similar previous paragraph. Paragraphs shorter than
 * `minLength` normalised characters, on either side, are not compared.
 */
export function findSimilarParagraphs(
  current: ReportSections,
  previous: ReportSections,
  options: SimilarityOptions,
): SimilarParagraph[] {
  const found: SimilarParagraph[] = [];
  for (const section of SECTION_KEYS) {
    const before = comparable(previous[section] ?? '', options.minLength);
    if (before.length === 0) continue;
    const index = postings(before);
    for (const paragraph of comparable(current[section] ?? '', options.minLength)) {
      const best = mostSimilar(paragraph.grams, before, index);
      if (best.similarity >= options.threshold) found.push({ section, index: paragraph.index, ...best });
    }
  }
  return found;
}

interface Paragraph {
  index: number;
  grams: Grams;
}

function comparable(text: string, minLength: number): Paragraph[] {
  return splitParagraphs(text)
    .map((p, index) => ({ index, normalised: normaliseForSimilarity(p) }))
    .filter((p) => p.normalised.length >= minLength)
    .map((p) => ({ index: p.index, grams: ngrams(p.normalised) }));
}

/** For every trigram, the previous paragraphs holding it: flat pairs (position in `before`, count). */
function postings(before: readonly Paragraph[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  before.forEach((p, position) => {
    for (const [gram, n] of p.grams.counts) {
      const list = index.get(gram);
      if (list) list.push(position, n);
      else index.set(gram, [position, n]);
    }
  });
  return index;
}

// Through the postings, only paragraphs sharing a trigram are visited: a report's sections hold dozens of
// paragraphs, and the dashboard checks every unit's report.
function mostSimilar(grams: Grams, before: readonly Paragraph[], index: Map<number, number[]>) {
  const shared = new Float64Array(before.length);
  for (const [gram, n] of grams.counts) {
    const list = index.get(gram);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) shared[list[i]!]! += Math.min(n, list[i + 1]!);
  }
  let best = { similarity: 0, previousIndex: -1 };
  shared.forEach((count, position) => {
    const old = before[position]!;
    const similarity = overlapOf(count, grams, old.grams);
    if (similarity > best.similarity) best = { similarity, previousIndex: old.index };
  });
  return best;
}
