/**
 * Numbering markers of Chinese official documents: 一、 / （一） / 1. / （1） / ①, with the half-width,
 * Markdown and damaged variants found in real plans.
 */

/** The marker families; a plan's hierarchy is the order in which they first appear. */
export type MarkerStyle = 'chapter' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled';

/** A numbering marker found at the start of a paragraph. */
export interface Marker {
  style: MarkerStyle;
  value: number;
  /** The text after the marker. */
  rest: string;
  /** A bracket is missing ("十四）", "（十四"): only trusted when the value continues the sequence. */
  lenient: boolean;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Converts a Chinese numeral up to 九十九 ("十六" → 16, "二十一" → 21); null when it is not one. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const tenAt = text.indexOf('十');
  if (tenAt === -1) return text.length === 1 ? (CN_DIGITS[text] ?? null) : null;
  const tensText = text.slice(0, tenAt);
  const unitsText = text.slice(tenAt + 1);
  const tens = tensText === '' ? 1 : CN_DIGITS[tensText];
  const units = unitsText === '' ? 0 : CN_DIGITS[unitsText];
  if (tens === undefined || units === undefined || tensText.length > 1 || unitsText.length > 1) return null;
  return tens * 10 + units;
}

const CN = '[一二三四五六七八九十〇零两]{1,3}';
const PATTERNS: { style: MarkerStyle; re: RegExp; lenient: boolean }[] = [
  { style: 'chapter', re: new RegExp(`^(${CN})[、．.]`), lenient: false },
  { style: 'chapter', re: new RegExp(`^第(${CN})(?:章|部分)`), lenient: false },
  { style: 'cn-paren', re: new RegExp(`^[（(](${CN})[）)]`), lenient: false },
  { style: 'arabic-paren', re: /^[（(](\d{1,2})[）)]/, lenient: false },
  { style: 'arabic', re: /^(\d{1,2})(?:[.．、](?!\d))/, lenient: false },
  { style: 'circled', re: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/, lenient: false },
  { style: 'cn-paren', re: new RegExp(`^(${CN})[）)]`), lenient: true },
  { style: 'cn-paren', re: new RegExp(`^[（(](${CN})(?![一二三四五六七八九十〇零两、）)])`), lenient: true },
];

function markerValue(style: MarkerStyle, digits: string): number | null {
  if (style === 'circled') return digits.charCodeAt(0) - '①'.charCodeAt(0) + 1;
  return chineseNumeral(digits);
}

/** Reads the numbering marker at the start of a cleaned paragraph, if any. */
export function parseMarker(text: string): Marker | null {
  for (const { style, re, lenient } of PATTERNS) {
    const match = re.exec(text);
    const digits = match?.[1];
    if (!match || digits === undefined) continue;
    const value = markerValue(style, digits);
    if (value === null || value === 0) continue;
    return { style, value, rest: text.slice(match[0].length).trim(), lenient };
  }
  return null;
}

const MAX_GAP = 3;

/**
 * Remembers the last value seen per marker style, so a marker is trusted only when it continues its
 * sequence or starts one ("二、三级页面" inside a sentence is not chapter 二 after chapter 四).
 */
export class NumberingTracker {
  private readonly last = new Map<MarkerStyle, number>();

  /** Would this marker continue (or restart) its sequence? */
  fits(marker: Marker): boolean {
    const last = this.last.get(marker.style);
    if (marker.lenient) return last !== undefined && marker.value === last + 1;
    // A small gap is tolerated so one damaged marker does not swallow all the items after it.
    return (
      marker.value === 1 || last === undefined || (marker.value > last && marker.value <= last + MAX_GAP)
    );
  }

  /** Is this marker exactly the next value of a sequence already seen? */
  continues(marker: Marker): boolean {
    const last = this.last.get(marker.style);
    return last !== undefined && marker.value === last + 1;
  }

  /** Records a marker that was accepted as structure. */
  accept(marker: Marker): void {
    this.last.set(marker.style, marker.value);
  }
}
