/** Search-result snippets: a window of plain text around the first match, escaped, matches in <mark>. */

/** Characters of context in a snippet. */
const SNIPPET_LENGTH = 120;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escapes `text` and wraps every occurrence of the terms in <mark>. Matching is case-insensitive on the
 * folded text; terms are matched longest first so 乡村振兴 wins over 乡村.
 */
export function highlight(text: string, terms: readonly string[]): string {
  const wanted = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return escapeHtml(text);
  const lower = text.toLowerCase();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const term = wanted.find((t) => lower.startsWith(t.toLowerCase(), i));
    if (term) {
      out += `<mark>${escapeHtml(text.slice(i, i + term.length))}</mark>`;
      i += term.length;
    } else {
      out += escapeHtml(text.charAt(i));
      i++;
    }
  }
  return out;
}

/** A highlighted window of `text` around the first occurrence of any term (or its start). */
export function snippet(text: string, terms: readonly string[], length = SNIPPET_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const hits = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((n) => n >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - Math.floor(length / 4));
  const window = flat.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${highlight(window, terms)}${start + length < flat.length ? '…' : ''}`;
}
