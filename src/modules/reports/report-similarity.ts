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

/** Length of the character n-grams compared. Trigrams: bigrams are mostly common words (政府, 公开). */
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

function ngramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = Array.from(text);
  for (let i = 0; i + SIMILARITY_NGRAM <= chars.length; i++) {
    const gram = chars.slice(i, i + SIMILARITY_NGRAM).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const [gram, n] of b) {
    sizeB += n;
    shared += Math.min(n, a.get(gram) ?? 0);
  }
  const smaller = Math.min(sizeA, sizeB);
  return smaller === 0 ? 0 : shared / smaller;
}

/**
 * Similarity of two texts, 0 (nothing shared) to 1 (the same once numbers, year and punctuation are
 * masked): the overlap coefficient |A∩B| / min(|A|, |B|) of their character-trigram multisets.
 */
export function textSimilarity(a: string, b: string): number {
  return overlap(ngramCounts(normaliseForSimilarity(a)), ngramCounts(normaliseForSimilarity(b)));
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
    for (const { index, grams } of comparable(current[section] ?? '', options.minLength)) {
      let best = { similarity: 0, previousIndex: -1 };
      for (const old of before) {
        const similarity = overlap(grams, old.grams);
        if (similarity > best.similarity) best = { similarity, previousIndex: old.index };
      }
      if (best.similarity >= options.threshold) found.push({ section, index, ...best });
    }
  }
  return found;
}

function comparable(text: string, minLength: number) {
  return splitParagraphs(text)
    .map((p, index) => ({ index, normalised: normaliseForSimilarity(p) }))
    .filter((p) => Array.from(p.normalised).length >= minLength)
    .map((p) => ({ index: p.index, grams: ngramCounts(p.normalised) }));
}
