/** The demo 政策问答库 (demo-qa.ts): entries published by someone else, sources resolved, 待更新 after the sweep. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from './demo.ts';
import { DEMO_QA_ENTRIES, DEMO_QA_QUESTIONS } from './demo-qa.data.ts';
import { seedDemoQa } from './demo-qa.ts';

describe(`demo 政策问答 on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m)); // every part: the entries cite documents of several
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  it('publishes entries reviewed by another account, flags those citing a repealed document', async () => {
    const line = lines.find((l) => l.startsWith('已载入政策问答'));
    const published = DEMO_QA_ENTRIES.filter((e) => (e.state ?? 'published') === 'published').length;
    expect(line).toMatch(
      new RegExp(
        `^已载入政策问答：${DEMO_QA_ENTRIES.length} 条（已发布 ${published} 条，其中待更新 \\d+ 条；待审核或草稿 ${DEMO_QA_ENTRIES.length - published} 条），未解答问题 ${DEMO_QA_QUESTIONS.length} 个$`,
      ),
    );
    const rows = await app.db
      .selectFrom('qa_entries')
      .select(['question', 'state', 'stale', 'created_by', 'reviewed_by'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(DEMO_QA_ENTRIES.length);
    // The data has entries whose only source is repealed or expired: the sweep flags them.
    expect(rows.filter((r) => r.state === 'published' && r.stale === 1).length).toBeGreaterThanOrEqual(5);
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
    ).toHaveLength(DEMO_QA_QUESTIONS.length);
  });

  it('skips an entry whose source is not loaded, and says so', async () => {
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
    ).resolves.toContain('1 条的依据文件所在的演示部分未载入，略过');
  });
});
