/**
 * 新旧政策差异: the differences between the text of an earlier edition and the policy that amends it,
 * sentence by sentence (docs/adr/0010-text-differences.md). Chinese has no spaces between words and its
 * sentences end in 。！？； (not “. ” as jsdiff's diffSentences expects), so the texts are split here and
 * compared as arrays of sentences with jsdiff's diffArrays (Myers' algorithm).
 */
import { diffArrays } from 'diff';
import { htmlToText } from '../publishing/checks/html-text.ts';

/** Characters of each text compared at most; longer texts are cut there and the page says so. */
export const MAX_DIFF_CHARS = 20_000;

/** One sentence of the comparison: kept, added (新增) or removed (删除); or a run of kept ones left out. */
export type DiffPart =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  | { kind: 'omitted'; count: number };

/** Unchanged sentences kept around each change when the rest is left out. */
export const DIFF_CONTEXT = 1;

export interface TextDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
  /** Whether a text was longer than MAX_DIFF_CHARS and cut. */
  truncated: boolean;
}

/** Sentence ends: full-width 。！？；, their ASCII forms, and a closing quote or bracket right after them. */
const SENTENCE = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)/gu;

/**
 * The sentences of a plain text: each keeps its end mark; whitespace inside a line is folded, so
 * re-wrapping a paragraph is not a difference; blank lines are dropped.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const s = m[0].replace(/\s+/gu, ' ').trim();
    if (s) out.push(s);
  }
  return out;
}

/** Plain text of a body (sanitised HTML), block by block. */
export function bodyText(html: string): string {
  return htmlToText(html);
}

/** The differences from `oldHtml` to `newHtml`, by sentence, each text capped at MAX_DIFF_CHARS. */
export function diffPolicyTexts(oldHtml: string, newHtml: string, max = MAX_DIFF_CHARS): TextDiff {
  const [oldText, newText] = [bodyText(oldHtml), bodyText(newHtml)];
  const truncated = oldText.length > max || newText.length > max;
  const changes = diffArrays(splitSentences(oldText.slice(0, max)), splitSentences(newText.slice(0, max)));
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const c of changes) {
    const kind = c.added ? 'added' : c.removed ? 'removed' : 'same';
    if (kind === 'added') added += c.value.length;
    if (kind === 'removed') removed += c.value.length;
    for (const text of c.value) parts.push({ kind, text });
  }
  return { parts: collapseUnchanged(parts), added, removed, truncated };
}

/**
 * Leaves out long runs of unchanged sentences, keeping DIFF_CONTEXT sentences next to each change: a
 * revision that changes two provisions of a long text shows those two, not the whole text again. A text
 * without any change is left out entirely.
 */
export function collapseUnchanged(parts: readonly DiffPart[], context = DIFF_CONTEXT): DiffPart[] {
  const changed = parts.map((p) => p.kind === 'added' || p.kind === 'removed');
  const near = (i: number) => changed.some((c, j) => c && Math.abs(i - j) <= context);
  const out: DiffPart[] = [];
  for (const [i, p] of parts.entries()) {
    if (p.kind !== 'same' || near(i)) out.push(p);
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'omitted') last.count++;
      else out.push({ kind: 'omitted', count: 1 });
    }
  }
  return out;
}
