/**
 * The text of a published report's HTML page with its tables kept as tables: every table row becomes one
 * "| a | b |" line (the layout the table reader takes), paragraphs and line breaks become lines. A cell
 * merged over several rows (三、本年度办理结果, （三）不予公开) is repeated on each row it spans, as the .docx
 * reader does. Tables used for page layout (a table holding tables) are read as plain text around their
 * inner tables. No DOM: government pages are simple, and a tolerant tag scan is enough.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
};

/** Decodes named and numeric character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = /^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK =
  /<\/?(?:p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|pre|hr|tr|table|tbody|thead|center)\b[^>]*>/gi;

/** Inline text of a fragment: tags dropped, entities decoded, whitespace collapsed. */
function inline(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function spanOf(attrs: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  return m ? Math.max(1, Math.min(50, Number(m[1]))) : 1;
}

/** One table's rows as "| a | b |" lines. */
function tableLines(html: string): string[] {
  const lines: string[] = [];
  const spanning = new Map<number, { text: string; left: number }>();
  for (const tr of html.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi)) {
    const cells: string[] = [];
    const fill = () => {
      for (let held = spanning.get(cells.length); held && held.left > 0; held = spanning.get(cells.length)) {
        cells.push(held.text);
        held.left--;
      }
    };
    for (const td of tr[1]!.matchAll(/<t[dh]\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr>|$)/gi)) {
      fill();
      const text = inline(td[2]!.replace(/<\/t[dh]>[\s\S]*$/i, '')).replaceAll('|', '｜');
      const at = cells.length;
      cells.push(text);
      const rows = spanOf(td[1]!, 'rowspan');
      if (rows > 1) spanning.set(at, { text, left: rows - 1 });
      // A merged data cell keeps its columns; a merged label does not need to.
      if (/^[\d./\s-]*$/.test(text)) for (let i = 1; i < spanOf(td[1]!, 'colspan'); i++) cells.push('');
    }
    fill();
    if (cells.some((c) => c !== '')) lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

const INNERMOST_TABLE = /<table\b[^>]*>((?:(?!<table\b)[\s\S])*?)<\/table\s*>/i;

/** The text of an HTML page, one line per block, tables as bordered rows. */
export function htmlToReportText(html: string): string {
  let body = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head\b[\s\S]*?<\/head\s*>/i, '');
  const rendered: string[] = [];
  for (let m = INNERMOST_TABLE.exec(body); m; m = INNERMOST_TABLE.exec(body)) {
    const inner = m[1]!;
    // A table holding rendered tables is page layout: its cells are read as text around them.
    const text = /\ue000T\d+\ue000/.test(inner)
      ? inner.replace(/<\/?(?:td|th|tr|tbody|thead)\b[^>]*>/gi, '\n')
      : `\n\ue000T${rendered.push(tableLines(m[0]).join('\n')) - 1}\ue000\n`;
    body = body.slice(0, m.index) + text + body.slice(m.index + m[0].length);
  }
  const text = decodeEntities(body.replace(BLOCK, '\n').replace(/<[^>]*>/g, ''));
  return text
    .split('\n')
    .flatMap((line) => {
      const t = /^\s*\ue000T(\d+)\ue000\s*$/.exec(line);
      return t ? rendered[Number(t[1])]!.split('\n') : [line.replace(/\s+/g, ' ').trim()];
    })
    .filter((line) => line !== '')
    .join('\n');
}
