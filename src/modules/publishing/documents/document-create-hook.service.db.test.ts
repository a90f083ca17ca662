import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import { documentInput } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';

describe(`createDraft's in-transaction hook on ${ENGINE}`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => app.destroy());

  it('runs inside the creating transaction: its rows land with the draft, and its error undoes the draft', async () => {
    const county = await buildCounty(app);
    const clerk = await buildUser(app, county.dept, ['clerk']);
    const docs = app.publishing.documents;
    const seen: number[] = [];
    const made = await docs.createDraft(clerk.ctx, county.dept.id, documentInput({ title: '带钩子的草稿' }), {
      inTransaction: async (trx, ids) => {
        seen.push(...ids);
        await app.audit.record(trx, clerk.ctx, {
          action: 'test.hook',
          targetType: 'document',
          targetId: ids[0]!,
          summary: '钩子写入',
        });
      },
    });
    expect(seen).toEqual([made.id]);
    expect((await app.auditRepo.list({ action: 'test.' }, 5)).map((e) => e.target_id)).toEqual([
      String(made.id),
    ]);
    const count = async () =>
      Number(
        (
          await app.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(
      docs.createDraft(clerk.ctx, county.dept.id, documentInput({ title: '钩子失败的草稿' }), {
        inTransaction: async () => {
          throw new Error('hook failed');
        },
      }),
    ).rejects.toThrow('hook failed');
    expect(await count()).toBe(before);
  });
});
