/** deriveValidity and EVENT_ALLOWED_FROM: every event from every state, point in time, expiry, presumed, suspension. */
import { describe, expect, it } from 'vitest';
import { VALIDITY_EVENTS, type ValidityEvent, type ValidityState } from './policy.model.ts';
import {
  type DerivedValidity,
  deriveValidity,
  EVENT_ALLOWED_FROM,
  expiryDay,
  type ValidityDates,
  type ValidityEventRecord,
} from './validity.ts';

const DATES: ValidityDates = { publishedOn: '2020-01-10', effectiveOn: '2020-02-01', expiresOn: null };
let nextId = 1;
const ev = (
  type: ValidityEvent,
  occursOn: string,
  certainty: ValidityEventRecord['certainty'] = 'official',
) => ({
  id: nextId++,
  type,
  occursOn,
  certainty,
});

/** Events (dated 2020-03-01, or before the 施行日期 for 尚未生效) that put the document in each state. */
const SETUP: Record<ValidityState, { events: ValidityEventRecord[]; on: string }> = {
  not_yet_effective: { events: [], on: '2020-01-20' },
  in_force: { events: [], on: '2020-04-01' },
  amended: { events: [ev('amended', '2020-03-01')], on: '2020-04-01' },
  partially_invalid: { events: [ev('partially_invalid', '2020-03-01')], on: '2020-04-01' },
  suspended: { events: [ev('suspended', '2020-03-01')], on: '2020-04-01' },
  repealed: { events: [ev('repealed', '2020-03-01')], on: '2020-04-01' },
  expired: { events: [ev('declared_invalid', '2020-03-01')], on: '2020-04-01' },
};

/** The state after each event from each state ('-' = refused: the state does not change). */
const EXPECTED: Record<ValidityState, Record<ValidityEvent, ValidityState | '-'>> = {
  not_yet_effective: {
    took_effect: 'in_force',
    amended: '-',
    repealed: 'repealed',
    expired: '-',
    declared_invalid: 'expired',
    suspended: '-',
    resumed: '-',
    partially_invalid: '-',
  },
  in_force: {
    took_effect: '-',
    amended: 'amended',
    repealed: 'repealed',
    expired: 'expired',
    declared_invalid: 'expired',
    suspended: 'suspended',
    resumed: '-',
    partially_invalid: 'partially_invalid',
  },
  amended: {
    took_effect: '-',
    amended: 'amended',
    repealed: 'repealed',
    expired: 'expired',
    declared_invalid: 'expired',
    suspended: 'suspended',
    resumed: '-',
    partially_invalid: 'partially_invalid',
  },
  partially_invalid: {
    took_effect: '-',
    amended: 'amended',
    repealed: 'repealed',
    expired: 'expired',
    declared_invalid: 'expired',
    suspended: 'suspended',
    resumed: '-',
    partially_invalid: 'partially_invalid',
  },
  suspended: {
    took_effect: '-',
    // A 修改 while suspended stays suspended (恢复执行 brings the amended text back).
    amended: 'suspended',
    repealed: 'repealed',
    expired: 'expired',
    declared_invalid: 'expired',
    suspended: '-',
    resumed: 'in_force',
    partially_invalid: 'suspended',
  },
  repealed: Object.fromEntries(VALIDITY_EVENTS.map((e) => [e, '-'])) as Record<ValidityEvent, '-'>,
  expired: Object.fromEntries(VALIDITY_EVENTS.map((e) => [e, '-'])) as Record<ValidityEvent, '-'>,
};

describe('every event from every state', () => {
  const cases = (Object.keys(SETUP) as ValidityState[]).flatMap((from) =>
    VALIDITY_EVENTS.map((type) => ({ from, type, expected: EXPECTED[from][type] })),
  );
  it.each(cases)('$type from $from → $expected', ({ from, type, expected }) => {
    const { events, on } = SETUP[from];
    expect(deriveValidity(DATES, events, on).state).toBe(from);
    const e = ev(type, on);
    const after = deriveValidity(DATES, [...events, e], on);
    if (expected === '-') {
      expect(EVENT_ALLOWED_FROM[type]).not.toContain(from);
      expect(after).toEqual(deriveValidity(DATES, events, on));
    } else {
      expect(EVENT_ALLOWED_FROM[type]).toContain(from);
      expect(after.state).toBe(expected);
      if (from !== 'suspended' || (type !== 'amended' && type !== 'partially_invalid')) {
        expect(after.eventId).toBe(e.id);
        expect(after.since).toBe(on);
        expect(after.by).toBe('event');
      }
    }
  });

  it('EVENT_ALLOWED_FROM never lets an event leave a final state', () => {
    for (const type of VALIDITY_EVENTS) {
      expect(EVENT_ALLOWED_FROM[type]).not.toContain('repealed');
      expect(EVENT_ALLOWED_FROM[type]).not.toContain('expired');
    }
  });
});

describe('point in time', () => {
  const events = [
    ev('amended', '2021-05-01'),
    ev('suspended', '2022-01-10'),
    ev('resumed', '2022-03-01'),
    ev('repealed', '2023-07-01'),
  ];
  const at = (d: string): Pick<DerivedValidity, 'state' | 'since'> => {
    const { state, since } = deriveValidity(DATES, events, d);
    return { state, since };
  };
  it.each([
    ['2019-12-31', 'not_yet_effective', null],
    ['2020-01-31', 'not_yet_effective', null],
    ['2020-02-01', 'in_force', '2020-02-01'],
    ['2021-04-30', 'in_force', '2020-02-01'],
    ['2021-05-01', 'amended', '2021-05-01'],
    ['2022-01-09', 'amended', '2021-05-01'],
    ['2022-01-10', 'suspended', '2022-01-10'],
    ['2022-02-28', 'suspended', '2022-01-10'],
    ['2022-03-01', 'amended', '2022-03-01'],
    ['2023-06-30', 'amended', '2022-03-01'],
    ['2023-07-01', 'repealed', '2023-07-01'],
    ['2030-01-01', 'repealed', '2023-07-01'],
  ])('on %s: %s since %s', (d, state, since) => {
    expect(at(d)).toEqual({ state, since });
  });

  it('events on the same day apply in recording order; input order does not matter', () => {
    const a = ev('suspended', '2021-01-01');
    const b = ev('resumed', '2021-01-01');
    expect(deriveValidity(DATES, [b, a], '2021-01-01').state).toBe('in_force');
    const later = ev('amended', '2021-06-01');
    expect(deriveValidity(DATES, [later, b, a], '2021-06-01').state).toBe('amended');
  });

  it('an event in the future of asOf does not apply yet', () => {
    expect(deriveValidity(DATES, [ev('repealed', '2024-01-01')], '2023-12-31').state).toBe('in_force');
  });

  it('施行 recorded before the 施行日期 brings it into force from the event', () => {
    const e = ev('took_effect', '2020-01-15');
    expect(deriveValidity(DATES, [e], '2020-01-20')).toMatchObject({
      state: 'in_force',
      since: '2020-01-15',
    });
    expect(deriveValidity(DATES, [e], '2020-01-14').state).toBe('not_yet_effective');
  });
});

describe('expiry (有效期至 X: valid through X)', () => {
  const dates = (source: ValidityDates['expirySource']): ValidityDates => ({
    ...DATES,
    expiresOn: '2025-01-31',
    expirySource: source,
  });
  it('is in force on the day itself and 已失效 from the next day', () => {
    expect(deriveValidity(dates('metadata'), [], '2025-01-31').state).toBe('in_force');
    expect(deriveValidity(dates('metadata'), [], '2025-02-01')).toEqual({
      state: 'expired',
      certainty: 'official',
      since: '2025-02-01',
      eventId: null,
      by: 'expiry',
    });
    expect(expiryDay('2025-01-31')).toBe('2025-02-01');
    expect(expiryDay('2024-02-28')).toBe('2024-02-29');
  });
  it.each([
    ['metadata', 'official'],
    ['text', 'official'],
    ['rule', 'inferred'],
    [null, 'inferred'],
  ] as const)('source %s → %s', (source, certainty) => {
    expect(deriveValidity(dates(source), [], '2026-01-01').certainty).toBe(certainty);
  });
  it('a recorded 失效 event decides it with its own certainty', () => {
    const e = ev('expired', '2025-02-01', 'inferred');
    expect(deriveValidity(dates('rule'), [e], '2025-02-01')).toMatchObject({
      state: 'expired',
      by: 'event',
      eventId: e.id,
      certainty: 'inferred',
    });
  });
  it('expires whatever non-final state it is in (amended, suspended)', () => {
    for (const type of ['amended', 'suspended', 'partially_invalid'] as const)
      expect(deriveValidity(dates('text'), [ev(type, '2023-01-01')], '2025-03-01').state).toBe('expired');
  });
  it('a 废止 before or after the date shows 已废止 (the official word wins)', () => {
    expect(deriveValidity(dates('rule'), [ev('repealed', '2024-01-01')], '2026-01-01').state).toBe(
      'repealed',
    );
    expect(deriveValidity(dates('rule'), [ev('repealed', '2025-06-01')], '2026-01-01')).toMatchObject({
      state: 'repealed',
      since: '2025-06-01',
    });
  });
  it('no expiry without a date', () => {
    expect(deriveValidity({ ...DATES, expirySource: 'none' }, [], '2099-01-01').state).toBe('in_force');
  });
});

describe('presumed', () => {
  it('without a 施行日期, in force from publication, presumed', () => {
    expect(deriveValidity({ ...DATES, effectiveOn: null }, [], '2020-01-10')).toEqual({
      state: 'in_force',
      certainty: 'presumed',
      since: '2020-01-10',
      eventId: null,
      by: 'dates',
    });
    expect(deriveValidity({ ...DATES, effectiveOn: null }, [], '2020-01-09').state).toBe('not_yet_effective');
  });
  it('with no dates at all: presumed in force, since unknown', () => {
    expect(
      deriveValidity({ publishedOn: null, effectiveOn: null, expiresOn: null }, [], '2020-01-01'),
    ).toMatchObject({
      state: 'in_force',
      certainty: 'presumed',
      since: null,
    });
  });
  it('an imported 有效 entry with dates is presumed; the dates alone are official', () => {
    expect(deriveValidity({ ...DATES, presumed: true }, [], '2021-01-01').certainty).toBe('presumed');
    expect(deriveValidity(DATES, [], '2021-01-01').certainty).toBe('official');
  });
  it('an event replaces the presumption', () => {
    expect(
      deriveValidity({ ...DATES, presumed: true }, [ev('amended', '2020-06-01')], '2021-01-01').certainty,
    ).toBe('official');
  });
});

describe('suspension and resumption', () => {
  it('恢复执行 returns to the state before 暂停执行, with the resumption date', () => {
    const events = [
      ev('partially_invalid', '2021-01-01'),
      ev('suspended', '2021-02-01'),
      ev('resumed', '2021-03-01'),
    ];
    expect(deriveValidity(DATES, events, '2021-03-01')).toMatchObject({
      state: 'partially_invalid',
      since: '2021-03-01',
      eventId: events[2]?.id,
      by: 'event',
    });
  });
  it('a 修改 while suspended stays suspended and is what 恢复执行 returns to', () => {
    const events = [ev('suspended', '2021-02-01'), ev('amended', '2021-02-15'), ev('resumed', '2021-03-01')];
    expect(deriveValidity(DATES, events, '2021-02-20')).toMatchObject({
      state: 'suspended',
      since: '2021-02-01',
    });
    expect(deriveValidity(DATES, events, '2021-03-01').state).toBe('amended');
  });
  it('suspend, resume, suspend again', () => {
    const events = [
      ev('suspended', '2021-02-01'),
      ev('resumed', '2021-03-01'),
      ev('suspended', '2021-04-01'),
      ev('resumed', '2021-05-01'),
    ];
    expect(deriveValidity(DATES, events, '2021-04-15').state).toBe('suspended');
    expect(deriveValidity(DATES, events, '2021-05-01')).toMatchObject({
      state: 'in_force',
      since: '2021-05-01',
    });
  });
  it('a 废止 while suspended is final', () => {
    const events = [ev('suspended', '2021-02-01'), ev('repealed', '2021-02-15'), ev('resumed', '2021-03-01')];
    expect(deriveValidity(DATES, events, '2021-04-01')).toMatchObject({
      state: 'repealed',
      since: '2021-02-15',
    });
  });
});
