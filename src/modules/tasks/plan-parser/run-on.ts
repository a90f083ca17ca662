/**
 * Plans flattened into one long paragraph (a page whose line breaks were lost): the paragraph is cut
 * again before each numbering marker that follows a sentence end ("…公开。（二）…", "…工作：一、…") and
 * after a heading directly followed by its first sub-item ("一、做好信息公开（一）以政务公开…").
 * Only lines that read as a numbered list are cut: at least two markers of one style in sequence.
 */
import { type Marker, parseMarker } from './numbering.ts';
import type { CleanLine } from './text.ts';
import { LABEL_WORD } from './units.ts';

const MIN_LENGTH = 80;
const HEADING_MAX = 40;
const RANK: Record<Marker['style'], number> = {
  chapter: 0,
  'cn-paren': 1,
  arabic: 2,
  'arabic-paren': 3,
  circled: 4,
};
const SENTENCE_END = /[。；;！？!?：:）)】]\s*$/;
const MARKER_START = /[一二三四五六七八九十（(\d①-⑳]/;

function markerAt(text: string, at: number): Marker | null {
  const marker = parseMarker(text.slice(at));
  return marker && !marker.lenient ? marker : null;
}

const UNIT_LABEL = new RegExp(`^${LABEL_WORD}[:：]`);

/**
 * Positions where a line must be cut: a marker after a sentence end, a marker that continues its
 * sequence ("…各专班2.规模以上…" after item 1), and a "牵头单位：/责任单位：" label.
 */
function sentenceCuts(text: string): { at: number; marker: Marker | null }[] {
  const cuts: { at: number; marker: Marker | null }[] = [];
  const last = new Map<Marker['style'], number>();
  const first = markerAt(text, 0);
  if (first) last.set(first.style, first.value);
  for (let i = 1; i < text.length; i++) {
    // A label on its own (not the start of a bracketed tail "（责任单位：…）").
    if (UNIT_LABEL.test(text.slice(i, i + 6)) && !/[（(【[]/.test(text.charAt(i - 1))) {
      cuts.push({ at: i, marker: null });
      continue;
    }
    if (!MARKER_START.test(text.charAt(i)) || /\d/.test(text.charAt(i - 1))) continue;
    const marker = markerAt(text, i);
    if (!marker) continue;
    const afterStop = SENTENCE_END.test(text.slice(Math.max(0, i - 2), i));
    if (!afterStop && marker.value !== (last.get(marker.style) ?? 0) + 1) continue;
    last.set(marker.style, marker.value);
    cuts.push({ at: i, marker });
  }
  return cuts;
}

/** Reads as a numbered list: some style has two markers with consecutive values. */
function isNumberedList(markers: Marker[]): boolean {
  if (markers.length < 2) return false;
  return markers.some((a, i) =>
    markers.slice(i + 1).some((b) => b.style === a.style && b.value === a.value + 1),
  );
}

/** In a piece that starts with a heading, the first sub-item right after it ("一、…（一）…"). */
function headingCut(piece: string): number {
  const own = markerAt(piece, 0);
  if (!own) return -1;
  const limit = Math.min(piece.length, HEADING_MAX + 4);
  for (let i = 2; i < limit; i++) {
    if (/[。；;]/.test(piece.charAt(i))) return -1;
    const marker = MARKER_START.test(piece.charAt(i)) ? markerAt(piece, i) : null;
    if (marker && RANK[marker.style] > RANK[own.style]) return i;
  }
  return -1;
}

function splitLine(text: string): string[] {
  const cuts = sentenceCuts(text);
  const first = markerAt(text, 0);
  const markers = cuts.flatMap((c) => (c.marker ? [c.marker] : []));
  if (!isNumberedList([...(first ? [first] : []), ...markers])) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const { at } of cuts) {
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces.flatMap(cutHeadings);
}

function cutHeadings(piece: string): string[] {
  const at = headingCut(piece);
  return at === -1 ? [piece.trim()] : [piece.slice(0, at).trim(), ...cutHeadings(piece.slice(at))];
}

/** Cuts run-on lines that hold a whole numbered list into one line per item. */
export function splitRunOnLines(lines: CleanLine[]): CleanLine[] {
  return lines.flatMap((line) =>
    line.text.length < MIN_LENGTH
      ? [line]
      : splitLine(line.text)
          .filter((text) => text !== '')
          .map((text) => ({ text, hard: false })),
  );
}
