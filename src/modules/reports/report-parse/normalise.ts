/**
 * Text clean-up before reading a report: published reports reach us converted to traditional characters
 * by mirrors, with full-width digits and brackets, non-breaking spaces and Windows line ends. Labels and
 * numbers are matched on the cleaned text only; the notes say what was repaired.
 */
import { normaliseScript } from '../../tasks/plan-parser/script.ts';

const FULL_WIDTH = /[\uff01-\uff5e]/g;
// Kept as written: the full-width bar "｜" is a "|" inside a .docx cell (docx-text.ts), not a cell border.
const KEEP_FULL_WIDTH = new Set(['｜']);

/** Full-width ASCII (０-９, （）, ：, ，, ／) to half-width; ideographic and non-breaking spaces to spaces. */
export function toHalfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH, (ch) =>
      KEEP_FULL_WIDTH.has(ch) ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]/g, (ch) =>
      ch === '\u200b' || ch === '\ufeff' ? '' : ' ',
    )
    .replace(/[〔【]/g, '[')
    .replace(/[〕】]/g, ']');
}

/** The report text in simplified characters and half-width punctuation, one line per line, with notes. */
export function normaliseReportText(text: string): { text: string; notes: string[] } {
  const unixLines = text.replace(/\r\n?/g, '\n');
  const script = normaliseScript(toHalfWidth(unixLines));
  return { text: script.text, notes: script.warnings };
}

/** A label for matching: no spaces, pipes or bullets, so "本年新 公开数量" and "本年新公开数量" are one label. */
export function compactLabel(label: string): string {
  return label.replace(/[\s|｜*#]/g, '');
}
