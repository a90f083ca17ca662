/**
 * Findings of the automatic pre-publication checks, shown to the 保密审查 and 审核 reviewers.
 * Persisted with the review record: keep the shape stable.
 */

/** Names of the checks; also the keys of the severity configuration. */
export type CheckName =
  | 'secrecy-mark'
  | 'personal-data'
  | 'typo'
  | 'sensitive-word'
  | 'required-metadata'
  | 'external-link'
  | 'internal-link'
  | 'lateness';

/**
 * Name of a check another module registers (check-registry.ts): namespaced by the module
 * (`interpretation.three-sync`), so it never collides with a built-in CheckName.
 */
export type ExtensionCheckName = `${string}.${string}`;

/** 'block' stops publication; 'warn' is shown to the reviewer, who decides; 'off' does not run the check. */
export type Severity = 'block' | 'warn' | 'off';
/** The severity of a finding (a check that is off finds nothing). */
export type FindingSeverity = Exclude<Severity, 'off'>;

/** Where a finding was made. */
export type FindingLocation = 'title' | 'body' | `attachment:${string}`;

/** One problem found by a check. Messages are Chinese and never contain unmasked personal data. */
export interface Finding {
  check: CheckName | ExtensionCheckName;
  severity: FindingSeverity;
  message: string;
  excerpt?: string;
  location?: FindingLocation;
}

/** A finding before the configured severity is applied. */
export type RawFinding = Omit<Finding, 'severity' | 'check'>;

/** A piece of text to scan, with where it came from. */
export interface ScannedText {
  location: FindingLocation;
  text: string;
}

/** Characters of context shown on each side of a match in an excerpt. */
const EXCERPT_CONTEXT = 12;

/** The match with a little context either side, on one line; `replacement` stands in for the match. */
export function excerptAround(text: string, start: number, end: number, replacement?: string): string {
  const before = text.slice(Math.max(0, start - EXCERPT_CONTEXT), start);
  const after = text.slice(end, end + EXCERPT_CONTEXT);
  const match = replacement ?? text.slice(start, end);
  const head = start > EXCERPT_CONTEXT ? '…' : '';
  const tail = end + EXCERPT_CONTEXT < text.length ? '…' : '';
  return `${head}${before}${match}${after}${tail}`.replace(/\s+/g, ' ');
}

/**
 * Folds full-width ASCII (！ to ～, as typed with Chinese input methods) and the ideographic space to ASCII,
 * one UTF-16 unit for one, so offsets found in the folded text are offsets in the original text too and
 * excerpts can quote the original (NFKC would also fold Chinese punctuation such as ，).
 */
export function foldForScan(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
