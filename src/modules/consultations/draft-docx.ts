/**
 * The text of an uploaded draft (.docx, checked by content and size), read with the Word reader of the
 * work-plan import (tasks/plan-parser/docx-text.ts: paragraphs one per line, Word's automatic numbering
 * turned into typed markers) so the article splitter sees what a typed text would give.
 */
import { AppError, isAppError } from '../../lib/errors.ts';
import { checkUpload, type UploadRule } from '../../lib/file-types.ts';
import { docxPlanText } from '../tasks/plan-parser/docx-text.ts';

/** A draft file: a .docx up to 10 MB. */
export const DRAFT_FILE_RULE: UploadRule = { allowed: ['docx'], maxBytes: 10 * 1024 * 1024 };

/** The fields with `draftText` taken from the file when one was uploaded (field problems otherwise). */
export async function withUploadedDraft(
  fields: Record<string, unknown>,
  file: { fileName: string; content: Buffer } | undefined,
): Promise<Record<string, unknown>> {
  if (!file) return fields;
  checkUpload('draftFile', '草案 Word 文件', file.fileName, file.content, DRAFT_FILE_RULE);
  try {
    const { text } = await docxPlanText(file.content);
    if (text.trim() === '')
      throw AppError.validation([{ field: 'draftFile', message: '草案 Word 文件：文件中没有文字' }]);
    return { ...fields, draftText: text };
  } catch (e) {
    if (isAppError(e)) throw e;
    throw AppError.validation([
      { field: 'draftFile', message: `草案 Word 文件：“${file.fileName}”无法读取，请另存为 .docx 后重试` },
    ]);
  }
}
