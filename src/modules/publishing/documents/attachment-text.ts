import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { cellText } from '../../../lib/spreadsheet/index.ts';

/**
 * Text of attachments, so that the personal-data and 密级 checks also read what is attached. Only formats
 * whose text can be read reliably in-process are supported: .docx (mammoth) and .xlsx (exceljs). Others
 * (pdf, ofd, doc, wps, images, zip) give null and are left to the human 保密审查.
 */

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot).toLowerCase();
}

/** All cell texts of all sheets: one line per row, cells separated by tabs, sheets separated by a blank line. */
async function xlsxText(buffer: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  // exceljs types its parameter as its own Buffer interface, which @types/node 20's Buffer does not match.
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: string[] = [];
  book.eachSheet((sheet) => {
    const rows: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(cellText(cell.value));
      });
      rows.push(cells.join('\t'));
    });
    sheets.push(rows.join('\n'));
  });
  return sheets.join('\n\n');
}

/**
 * The text of a .docx or .xlsx attachment (by file name extension); null for other types.
 * @throws when the file is not a valid document of its type (the caller reports it as unreadable).
 */
export async function extractAttachmentText(fileName: string, buffer: Buffer): Promise<string | null> {
  const ext = extensionOf(fileName);
  if (ext === '.docx') return (await mammoth.extractRawText({ buffer })).value;
  if (ext === '.xlsx') return xlsxText(buffer);
  return null;
}
