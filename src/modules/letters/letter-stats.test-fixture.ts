/**
 * The hand-computed statistics fixture (September 2026, the 国庆 holidays 10-01…10-07 and the 调休 Saturday
 * 10-10 inside the clocks), shared by the unit test and the db tests on both engines. The expected figures
 * were worked out by hand; see the comments.
 */
import type { StatsRecord } from './letter-stats.ts';

export type FixtureUnit = 'A' | 'B' | null;

export interface FixtureLetter extends Omit<StatsRecord, 'id' | 'unitId' | 'channelId'> {
  unit: FixtureUnit;
}

const base = { title: '来信', closedOn: null, rating: null, answeredOn: null, firstAnsweredOn: null };

export const STATS_FIXTURE: readonly FixtureLetter[] = [
  // (09-29, 10-09] = 09-30, 10-08, 10-09 → 3 WD; due 09-29 + 5 WD = 10-12 (10-10 is a 调休 working day): on time.
  {
    ...base,
    reference: 'XX2026-000001',
    unit: 'A',
    status: 'answered',
    receivedOn: '2026-09-29',
    dueOn: '2026-10-12',
    answeredOn: '2026-10-09',
    firstAnsweredOn: '2026-10-09',
    rating: 'satisfied',
  },
  // (09-30, 10-14] = 10-08, 09, 10, 12, 13, 14 → 6 WD; due 10-13: late.
  {
    ...base,
    reference: 'XX2026-000002',
    unit: 'A',
    status: 'answered',
    receivedOn: '2026-09-30',
    dueOn: '2026-10-13',
    answeredOn: '2026-10-14',
    firstAnsweredOn: '2026-10-14',
    rating: 'dissatisfied',
  },
  // Closed as spam the next day: done, on time, not answered (no handling time), not rated.
  {
    ...base,
    reference: 'XX2026-000003',
    unit: 'A',
    status: 'closed',
    receivedOn: '2026-09-14',
    dueOn: '2026-09-21',
    closedOn: '2026-09-15',
  },
  // Still being handled: received only.
  {
    ...base,
    reference: 'XX2026-000004',
    unit: 'A',
    status: 'assigned',
    receivedOn: '2026-09-21',
    dueOn: '2026-09-28',
  },
  // Answered the day it came: 0 WD, on time, 基本满意.
  {
    ...base,
    reference: 'XX2026-000005',
    unit: 'B',
    status: 'answered',
    receivedOn: '2026-09-01',
    dueOn: '2026-09-08',
    answeredOn: '2026-09-01',
    firstAnsweredOn: '2026-09-01',
    rating: 'basically',
  },
  // First reply 09-11 (1 WD), a follow-up answered 09-25 after its due day 09-24: late; not rated.
  {
    ...base,
    reference: 'XX2026-000006',
    unit: 'B',
    status: 'answered',
    receivedOn: '2026-09-10',
    dueOn: '2026-09-24',
    answeredOn: '2026-09-25',
    firstAnsweredOn: '2026-09-11',
  },
  // Not yet routed (no unit).
  {
    ...base,
    reference: 'XX2026-000007',
    unit: null,
    status: 'received',
    receivedOn: '2026-09-30',
    dueOn: '2026-10-13',
  },
];

/** Received in August: outside the period 2026-09. */
export const OUTSIDE_FIXTURE: FixtureLetter = {
  ...base,
  reference: 'XX2026-000008',
  unit: 'B',
  status: 'answered',
  receivedOn: '2026-08-31',
  dueOn: '2026-09-07',
  answeredOn: '2026-09-01',
  firstAnsweredOn: '2026-09-01',
  rating: 'dissatisfied',
};

/** The figures by hand. */
export const EXPECTED = {
  A: {
    received: 4,
    done: 3,
    answered: 2,
    onTime: 2,
    rated: 2,
    satisfied: 1,
    workingDaysTotal: 9,
    doneRate: 75,
    avgWorkingDays: 4.5,
    onTimeRate: 66.7,
    satisfactionRate: 50,
  },
  B: {
    received: 2,
    done: 2,
    answered: 2,
    onTime: 1,
    rated: 1,
    satisfied: 1,
    workingDaysTotal: 1,
    doneRate: 100,
    avgWorkingDays: 0.5,
    onTimeRate: 50,
    satisfactionRate: 100,
  },
  none: {
    received: 1,
    done: 0,
    answered: 0,
    onTime: 0,
    rated: 0,
    satisfied: 0,
    workingDaysTotal: 0,
    doneRate: 0,
    avgWorkingDays: null,
    onTimeRate: null,
    satisfactionRate: null,
  },
  total: {
    received: 7,
    done: 5,
    answered: 4,
    onTime: 3,
    rated: 3,
    satisfied: 2,
    workingDaysTotal: 10,
    doneRate: 71.4,
    avgWorkingDays: 2.5,
    onTimeRate: 60,
    satisfactionRate: 66.7,
  },
} as const;
