/**
 * Import drafts between the two steps of the import page (no JavaScript): the pasted text or the
 * uploaded file is kept under DATA_DIR/task-import-drafts/<random>.<ext> and parsed again on every
 * step, so nothing reaches the database before 确认导入. Drafts older than a day are removed.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UploadedFile } from '../../http/uploads.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import { toProblems } from '../../lib/validation.ts';
import { planHeadSchema } from './work-plan.schemas.ts';
import type { PlanDraft, WorkPlanService } from './work-plan.service.ts';

/** Largest plan file accepted (a 工作要点 is a few hundred KB even as .docx). */
const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
const DRAFT_NAME = /^[0-9a-f-]{36}\.(txt|docx|xlsx)$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const dirOf = (dataDir: string) => path.join(dataDir, 'task-import-drafts');

/**
 * Checks the first step (plan facts, and text or one file) listing every problem, then stores the
 * source and returns the draft's name.
 */
export async function saveDraftSource(
  dataDir: string,
  fields: Record<string, string | string[]>,
  files: UploadedFile[],
): Promise<string> {
  const problems: FieldProblem[] = [];
  const head = planHeadSchema.safeParse(fields);
  if (!head.success) problems.push(...toProblems(head.error));
  const text = typeof fields.text === 'string' ? fields.text.trim() : '';
  const file = files[0];
  let ext = 'txt';
  if (file) {
    try {
      const kind = checkUpload('file', '工作要点文件', file.fileName, file.content, {
        allowed: ['docx', 'xlsx', 'txt'],
        maxBytes: MAX_PLAN_FILE_BYTES,
      });
      ext = kind;
    } catch (e) {
      if (e instanceof AppError) problems.push(...e.problems);
      else throw e;
    }
  } else if (text === '') problems.push({ field: 'text', message: '请粘贴工作要点文本或上传文件' });
  if (problems.length) throw AppError.validation(problems);
  const dir = dirOf(dataDir);
  await mkdir(dir, { recursive: true });
  await removeOldDrafts(dir);
  const name = `${randomUUID()}.${ext}`;
  await writeFile(path.join(dir, name), file ? file.content : text);
  return name;
}

/** Parses a stored draft again with the given one-off mapping (name as written → unit id). */
export async function draftFrom(
  plans: WorkPlanService,
  ctx: CallContext,
  dataDir: string,
  name: string,
  head: Record<string, unknown>,
  mapping: Record<string, number[]> = {},
): Promise<PlanDraft> {
  const file = path.join(dirOf(dataDir), name);
  const exists = DRAFT_NAME.test(name) && (await stat(file).catch(() => null)) !== null;
  if (!exists) throw AppError.validation([{ field: '_', message: '导入草稿已过期或不存在，请重新导入' }]);
  return plans.importPlanFile(ctx, { ...head, mapping }, file);
}

export async function deleteDraft(dataDir: string, name: string): Promise<void> {
  if (DRAFT_NAME.test(name)) await rm(path.join(dirOf(dataDir), name), { force: true });
}

async function removeOldDrafts(dir: string): Promise<void> {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const n of await readdir(dir)) {
    const s = await stat(path.join(dir, n)).catch(() => null);
    if (s && s.mtimeMs < cutoff) await rm(path.join(dir, n), { force: true });
  }
}
