/**
 * Per-IP limits of the public 依申请公开 forms, read once from the environment (documented in the
 * README's configuration list):
 * - REQUEST_FORM_MAX_PER_IP_PER_MINUTE (default 10): online applications per IP per minute;
 * - REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE (default 20): status lookups (and letter downloads).
 */
import { z } from 'zod';

const schema = z.object({
  REQUEST_FORM_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
});

export interface RequestLimits {
  applyPerMinute: number;
  lookupPerMinute: number;
}

export function requestLimits(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const v = schema.parse({
    REQUEST_FORM_MAX_PER_IP_PER_MINUTE: env.REQUEST_FORM_MAX_PER_IP_PER_MINUTE || undefined,
    REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: env.REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE || undefined,
  });
  return {
    applyPerMinute: v.REQUEST_FORM_MAX_PER_IP_PER_MINUTE,
    lookupPerMinute: v.REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE,
  };
}
