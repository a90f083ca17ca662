/** The demo 意见征集 (demo-consultations.ts) on the real services: one open now, one closed with its published feedback and final policy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from './demo.ts';

describe(`demo consultations on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m), { '*': false, consultations: true });
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  it('loads one open and one answered consultation, dated relative to today', async () => {
    expect(lines.at(-1)).toBe('意见征集：2 个（1 个征集中，1 个已反馈并发布最终文件）');
    const rows = await app.consultations.publicView.list();
    expect(rows.map((r) => [r.state, r.opens_on, r.closes_on])).toEqual([
      ['open', '2026-02-25', '2026-03-27'],
      ['answered', '2025-12-17', '2026-01-16'],
    ]);
    const open = await app.consultations.publicView.view(rows[0]!.id);
    expect(open.comments).toHaveLength(2);
    expect(open.articles.map((a) => a.number)).toEqual([null, '一、', '二、', '三、', '四、']);
    const closed = await app.consultations.publicView.view(rows[1]!.id);
    expect(closed.feedback?.report.rows.map((r) => [r.people, r.adoption])).toEqual([
      ['朱**、李*', 'adopted'],
      ['匿名', 'rejected'],
    ]);
    const final = await app.publishing.documentRepo.findById(closed.row.final_document_id!);
    expect(final?.state).toBe('published');
    expect((await app.consultations.recentPublic(1))[0]?.note).toBe('征集中，2026-03-27 截止');
  });
});
