/**
 * Rebuilds paragraphs from wrapped lines. Web copies and PDF extractions break lines in mid-sentence
 * ("…持续推进反垄断和" / "反不正当竞争…"), so a line continues the previous paragraph unless the
 * paragraph is finished (ends with 。；or a closing bracket), is a heading, or the line starts the next
 * numbered item.
 */
import { type Marker, NumberingTracker, parseMarker } from './numbering.ts';
import { type CleanLine, endsParagraph, isDateLine, isPlanTitle, isTerminalFurniture } from './text.ts';
import { LABEL_WORD } from './units.ts';

/** One rebuilt paragraph. `marker` is set only when the numbering was accepted as structure. */
export interface Paragraph {
  text: string;
  marker: Marker | null;
  kind: 'title' | 'text' | 'furniture' | 'date';
  hard: boolean;
}

const UNIT_LABEL = new RegExp(`^[【[]?${LABEL_WORD}[】\\]]?[:：]`);

const WRAPPED_REST_MAX = 20;

// Headings are short; a wrapped heading ("一、围绕深化" / "改革推进公开") stays under this length.
const HEADING_MAX = 40;

function isHeading(p: Paragraph): boolean {
  return p.marker !== null && !/[。；;]/.test(p.text) && p.text.length <= HEADING_MAX;
}

function canMerge(
  prev: Paragraph,
  line: CleanLine,
  marker: Marker | null,
  tracker: NumberingTracker,
): boolean {
  if (prev.kind !== 'text' || endsParagraph(prev.text)) return false;
  if (isTerminalFurniture(line.text) || isDateLine(line.text) || isPlanTitle(line.text)) return false;
  // A heading takes only a short unnumbered rest of itself, never the body paragraph below it.
  if (prev.hard || isHeading(prev)) {
    if (line.hard || (marker && tracker.fits(marker)) || line.text.includes('。')) return false;
    if (prev.text.length + line.text.length > HEADING_MAX) return false;
  }
  // The next item in sequence starts a paragraph even when the previous one lost its full stop, and
  // so does the first item after an introduction ending with a colon ("提出以下任务：" / "1.…").
  if (marker && !marker.lenient && tracker.continues(marker)) return false;
  if (marker && !marker.lenient && marker.value === 1 && /[：:]$/.test(prev.text)) return false;
  // "牵头单位：…" and "责任单位：…" on their own lines are separate fields, not one wrapped line.
  if (UNIT_LABEL.test(line.text)) return false;
  // …except the short rest of a unit list wrapped in mid-name ("牵头单位：区发" / "改局").
  if (UNIT_LABEL.test(prev.text) && !/[、，,]$/.test(prev.text)) {
    return !marker && line.text.length <= WRAPPED_REST_MAX && !/[。；;：:]/.test(line.text);
  }
  return true;
}

function classify(line: CleanLine): Paragraph['kind'] {
  if (isTerminalFurniture(line.text)) return 'furniture';
  if (isDateLine(line.text)) return 'date';
  return isPlanTitle(line.text) ? 'title' : 'text';
}

/** Groups cleaned lines into paragraphs and decides which numbering markers are structure. */
export function rebuildParagraphs(lines: CleanLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let tracker = new NumberingTracker();
  for (const line of lines) {
    const marker = parseMarker(line.text);
    const prev = paragraphs.at(-1);
    if (prev && canMerge(prev, line, marker, tracker)) {
      prev.text += line.text;
      prev.hard ||= line.hard;
      if (!prev.marker && isPlanTitle(prev.text)) {
        prev.kind = 'title';
        tracker = new NumberingTracker();
      }
      continue;
    }
    const kind = classify(line);
    if (kind === 'title') tracker = new NumberingTracker();
    const accepted = kind === 'text' && marker && tracker.fits(marker) ? marker : null;
    if (accepted) tracker.accept(accepted);
    paragraphs.push({ text: line.text, marker: accepted, kind, hard: line.hard || kind === 'title' });
  }
  return paragraphs;
}

/** The paragraph text after its numbering marker. */
export function paragraphBody(p: Paragraph): string {
  return p.marker ? (parseMarker(p.text)?.rest ?? p.text) : p.text;
}
