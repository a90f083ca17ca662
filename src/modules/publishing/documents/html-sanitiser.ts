/**
 * Allow-list sanitiser for document bodies (mammoth output or pasted HTML). Everything not explicitly
 * allowed disappears: unknown tags are dropped (their text kept), dangerous containers (script, style …)
 * are dropped with their content, attributes are limited per tag, URLs must be http(s), mailto, tel,
 * relative, or (for images only) an inline raster image. Text is re-escaped, so the output is well-formed
 * enough to be embedded in any page as it is.
 */
import { decodeEntities } from '../checks/html-text.ts';

/** Tags kept (without attributes unless listed in ALLOWED_ATTRIBUTES). */
const ALLOWED_TAGS: ReadonlySet<string> = new Set(
  'p br h1 h2 h3 h4 h5 h6 strong b em i u s sub sup ul ol li table thead tbody tfoot tr th td caption a img blockquote pre code hr span div'.split(
    ' ',
  ),
);
const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'hr', 'img']);
/** Dropped together with everything inside them. */
const DROPPED_WITH_CONTENT =
  /<(script|style|iframe|object|embed|template|noscript|svg|math|textarea|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'width', 'height'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
};
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);
const NUMERIC_ATTRIBUTES: ReadonlySet<string> = new Set(['width', 'height', 'colspan', 'rowspan', 'start']);
const SAFE_SCHEME = /^(?:https?:|mailto:|tel:)/i;
const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** True when a URL may appear in `attr` of `tag`: no script schemes, whatever the obfuscation. */
export function isSafeUrl(value: string, tag: string): boolean {
  // Browsers ignore control characters and white space inside a scheme (java\tscript:).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = value.replace(/[\u0000-\u0020\u007f]+/g, '');
  if (tag === 'img' && INLINE_IMAGE.test(value.trim())) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return true; // relative or protocol-relative
  return SAFE_SCHEME.test(compact);
}

function cleanAttributes(tag: string, raw: string): string {
  const allowed = ALLOWED_ATTRIBUTES[tag];
  if (!allowed) return '';
  const kept: string[] = [];
  const re = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of raw.matchAll(re)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!allowed.includes(name) || kept.some((k) => k.startsWith(`${name}=`))) continue;
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value, tag)) continue;
    if (NUMERIC_ATTRIBUTES.has(name) && !/^\d{1,5}$/.test(value.trim())) continue;
    kept.push(`${name}="${escapeAttribute(value)}"`);
  }
  return kept.length ? ` ${kept.join(' ')}` : '';
}

function cleanTag(slash: string, rawName: string, attrs: string): string {
  const tag = rawName.toLowerCase();
  if (!ALLOWED_TAGS.has(tag)) return '';
  if (slash) return VOID_TAGS.has(tag) ? '' : `</${tag}>`;
  return `<${tag}${cleanAttributes(tag, attrs)}>`;
}

/**
 * Sanitises an HTML fragment by allow-list. Idempotent: sanitising the output again changes nothing.
 */
export function sanitiseHtml(html: string): string {
  const stripped = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(DROPPED_WITH_CONTENT, '');
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let out = '';
  let last = 0;
  for (const m of stripped.matchAll(tagRe)) {
    const at = m.index ?? 0;
    out += escapeText(decodeEntities(stripped.slice(last, at)));
    out += cleanTag(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    last = at + m[0].length;
  }
  out += escapeText(decodeEntities(stripped.slice(last)));
  return out.trim();
}
