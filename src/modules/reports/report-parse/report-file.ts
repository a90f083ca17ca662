/**
 * A report file's text, by content rather than by name: a .docx is a zip holding word/document.xml (its
 * paragraphs and table rows through docx-text.ts), HTML is recognised by its tags, anything else is text.
 * Text and HTML are decoded as UTF-8, or as GB18030 (a superset of GBK and GB2312, built into Node) when
 * they are not valid UTF-8 — older government sites still serve GBK pages.
 */
import { docxPlanText } from '../../tasks/plan-parser/docx-text.ts';
import { htmlToReportText } from './html-text.ts';

export type ReportFileKind = 'docx' | 'html' | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isDocx(content: Buffer): boolean {
  // Zip entry names are stored uncompressed, in the local headers and the central directory.
  return ZIP_MAGIC.every((b, i) => content[i] === b) && content.includes('word/document.xml', 0, 'latin1');
}

/** The text of a buffer: UTF-8 (BOM dropped) or, when that fails, GB18030; notes say which. */
export function decodeText(content: Buffer): { text: string; notes: string[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content), notes: [] };
  } catch {
    return {
      text: new TextDecoder('gb18030').decode(content),
      notes: ['文件不是 UTF-8 编码，已按 GBK/GB18030 读取'],
    };
  }
}

const HTML_MARK = /<(?:!doctype\s+html|html|body|table|p|div|td|br)\b/i;

/** What kind of file this is, from its content (the name is only a tie-breaker for empty files). */
export function fileKind(content: Buffer, fileName: string): ReportFileKind {
  if (isDocx(content)) return 'docx';
  const head = content.subarray(0, 4096).toString('latin1');
  if (HTML_MARK.test(head) || (/\.html?$/i.test(fileName) && content.length === 0)) return 'html';
  return 'text';
}

/** The report text of a file and notes on how it was read; throws when a .docx cannot be opened. */
export async function reportFileText(
  content: Buffer,
  fileName: string,
): Promise<{ text: string; notes: string[] }> {
  const kind = fileKind(content, fileName);
  if (kind === 'docx') {
    const { text } = await docxPlanText(content);
    return { text, notes: [] };
  }
  const decoded = decodeText(content);
  if (kind === 'html') return { text: htmlToReportText(decoded.text), notes: decoded.notes };
  return decoded;
}
