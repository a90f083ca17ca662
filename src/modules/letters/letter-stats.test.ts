import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../lib/calendar/index.ts';
import { EXPECTED, STATS_FIXTURE } from './letter-stats.test-fixture.ts';
import { computeStats, inSet, parsePeriod, recentMonths, type StatsRecord, statsBy } from './letter-stats.ts';

const cal = createSeedWorkingDayCalendar();
const wd = (a: string, b: string) => cal.countWorkingDays(a, b);
const UNIT_IDS = { A: 1, B: 2 } as const;
const records: StatsRecord[] = STATS_FIXTURE.map(({ unit, ...r }, i) => ({
  ...r,
  id: i + 1,
  channelId: 1,
  unitId: unit === null ? null : UNIT_IDS[unit],
}));

describe('letter statistics against the hand-computed fixture', () => {
  it('the fixture’s clocks are the calendar’s (国庆 holidays, 调休 Saturday 10-10)', () => {
    expect(cal.addWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    expect(cal.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(wd('2026-09-30', '2026-10-14')).toBe(6);
  });

  it('per unit', () => {
    const by = new Map(statsBy(records, (r) => r.unitId, wd).map((g) => [g.key, g.row]));
    expect(by.get(1)).toEqual(EXPECTED.A);
    expect(by.get(2)).toEqual(EXPECTED.B);
    expect(by.get(null)).toEqual(EXPECTED.none);
  });

  it('in total', () => {
    expect(computeStats(records, wd)).toEqual(EXPECTED.total);
  });

  it('no letters: zero counts, no rates', () => {
    expect(computeStats([], wd)).toMatchObject({ received: 0, doneRate: null, avgWorkingDays: null });
  });

  it('the letters behind each figure', () => {
    const refs = (set: Parameters<typeof inSet>[1]) =>
      records.filter((r) => inSet(r, set)).map((r) => r.reference.slice(-1));
    expect(refs('done')).toEqual(['1', '2', '3', '5', '6']);
    expect(refs('on_time')).toEqual(['1', '3', '5']);
    expect(refs('late')).toEqual(['2', '6']);
    expect(refs('satisfied')).toEqual(['1', '5']);
  });
});

describe('periods', () => {
  it.each([
    ['2026-04', { from: '2026-04-01', to: '2026-04-30', label: '2026年4月' }],
    ['2028-02', { from: '2028-02-01', to: '2028-02-29', label: '2028年2月' }],
    ['2026', { from: '2026-01-01', to: '2026-12-31', label: '2026年' }],
  ])('%s', (v, p) => expect(parsePeriod(v)).toMatchObject(p));
  it.each(['', '2026-13', '26-01', '2026-1', "2026-01' or 1=1"])('refuses %j', (v) =>
    expect(parsePeriod(v)).toBeNull(),
  );
  it('recent months cross the year', () => {
    expect(recentMonths('2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
