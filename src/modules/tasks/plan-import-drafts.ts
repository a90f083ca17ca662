/**
 * Import drafts between the steps of the import pages (no JavaScript): the pasted text or uploaded file
 * is kept under DATA_DIR/task-import-drafts/<random>.<ext>, parsed once, and the reviewer's edited draft
 * is kept next to it as <random>.json (validated on every read). Nothing reaches the database before
 * 确认导入. Drafts whose source is older than a day are removed with their edits.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { UploadedFile } from '../../http/uploads.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { checkUpload } from '../../lib/file-types.ts';
import { toProblems } from '../../lib/validation.ts';
import type { ParsedPlan } from './plan-parser/index.ts';
import { planHeadSchema } from './work-plan.schemas.ts';
import type { WorkPlanService } from './work-plan.service.ts';

/** Largest plan file accepted (a 工作要点 is a few hundred KB even as .docx). */
const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
const DRAFT_NAME = /^([0-9a-f-]{36})\.(txt|docx|xlsx)$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const dirOf = (dataDir: string) => path.join(dataDir, 'task-import-drafts');

const deadlineSchema = z.union([
  z.object({ date: z.string() }),
  z.object({ recurrence: z.enum(['realtime', 'monthly', 'quarterly', 'yearly', 'continuous']) }),
  z.object({ text: z.string() }),
  z.null(),
]);
const ids = z.array(z.number().int().positive());

/**
 * Persisted shape (DATA_DIR/task-import-drafts/*.json, kept for a day): one task of a draft. `key` is
 * stable while the draft is edited; `override` replaces the units matched from the written names once
 * the reviewer chose units by hand; `deadlineWords` is what the reviewer typed for the deadline.
 */
const storedTaskSchema = z.object({
  key: z.number().int().nonnegative(),
  section: z.number().int().nonnegative(),
  number: z.string(),
  path: z.array(z.string()),
  title: z.string(),
  content: z.string(),
  deadline: deadlineSchema,
  deadlineWords: z.string().nullable(),
  uncertain: z.array(z.string()),
  leadNames: z.array(z.string()),
  unitNames: z.array(z.string()),
  override: z.object({ lead: ids, co: ids }).nullable(),
  allUnits: z.boolean(),
});

/** Persisted shape: the edited draft of one import (see storedTaskSchema). */
const storedDraftSchema = z.object({
  version: z.literal(1),
  /** Bumped on every save; a form carrying an older value was made from a stale page. */
  rev: z.number().int().nonnegative(),
  nextKey: z.number().int().nonnegative(),
  head: z.object({
    unitId: z.number().int().positive(),
    year: z.number().int(),
    title: z.string(),
    source: z.string(),
    implementsPlanId: z.number().int().positive().nullable(),
  }),
  sections: z.array(z.object({ title: z.string() })),
  tasks: z.array(storedTaskSchema),
  /** One-off mapping chosen on the review page: name as written → unit (remembered on confirm). */
  mapping: z.record(z.string(), z.number().int().positive()),
  warnings: z.array(z.string()),
});
export type StoredDraft = z.infer<typeof storedDraftSchema>;
export type StoredTask = z.infer<typeof storedTaskSchema>;

/** The first draft of a parsed document: one section per plan the parser found. */
export function draftFromParsed(head: StoredDraft['head'], parsed: ParsedPlan): StoredDraft {
  const sections = parsed.plans.length > 0 ? parsed.plans : [{ title: null, tasks: [] }];
  const many = sections.length > 1;
  let key = 0;
  const tasks: StoredTask[] = sections.flatMap((plan, section) =>
    plan.tasks.map((t) => ({
      ...{ key: key++, section, number: t.number, path: t.path, title: t.title, content: t.content },
      ...{ deadline: t.deadline, deadlineWords: null, uncertain: t.uncertain },
      ...{ leadNames: t.leadUnits, unitNames: t.units, override: null },
      // The parser may mark a task as 各单位 (`allUnits`); older parsers do not.
      allUnits: 'allUnits' in t && t.allUnits === true,
    })),
  );
  return {
    ...{ version: 1, rev: 0, nextKey: key, head, tasks, mapping: {}, warnings: parsed.warnings },
    sections: sections.map((p, i) => ({
      title: many ? (p.title ?? `${head.title}（${i + 1}）`) : head.title,
    })),
  };
}

/**
 * Checks the first step (plan facts, and text or one file) listing every problem, stores the source,
 * parses it once and stores the first draft; returns the draft's name.
 */
export async function saveDraftSource(
  plans: WorkPlanService,
  ctx: CallContext,
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
      ext = checkUpload('file', '工作要点文件', file.fileName, file.content, {
        allowed: ['docx', 'xlsx', 'txt'],
        maxBytes: MAX_PLAN_FILE_BYTES,
      });
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
  try {
    const parsed = await plans.parsePlanSource(ctx, fields, path.join(dir, name));
    const { unitId, year, title, source } = parsed.head;
    const implementsPlanId = parsed.head.implementsPlanId ?? null;
    const draft = draftFromParsed({ unitId, year, title, source, implementsPlanId }, parsed.parsed);
    await writeFile(jsonOf(dir, name), JSON.stringify(draft));
  } catch (e) {
    await deleteDraft(dataDir, name);
    throw e;
  }
  return name;
}

const jsonOf = (dir: string, name: string) => path.join(dir, name.replace(/\.[a-z]+$/, '.json'));

const expired = () => AppError.validation([{ field: '_', message: '导入草稿已过期或不存在，请重新导入' }]);

/** Reads a stored draft, refusing an unknown, expired or damaged one. */
export async function readDraft(dataDir: string, name: string): Promise<StoredDraft> {
  if (!DRAFT_NAME.test(name)) throw expired();
  const dir = dirOf(dataDir);
  const source = await stat(path.join(dir, name)).catch(() => null);
  if (!source || source.mtimeMs < Date.now() - MAX_AGE_MS) throw expired();
  const raw = await readFile(jsonOf(dir, name), 'utf8').catch(() => null);
  if (raw === null) throw expired();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = null;
  }
  const parsed = storedDraftSchema.safeParse(json);
  if (!parsed.success)
    throw AppError.validation([{ field: '_', message: '导入草稿已损坏，请放弃并重新导入' }]);
  return parsed.data;
}

/** Stores the edited draft with the next revision number. */
export async function writeDraft(dataDir: string, name: string, draft: StoredDraft): Promise<StoredDraft> {
  if (!DRAFT_NAME.test(name)) throw expired();
  const next = { ...draft, rev: draft.rev + 1 };
  await writeFile(jsonOf(dirOf(dataDir), name), JSON.stringify(storedDraftSchema.parse(next)));
  return next;
}

export async function deleteDraft(dataDir: string, name: string): Promise<void> {
  if (!DRAFT_NAME.test(name)) return;
  await rm(path.join(dirOf(dataDir), name), { force: true });
  await rm(jsonOf(dirOf(dataDir), name), { force: true });
}

/** Removes sources older than a day with their edits (and edits left without a source). */
async function removeOldDrafts(dir: string): Promise<void> {
  const cutoff = Date.now() - MAX_AGE_MS;
  const names = await readdir(dir);
  for (const n of names) {
    const s = await stat(path.join(dir, n)).catch(() => null);
    const orphan = n.endsWith('.json') && !names.some((o) => o !== n && o.startsWith(n.slice(0, 36)));
    if ((s && s.mtimeMs < cutoff) || orphan) {
      await rm(path.join(dir, n), { force: true });
      if (DRAFT_NAME.test(n)) await rm(jsonOf(dir, n), { force: true });
    }
  }
}
