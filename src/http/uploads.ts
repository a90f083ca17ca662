/**
 * multipart/form-data: forms with file fields. Fields are attached to the body before the CSRF
 * check runs; `formFields` flattens them for zod, `uploadedFiles` returns the files' bytes.
 * Size limits are enforced while streaming; content types are checked with lib/file-types.
 */
import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** Largest single upload accepted anywhere (modules set smaller limits per field). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export async function registerUploads(server: FastifyInstance): Promise<void> {
  await server.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 50, fields: 500, fieldSize: 1024 * 1024, parts: 550 },
  });
}

type Part = MultipartFile | MultipartValue<unknown>;

function isFile(p: unknown): p is MultipartFile {
  return !!p && typeof p === 'object' && 'file' in p && 'filename' in p;
}

function isValue(p: unknown): p is MultipartValue<unknown> {
  return !!p && typeof p === 'object' && 'value' in p && (p as { type?: string }).type === 'field';
}

/** Plain string fields of a form body (url-encoded or multipart). Repeated fields become arrays. */
export function formFields(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, raw] of Object.entries(body)) {
    const parts = (Array.isArray(raw) ? raw : [raw]) as unknown[];
    const values = parts
      .map((p) => (isValue(p) ? String(p.value) : typeof p === 'string' ? p : null))
      .filter((v): v is string => v !== null);
    if (values.length === 0) continue;
    out[k] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

export interface UploadedFile {
  field: string;
  fileName: string;
  content: Buffer;
}

/** The non-empty files sent in `field` (a file input left empty sends a nameless empty part). */
export async function uploadedFiles(body: unknown, field: string): Promise<UploadedFile[]> {
  if (!body || typeof body !== 'object') return [];
  const raw = (body as Record<string, unknown>)[field];
  const parts = (Array.isArray(raw) ? raw : [raw]) as Part[];
  const files: UploadedFile[] = [];
  for (const p of parts) {
    if (!isFile(p) || !p.filename) continue;
    const content = await p.toBuffer();
    if (content.length) files.push({ field, fileName: p.filename, content });
  }
  return files;
}
