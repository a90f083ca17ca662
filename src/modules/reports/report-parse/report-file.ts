/**
 * A report file's text, by content rather than by name: a .docx is a zip holding word/document.xml (its
 * paragraphs and table rows through docx-text.ts), HTML is recognised by its tags, anything else is text.
 * Text and HTML are decoded as UTF-8, or as GB18030 (a superset of GBK and GB2312, built into Node) when
 * they are not valid UTF-8 — older government sites still serve GBK pages.
 */
import { AppError } from '../../../lib/errors.ts';
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

// Files that are not text and that this importer cannot read: said so instead of reading their bytes as text.
const UNSUPPORTED: { magic: number[]; name: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'PDF' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'Word 97-2003 (.doc) 或其他旧版 Office' },
  { magic: ZIP_MAGIC, name: 'zip 压缩包（不是 .docx）' },
];

/** What kind of file this is, from its content (the name is only a tie-breaker for empty files). */
export function fileKind(content: Buffer, fileName: string): ReportFileKind {
  if (isDocx(content)) return 'docx';
  const other = UNSUPPORTED.find((u) => u.magic.every((b, i) => content[i] === b));
  if (other)
    throw new AppError(
      'unsupported_media',
      `不支持的文件格式：${other.name}，请提供 .docx、网页（HTML）或文本文件`,
    );
  const head = content.subarray(0, 4096).toString('latin1');
  if (HTML_MARK.test(head) || (/\.html?$/i.test(fileName) && content.length === 0)) return 'html';
  return 'text';
}

/** The report text of a file and notes on how it was read; throws AppError('unsupported_media') on PDF, .doc, zip. */
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
