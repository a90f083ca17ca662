/** The demo letters (issue 13 "Demo") on both engines: every state, late and overdue ones, ratings, a follow-up. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../db/seeds/demo.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';

describe(`demo letters on ${ENGINE}`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-11-20T02:00:00Z' });
    await seedDemo(app, () => {}, {
      tasks: false,
      documents: false,
      requests: false,
      policies: false,
      reports: false,
    });
  });
  afterAll(async () => app?.destroy());

  it('has the boxes and a year of letters in every state, dated up to today', async () => {
    const boxes = await app.letters.repo.channels();
    expect(boxes.map((b) => b.name)).toEqual([
      '县长信箱',
      '县发展和改革局信箱',
      '县财政局信箱',
      '政务公开咨询',
      '我为政府网站找错',
    ]);
    const rows = await app.db.selectFrom('letters').selectAll().execute();
    const today = todayInShanghai(app.clock.now());
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['received', 'assigned', 'in_review', 'answered', 'closed']),
    );
    expect(rows.every((r) => r.received_on <= today && r.received_on >= '2025-11-20')).toBe(true);
    expect(rows.some((r) => r.answered_on && r.answered_on > r.due_on)).toBe(true); // answered late
    expect(rows.some((r) => r.status === 'assigned' && r.due_on < today)).toBe(true); // overdue now
    expect(rows.filter((r) => r.rating).length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.follow_up).length).toBe(1);
    expect(new Set(rows.filter((r) => r.close_reason).map((r) => r.close_reason))).toEqual(
      new Set(['spam', 'duplicate', 'out_of_scope']),
    );
    expect(rows.some((r) => r.consent_publish === 1) && rows.some((r) => r.consent_publish === 0)).toBe(true);
    const published = rows.filter((r) => r.published_at);
    expect(published.length).toBeGreaterThan(3);
    expect(published.every((r) => r.consent_publish === 1 && r.status === 'answered' && r.public_reply)).toBe(
      true,
    );
    const events = await app.db.selectFrom('letter_events').select('at').execute();
    expect(events.every((e) => todayInShanghai(new Date(e.at)) <= today)).toBe(true);
  });
});
