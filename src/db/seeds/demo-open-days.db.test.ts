/** The demo 主题日 / 开放日 (demo-open-days.ts): a past 主题日 with registrations, sign-ins and its record; the plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from './demo.ts';

describe(`demo open days on ${ENGINE}`, () => {
  let app: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-06-15T02:00:00Z' });
    await seedDemo(app, (m) => lines.push(m), {
      tasks: false,
      documents: false,
      reports: false,
      requests: false,
      policies: false,
      interviews: false,
    });
  }, 600_000);
  afterAll(async () => {
    await app?.destroy();
  });

  it('loads a past 主题日 with its published record, one held event and one open for registration', async () => {
    expect(lines).toContain('已载入主题日与开放日：3 场活动（1 场活动记录已发布，报名 6 人）');
    const rows = await app.db
      .selectFrom('open_days')
      .select(['id', 'status', 'event_date', 'registered'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, r.event_date, r.registered])).toEqual([
      ['published', '2026-05-26', 6],
      ['held', '2026-04-16', 0],
      ['planned', '2026-06-25', 0],
    ]);
    const attended = await app.db
      .selectFrom('open_day_registrations')
      .select('attended')
      .where('attended', '=', 1)
      .execute();
    expect(attended).toHaveLength(5);
    const plan = await app.openDays.reader.plan(2026);
    expect(plan.map((r) => r.event_date)).toEqual(['2026-04-16', '2026-05-26', '2026-06-25']);
  });
});
