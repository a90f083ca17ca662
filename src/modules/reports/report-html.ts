/**
 * The body of the published 政府信息公开工作年度报告 (issue 12 §4): the six section headings, their text and
 * the three tables of report-layout.ts, as an HTML fragment made only of what the publishing sanitiser keeps
 * (h2, p, br, table, caption, thead, tbody, tr, th, td with colspan/rowspan), so the published body is
 * exactly what was rendered. Headers are <th>; without `scope` (the sanitiser drops it) browsers and axe
 * associate them by position, which the official layout allows (docs/reports-layout.md).
 */

import { type ReportDocument, SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './report.model.ts';
import { type LayoutCell, reportLayout, type TableLayout } from './report-layout.ts';

/** Escapes text the way the sanitiser re-escapes it (&, <, >), so sanitising changes nothing. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraphs of a section's text: separated by blank lines; a single line break stays a <br>. */
export function sectionParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean);
}

function paragraphsHtml(text: string): string {
  return sectionParagraphs(text)
    .map((p) => `<p>${p.split('\n').map(escapeText).join('<br>')}</p>`)
    .join('');
}

function cellHtml(c: LayoutCell): string {
  const tag = c.role === 'header' || c.role === 'label' ? 'th' : 'td';
  const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  return `<${tag}${spans}>${escapeText(c.text)}</${tag}>`;
}

/** One table: its caption, the header rows in <thead>, the others in <tbody>. */
export function tableHtml(t: TableLayout): string {
  const rows = t.rows.map((r) => `<tr>${r.cells.map(cellHtml).join('')}</tr>`);
  const head = t.headerRows > 0 ? `<thead>${rows.slice(0, t.headerRows).join('')}</thead>` : '';
  return `<table><caption>${escapeText(t.caption)}</caption>${head}<tbody>${rows.slice(t.headerRows).join('')}</tbody></table>`;
}

/** The HTML body of the report (no title: the published document's page shows it). */
export function reportBodyHtml(doc: ReportDocument): string {
  const layout = reportLayout(doc.figures);
  const tables: Partial<Record<SectionKey, TableLayout>> = {
    [layout.table2.section]: layout.table2,
    [layout.table3.section]: layout.table3,
    [layout.table4.section]: layout.table4,
  };
  return SECTION_KEYS.map((key) => {
    const table = tables[key];
    return `<h2>${escapeText(SECTION_HEADINGS[key])}</h2>${table ? tableHtml(table) : ''}${paragraphsHtml(doc.sections[key])}`;
  }).join('');
}
