/**
 * Shared input clean-up for identifier validators: users paste codes with full-width characters
 * (ＡＢＣ１２３, （）, －) from Chinese input methods, spaces and lower-case letters.
 */

/** NFKC folds full-width letters, digits and punctuation to ASCII; then trim. */
export function foldWidth(input: string): string {
  return input.normalize('NFKC').trim();
}

/** Full-width folded, upper-cased, with all white space removed. */
export function compactUpper(input: string): string {
  return foldWidth(input).replace(/\s+/g, '').toUpperCase();
}

/** Shorthand for a failed validation. */
export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
