/**
 * The CJK font of generated PDFs (docs/adr/0009-pdf-generation.md): Noto Sans CJK SC from Debian's
 * fonts-noto-cjk, looked up at run time. Used by the library's download versions and the annual report.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian's fonts-noto-cjk puts the font (and a few other distributions' places). */
const KNOWN_CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
];
/** The face inside the collection to use (Simplified Chinese glyph forms). */
const CJK_FACE = 'NotoSansCJKsc-Regular';

export interface CjkFont {
  path: string;
  /** The face of a .ttc collection (undefined for a single-face file). */
  face: string | undefined;
}

/**
 * The CJK font for PDFs: a known path, else what fontconfig (`fc-match`) offers for Noto Sans CJK SC when
 * it is installed; null when the machine has none (callers then answer 503 and offer the .docx).
 */
export function findCjkFont(known: readonly string[] = KNOWN_CJK_FONTS): CjkFont | null {
  const path = known.find((p) => existsSync(p));
  if (path) return { path, face: CJK_FACE };
  try {
    const found = execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK SC'], {
      encoding: 'utf8',
      timeout: 3000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // fc-match always answers something: only a CJK face will do, never a Latin fallback of empty boxes.
    if (found && /cjk|noto.*(sc|cn)|wqy|source ?han|droid ?sans ?fallback/i.test(found) && existsSync(found))
      return { path: found, face: /\.ttc$/i.test(found) ? CJK_FACE : undefined };
  } catch {
    // no fontconfig on this machine
  }
  return null;
}
