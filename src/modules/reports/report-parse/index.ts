/**
 * The importer of published 政府信息公开工作年度报告 (issue 12 §6): what a report's text, HTML page or
 * .docx says in tables 二, 三, 四 and its prose, in the shape of `gongkai report parse FILE --json`.
 * Pure code, no database. Rules and limits: docs/reports-parser.md.
 */
import type { ParsedReport } from '../report.model.ts';
import { parseReportText } from './parse-report.ts';
import { reportFileText } from './report-file.ts';

export { parseReportText };

/** Parses a report file by its content: .docx (a zip with word/document.xml), HTML, or text (UTF-8/GBK). */
export async function parseReportFile(content: Buffer, fileName: string): Promise<ParsedReport> {
  const { text, notes } = await reportFileText(content, fileName);
  const report = parseReportText(text);
  return { ...report, unreadable: [...notes, ...report.unreadable] };
}
