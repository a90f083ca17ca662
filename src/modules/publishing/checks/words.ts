import { excerptAround, type RawFinding, type ScannedText } from './finding.ts';
import type { TypoEntry } from './word-lists.ts';

/** Every start offset of `needle` in `text`. */
function offsetsOf(text: string, needle: string): number[] {
  const offsets: number[] = [];
  if (needle === '') return offsets;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length))
    offsets.push(at);
  return offsets;
}

/** True when the occurrence of `entry.wrong` at `at` lies inside one of the entry's exceptions. */
function isException(text: string, at: number, entry: TypoEntry): boolean {
  return (entry.except ?? []).some((correct) => {
    const shift = correct.indexOf(entry.wrong);
    return shift !== -1 && text.startsWith(correct, at - shift);
  });
}

/** Finds the mistyped words of the list in the texts, one finding per occurrence, with the correction. */
export function checkTypos(texts: readonly ScannedText[], typos: readonly TypoEntry[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { location, text } of texts) {
    for (const entry of typos) {
      const { wrong, right } = entry;
      for (const at of offsetsOf(text, wrong)) {
        if (isException(text, at, entry)) continue;
        const excerpt = excerptAround(text, at, at + wrong.length).trim();
        findings.push({ message: `疑似错别字：“${wrong}”应为“${right}”`, excerpt, location });
      }
    }
  }
  return findings;
}

/** Finds words of the configured sensitive-word list (empty by default), one finding per occurrence. */
export function checkSensitiveWords(texts: readonly ScannedText[], words: readonly string[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { location, text } of texts) {
    for (const word of words) {
      for (const at of offsetsOf(text, word)) {
        const excerpt = excerptAround(text, at, at + word.length).trim();
        findings.push({ message: `含有敏感词“${word}”，请核实`, excerpt, location });
      }
    }
  }
  return findings;
}
