/** The demo 在线访谈 (demo-interviews.ts): a past interview whose 实录 is published as a demo policy's 解读, one 预告. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from './demo.ts';

describe(`demo interviews on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m), {
      tasks: false,
      documents: false,
      reports: false,
      requests: false,
    });
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  it('publishes one 实录 linked to a demo policy and announces one upcoming interview', async () => {
    expect(lines).toContain('已载入在线访谈：1 期实录已发布，1 期预告');
    const rows = await app.db
      .selectFrom('interviews')
      .select(['id', 'status', 'document_id', 'starts_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['published', 'announced']);
    expect(rows[0]!.starts_at.slice(0, 10)).toBe('2026-01-31');
    const rel = await app.db
      .selectFrom('document_relations')
      .select('relation_type')
      .where('from_document_id', '=', rows[0]!.document_id!)
      .execute();
    expect(rel.map((r) => r.relation_type)).toEqual(['interpretation_of']);
    const hub = await app.interviews.recentPublic(5);
    expect(hub.map((h) => h.note)).toEqual(['预告', '实录']);
  });
});
