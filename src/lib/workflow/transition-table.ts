/**
 * The transition tables in docs/workflows/*.md are checked against the definitions by unit tests, so
 * the two cannot drift: the columns that the definition determines (event, from, to, who) are
 * rendered from it and compared cell by cell with the markdown table under a heading; the remaining
 * columns (the guards in words) stay free prose.
 */

/** One generated column: its header and how a table row renders it. */
export interface TableColumn<Ev extends string, R> {
  header: string;
  cell: (event: Ev, rule: R) => string;
}

/** The generated cells, one row per event in table order. */
function transitionRows<Ev extends string, R>(
  events: Readonly<Record<Ev, R>>,
  columns: readonly TableColumn<Ev, R>[],
): string[][] {
  return (Object.keys(events) as Ev[]).map((e) => columns.map((c) => c.cell(e, events[e])));
}

/** The markdown table that follows `heading` (a line starting with it), as header and body cells. */
function markdownTableAfter(markdown: string, heading: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`heading not found: ${heading}`);
  const table: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) table.push(splitRow(line));
    else if (table.length) break;
  }
  const [header = [], , ...rows] = table;
  return { header, rows };
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

/**
 * Every difference between the markdown table under `heading` and the definition (empty = in step).
 * Only rows whose `keyColumn` starts with an event key are compared (others are notes, e.g. a row
 * "any → final"); they must list every event once, in table order.
 */
export function transitionTableDrift<Ev extends string, R>(
  markdown: string,
  heading: string,
  events: Readonly<Record<Ev, R>>,
  columns: readonly TableColumn<Ev, R>[],
  keyColumn = 0,
): string[] {
  const { header, rows } = markdownTableAfter(markdown, heading);
  const keys: readonly string[] = Object.keys(events);
  const drift: string[] = [];
  columns.forEach((c, i) => {
    if (header[i] !== c.header) drift.push(`column ${i + 1}: header "${header[i]}", expected "${c.header}"`);
  });
  const expected = transitionRows(events, columns);
  const shown = rows
    .filter((r) => keys.includes((r[keyColumn] ?? '').split(/[\s(]/)[0] ?? ''))
    .map((r) => r.slice(0, columns.length));
  expected.forEach((row, i) => {
    const actual = shown[i];
    if (!actual || actual.join(' | ') !== row.join(' | '))
      drift.push(`row ${i + 1}: "| ${actual?.join(' | ') ?? ''} |", expected "| ${row.join(' | ')} |"`);
  });
  if (shown.length > expected.length) drift.push(`${shown.length - expected.length} event row(s) too many`);
  return drift;
}
