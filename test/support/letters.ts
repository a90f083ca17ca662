/** Letters test helpers: boxes, a valid form (with its anti-abuse token) and a letter in a given state. */
import type { Unit } from '../../src/db/schema.ts';
import type { CallContext } from '../../src/lib/actor.ts';
import { FORM_TOKEN_FIELD, issueFormToken } from '../../src/lib/form-abuse.ts';
import type { TestApp } from './test-app.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

/** The anti-abuse token of a form opened a minute before the app's clock. */
export function formToken(app: TestApp): Record<string, string> {
  return { [FORM_TOKEN_FIELD]: issueFormToken(TEST_SECRET, app.clock.now().getTime() - 60_000) };
}

/** A valid letter form. */
export function letterForm(app: TestApp, over: Record<string, string> = {}): Record<string, string> {
  return {
    ...formToken(app),
    name: '张三丰',
    phone: '13800138000',
    email: 'zsf@example.com',
    consent: 'yes',
    type: 'consultation',
    title: '关于城区停车收费标准的咨询',
    body: '请问城区公共停车场的收费标准在哪里公开？',
    ...over,
  };
}

/** A box owned by `unit`. */
export async function buildChannel(
  app: TestApp,
  ctx: CallContext,
  unit: Unit,
  over: Record<string, string> = {},
) {
  return app.letters.channels.create(ctx, {
    unitId: String(unit.id),
    kind: 'mailbox',
    name: '县长信箱',
    leaderName: '王县长',
    ...over,
  });
}
