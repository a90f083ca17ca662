/**
 * Input parsing with zod, turning every issue into a Chinese message that names the field.
 * Forms show all problems at once (error summary) and keep what the user typed.
 */
import { z } from 'zod';
import { AppError, type FieldProblem } from './errors.ts';

/** Parses `input` or throws AppError('validation') listing every problem by field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw AppError.validation(toProblems(r.error));
}

export function toProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field, message: issue.message });
  }
  return problems;
}

const str = z.preprocess(
  (v) => (v === undefined || v === null ? '' : typeof v === 'number' ? String(v) : v),
  z.string(),
);

/** A required single-line text: trimmed, non-empty, bounded. */
export function requiredText(label: string, max = 200) {
  return str.pipe(z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字符`));
}

/** An optional text: empty becomes null. */
export function optionalText(label: string, max = 200) {
  return str.pipe(
    z
      .string()
      .trim()
      .max(max, `${label}不能超过 ${max} 个字符`)
      .transform((v) => (v === '' ? null : v)),
  );
}

/** An optional text that, when given, must pass `check` (which returns a Chinese message or null). */
export function optionalChecked(label: string, check: (v: string) => string | null, max = 200) {
  return optionalText(label, max).superRefine((v, ctx) => {
    if (v === null) return;
    const problem = check(v);
    if (problem)
      ctx.addIssue({ code: 'custom', message: problem.startsWith(label) ? problem : `${label}：${problem}` });
  });
}

function bounded(label: string, opts: { min?: number; max?: number }) {
  return z
    .number()
    .min(opts.min ?? Number.MIN_SAFE_INTEGER, `${label}不能小于 ${opts.min}`)
    .max(opts.max ?? Number.MAX_SAFE_INTEGER, `${label}不能大于 ${opts.max}`);
}

/** A required integer from a form field. */
export function intField(label: string, opts: { min?: number; max?: number; emptyMessage?: string } = {}) {
  return str.pipe(
    z
      .string()
      .trim()
      .min(1, opts.emptyMessage ?? `请填写${label}`)
      .regex(/^-?\d+$/, `${label}必须是整数`)
      .transform(Number)
      .pipe(bounded(label, opts)),
  );
}

/** An optional integer from a form field: empty becomes undefined. */
export function optionalIntField(label: string, opts: { min?: number; max?: number } = {}) {
  return str.pipe(
    z
      .string()
      .trim()
      .regex(/^(-?\d+)?$/, `${label}必须是整数`)
      .transform((v) => (v === '' ? undefined : Number(v)))
      .pipe(bounded(label, opts).optional()),
  );
}

/** One of a fixed set of values, with a Chinese message. */
export function choice<T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { message: `请选择${label}` });
}
