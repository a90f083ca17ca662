/**
 * 从咨询来信转入: a 咨询 letter whose reply was published (masked) becomes a 问答 draft of the handling
 * unit — its public title as the question, its public reply as the answer — in one step, audited; a
 * letter that is unknown, not a 咨询, or not published is refused with the reason on the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../db/seeds/demo.ts';
import { type CallContext, NO_REQUEST } from '../../lib/actor.ts';
import { isAppError } from '../../lib/errors.ts';

describe(`问答 from a 咨询 letter on ${ENGINE}`, () => {
  let app: TestApp;
  let admin: CallContext;

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, letters: true });
    const user = (await app.accounts.findUserByUsername('gkadmin'))!;
    admin = { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  const letterWhere = (published: boolean) =>
    app.db
      .selectFrom('letters')
      .select(['id', 'reference', 'unit_id', 'public_title', 'public_reply'])
      .where('type', '=', 'consultation')
      .where('status', '=', 'answered')
      .where('published_at', published ? 'is not' : 'is', null)
      .orderBy('id')
      .executeTakeFirst();

  const problemOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return null;
    } catch (e) {
      if (isAppError(e)) return e.problems?.[0] ?? null;
      throw e;
    }
  };

  it('turns a published 咨询 reply into a draft entry of the unit, audited', async () => {
    const letter = (await letterWhere(true))!;
    expect(letter).toBeDefined();
    const id = await app.qa.queue.fromLetter(admin, {
      reference: letter.reference,
      unitId: String(letter.unit_id),
    });
    const entry = await app.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      state: 'draft',
      origin: 'letter',
      origin_ref: letter.reference,
      unit_id: letter.unit_id,
      question: letter.public_title,
      answer: letter.public_reply,
    });
    const audit = await app.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_type', '=', 'qa_entry')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses an unknown 编号 and a reply not yet published, naming the field, writing nothing', async () => {
    const before = await app.db.selectFrom('qa_entries').select('id').execute();
    expect(await problemOf(app.qa.queue.fromLetter(admin, { reference: 'ZX-0000-0000' }))).toMatchObject({
      field: 'reference',
    });
    const unpublished = (await letterWhere(false))!;
    expect(unpublished).toBeDefined();
    expect(
      await problemOf(
        app.qa.queue.fromLetter(admin, {
          reference: unpublished.reference,
          unitId: String(unpublished.unit_id),
        }),
      ),
    ).toMatchObject({ field: 'reference', message: expect.stringContaining('尚未公开发布') });
    expect(await app.db.selectFrom('qa_entries').select('id').execute()).toHaveLength(before.length);
  });
});
