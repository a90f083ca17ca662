/** Form submission: run the use-case; on a validation error, show the form again with what was typed. */
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import {
  type ErrorCode,
  type FieldProblem,
  FORM_REDISPLAY_CODES,
  HTTP_STATUS,
  isAppError,
} from '../lib/errors.ts';
import { sendPage } from './render.ts';
import { formFields } from './uploads.ts';
import type { FormState } from './view-context.ts';

/** Form values safe to echo back: never passwords or the CSRF token. */
export function echoValues(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(formFields(body))) {
    if (k === '_csrf' || /password|^current$|^next$|^confirm$/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Whether a form shows itself again because of `e`, and how: the status (from the one HTTP_STATUS table:
 * validation 422, conflict and invalid_transition 409) and the problems to list (the message as a problem
 * of the whole form when none is attached). Null when `e` is not such an error: rethrow it.
 */
export function formRejection(
  e: unknown,
  codes: readonly ErrorCode[] = FORM_REDISPLAY_CODES,
): { status: number; problems: FieldProblem[] } | null {
  if (!isAppError(e) || !codes.includes(e.code)) return null;
  const problems = e.problems.length ? e.problems : [{ field: '_', message: e.message }];
  return { status: HTTP_STATUS[e.code], problems };
}

/**
 * Runs `action`, which returns where to go next (redirect) or a page to show. An error a form shows again
 * (formRejection) re-renders the form through `invalid` with its status and every problem listed; other
 * errors propagate.
 */
export async function handleForm(
  reply: FastifyReply,
  body: unknown,
  action: () => Promise<string | VNode>,
  invalid: (form: FormState) => Promise<VNode> | VNode,
): Promise<FastifyReply> {
  try {
    const next = await action();
    return typeof next === 'string' ? reply.redirect(next, 303) : sendPage(reply, next);
  } catch (e) {
    const rejected = formRejection(e);
    if (!rejected) throw e;
    return sendPage(
      reply,
      await invalid({ values: echoValues(body), problems: rejected.problems }),
      rejected.status,
    );
  }
}

/** Reads a positive integer id from route params. */
export function idParam(params: unknown, name = 'id'): number {
  const v = Number((params as Record<string, string>)[name]);
  return Number.isInteger(v) && v > 0 ? v : -1;
}
