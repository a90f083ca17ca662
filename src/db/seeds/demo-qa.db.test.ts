/** The demo 政策问答库 (demo-qa.ts): entries published by someone else, sources resolved, 待更新 after the sweep. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from './demo.ts';
import { seedDemoQa } from './demo-qa.ts';

describe(`demo 政策问答 on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m), { '*': false, documents: true, policies: true, qa: true });
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  it('publishes entries reviewed by another account, flags those citing a repealed document', async () => {
    expect(lines).toContain(
      '已载入政策问答：3 条（已发布 2 条，其中待更新 1 条；待审核或草稿 1 条），未解答问题 2 个',
    );
    const rows = await app.db
      .selectFrom('qa_entries')
      .select(['question', 'state', 'stale', 'created_by', 'reviewed_by'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.state, r.stale])).toEqual([
      ['published', 0],
      ['published', 1],
      ['in_review', 0],
    ]);
    for (const r of rows.filter((x) => x.state === 'published')) {
      expect(r.reviewed_by).not.toBeNull();
      expect(r.reviewed_by).not.toBe(r.created_by);
    }
    const stale = await app.qa.publicEntries.entry(
      Number(
        (await app.db.selectFrom('qa_entries').select('id').where('stale', '=', 1).executeTakeFirstOrThrow())
          .id,
      ),
    );
    expect(stale?.sources[0]?.validity?.inForce).toBe(false);
    expect(
      await app.db.selectFrom('qa_questions').select('id').where('state', '=', 'open').execute(),
    ).toHaveLength(2);
  });

  it('fails loudly when a source names no published document', async () => {
    await expect(
      seedDemoQa(app, [
        {
          unit: '县民政局',
          question: '不存在的依据？',
          altQuestions: [],
          answer: '答复。',
          topic: null,
          audiences: [],
          matter: null,
          sources: [{ docNumber: '示民发〔1999〕99号' }],
        },
      ]),
    ).rejects.toThrow('no published documents for 示民发〔1999〕99号');
  });
});
