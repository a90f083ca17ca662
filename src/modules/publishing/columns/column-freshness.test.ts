import { describe, expect, it } from 'vitest';
import { assessFreshness } from './column-freshness.ts';

describe('column freshness', () => {
  it.each([
    ['monthly', '2026-03-01', 3, '2026-03-31', 'fresh'],
    ['monthly', '2026-03-01', 3, '2026-04-01', 'fresh'],
    ['monthly', '2026-03-01', 3, '2026-04-02', 'stale'],
    ['weekly', '2026-03-01', 1, '2026-03-09', 'stale'],
    ['realtime', '2026-03-01', 9, '2026-03-15', 'fresh'],
    ['realtime', '2026-03-01', 9, '2026-03-16', 'stale'],
    ['quarterly', '2026-01-01', 2, '2026-04-02', 'fresh'],
    ['yearly', '2025-06-01', 1, '2026-03-02', 'fresh'],
    ['yearly', '2025-01-01', 1, '2026-03-02', 'stale'],
    ['as_needed', '2020-01-01', 1, '2026-03-02', 'fresh'],
    ['as_needed', null, 0, '2026-03-02', 'empty'],
    ['monthly', null, 0, '2026-03-02', 'empty'],
  ] as const)('%s, last %s (%i docs), on %s → %s', (cycle, last, n, today, status) => {
    const r = assessFreshness({ cycle, lastPublishedOn: last, documents: n }, today);
    expect(r.status).toBe(status);
    expect(r.explanation.length).toBeGreaterThan(5);
  });
  it('explains the arithmetic', () => {
    expect(
      assessFreshness({ cycle: 'monthly', lastPublishedOn: '2026-01-01', documents: 2 }, '2026-03-02')
        .explanation,
    ).toBe('最近发布 2026-01-01，距今 60 天；更新要求每月（31 天内），已超期');
  });
});
