/** Form submission: run the use-case; on a validation error, show the form again with what was typed. */
import type { FastifyReply } from 'fastify';
import type { VNode } from 'preact';
import { isAppError } from '../lib/errors.ts';
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
 * Runs `action`, which returns where to go next (redirect) or a page to show. A validation or conflict error re-renders the
 * form through `invalid` with status 422 and every problem listed; other errors propagate.
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
    if (isAppError(e) && (e.code === 'validation' || e.code === 'conflict')) {
      const problems = e.problems.length ? e.problems : [{ field: '_', message: e.message }];
      return sendPage(
        reply,
        await invalid({ values: echoValues(body), problems }),
        e.code === 'conflict' ? 409 : 422,
      );
    }
    throw e;
  }
}

/** Reads a positive integer id from route params. */
export function idParam(params: unknown, name = 'id'): number {
  const v = Number((params as Record<string, string>)[name]);
  return Number.isInteger(v) && v > 0 ? v : -1;
}
