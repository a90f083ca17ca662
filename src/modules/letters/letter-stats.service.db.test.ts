/**
 * The statistics from the database against the hand-computed fixture (letter-stats.test-fixture.ts): rows
 * inserted into the contract tables, first replies and closing times as UTC timestamps read as China days,
 * the calendar's 国庆 holidays and 调休 Saturday in the handling times, 找错 reports and other months left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { insertChannel, insertLetter, insertReply } from './letter-outputs.test-support.ts';
import { LetterStatsService, UNROUTED_LABEL } from './letter-stats.service.ts';
import { EXPECTED, type FixtureLetter, OUTSIDE_FIXTURE, STATS_FIXTURE } from './letter-stats.test-fixture.ts';
import { parsePeriod } from './letter-stats.ts';

describe(`letter statistics on ${ENGINE}`, () => {
  let app: TestApp;
  let svc: LetterStatsService;
  let A: Unit;
  let B: Unit;
  let boxA: number;
  let boxB: number;
  const period = parsePeriod('2026-09')!;

  const insert = async (f: FixtureLetter) => {
    const unit = f.unit === 'A' ? A : f.unit === 'B' ? B : null;
    const id = await insertLetter(app.db, {
      channelId: f.unit === 'B' ? boxB : boxA,
      unitId: unit?.id ?? null,
      reference: f.reference,
      status: f.status,
      receivedOn: f.receivedOn,
      dueOn: f.dueOn,
      answeredOn: f.answeredOn,
      rating: f.rating,
      // 17:30 UTC is 01:30 the next day in China: the closing day is the China day.
      closedAt: f.closedOn ? `${addDay(f.closedOn, -1)}T17:30:00.000Z` : null,
    });
    if (f.firstAnsweredOn && unit) {
      await insertReply(app.db, id, unit.id, { sentAt: `${f.firstAnsweredOn}T03:00:00.000Z` });
      if (f.answeredOn && f.answeredOn !== f.firstAnsweredOn)
        await insertReply(app.db, id, unit.id, { round: 2, sentAt: `${f.answeredOn}T08:00:00.000Z` });
    }
    return id;
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-10-20T02:00:00Z' });
    const county = await buildCounty(app);
    A = county.dept;
    B = county.other;
    boxA = await insertChannel(app.db, county.county.id, { name: '县长信箱' });
    boxB = await insertChannel(app.db, county.county.id, { name: '财政局局长信箱' });
    for (const f of STATS_FIXTURE) await insert(f);
    await insert(OUTSIDE_FIXTURE);
    // A 找错 report in September: counted in the 找错 statistics, not the 信箱's.
    const siteErrors = await insertChannel(app.db, county.county.id, {
      kind: 'site_error',
      name: '我为政府网站找错',
    });
    await insertLetter(app.db, {
      channelId: siteErrors,
      unitId: A.id,
      type: 'site_error',
      status: 'assigned',
      receivedOn: '2026-09-15',
      dueOn: '2026-09-18',
      pageUrl: '/documents/1',
    });
    svc = new LetterStatsService({ db: app.db, calendar: app.calendar });
  }, 60_000);
  afterAll(async () => app.destroy());

  it('per unit, not yet routed last, and in total', async () => {
    const r = await svc.report(period);
    expect(r.total).toEqual(EXPECTED.total);
    const by = Object.fromEntries(r.byUnit.map((u) => [u.unitName, u.row]));
    expect(by[A.name]).toEqual(EXPECTED.A);
    expect(by[B.name]).toEqual(EXPECTED.B);
    expect(r.byUnit.at(-1)).toEqual({ unitId: null, unitName: UNROUTED_LABEL, row: EXPECTED.none });
  });

  it('per box', async () => {
    const r = await svc.report(period);
    expect(r.byChannel.map((c) => [c.channelName, c.row.received, c.row.done])).toEqual([
      ['县长信箱', 5, 3],
      ['财政局局长信箱', 2, 2],
    ]);
  });

  it('找错 reports have their own figures', async () => {
    const r = await svc.report(period, 'site_error');
    expect(r.total).toMatchObject({ received: 1, done: 0, doneRate: 0 });
  });

  it('the letters behind a number', async () => {
    const refs = async (q: Parameters<LetterStatsService['members']>[1]) =>
      (await svc.members(period, q)).map((r) => r.reference);
    expect(await refs({ unit: A.id, channelId: null, set: 'on_time' })).toEqual([
      'XX2026-000003',
      'XX2026-000001',
    ]);
    expect(await refs({ unit: 'none', channelId: null, set: 'received' })).toEqual(['XX2026-000007']);
    expect(await refs({ unit: null, channelId: null, set: 'late' })).toEqual([
      'XX2026-000006',
      'XX2026-000002',
    ]);
  });

  it('a year is a period too (the August letter included)', async () => {
    const r = await svc.report(parsePeriod('2026')!);
    expect(r.total.received).toBe(8);
  });
});

function addDay(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
