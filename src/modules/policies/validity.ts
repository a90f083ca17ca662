/**
 * The validity of a 规章 / 规范性文件 on any day, derived from its dates and its events — never typed in
 * (issue 11 §2). Pure: the service loads the entry and its events and calls `deriveValidity`.
 *
 * Rules:
 * - Before its 施行日期 (or, without one, before its 公布日期) a document is 尚未生效. A 施行 event or the
 *   施行日期 makes it 现行有效 (official); with neither date it is presumed in force once published.
 * - Events apply in date order (then in the order they were recorded). 废止, 宣布失效 and 失效 are final:
 *   nothing after them changes the state. 暂停执行 holds the state until 恢复执行; a 修改 or 部分失效
 *   while suspended is what 恢复执行 returns to. A 废止 / 宣布失效 dated after 有效期至 shows as such (the
 *   official word wins over the date rule); any other event after that date does not keep it in force.
 * - 有效期至 X means valid through X: from X + 1 the document is 已失效 — 'inferred' until the daily job
 *   records the 失效 event (then 'inferred' still, the event's own certainty: a rule, not a decision).
 */
import { addDays } from '../../lib/calendar/index.ts';
import { type Certainty, FINAL_STATES, type ValidityEvent, type ValidityState } from './policy.model.ts';

/** The dates of an entry that validity depends on ('YYYY-MM-DD' or null). */
export interface ValidityDates {
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** Where expiresOn came from: a rule (setting) makes the expiry 'inferred', the document's own text 'official'. */
  expirySource?: 'metadata' | 'text' | 'rule' | 'none' | null;
  /**
   * Dates nobody can vouch for (an entry imported from a sheet: the sheet is not the document): every
   * state they decide is presumed, not known.
   */
  presumed?: boolean;
}

/** One recorded (not cancelled) event. */
export interface ValidityEventRecord {
  id: number;
  type: ValidityEvent;
  occursOn: string;
  certainty: Certainty;
}

export interface DerivedValidity {
  state: ValidityState;
  certainty: Certainty;
  /** The day the state began (null: unknown, e.g. presumed in force without dates). */
  since: string | null;
  /** The event that decided the state (null: decided by the dates). */
  eventId: number | null;
  /** 'expiry': the state comes from 有效期至 having passed without a recorded 失效 event. */
  by: 'dates' | 'event' | 'expiry';
}

/** The state each event leads to from a non-final state (resumed: back to the state before 暂停执行). */
const EVENT_STATE: Record<Exclude<ValidityEvent, 'resumed'>, ValidityState> = {
  took_effect: 'in_force',
  amended: 'amended',
  repealed: 'repealed',
  expired: 'expired',
  declared_invalid: 'expired',
  suspended: 'suspended',
  partially_invalid: 'partially_invalid',
};

/** From which states an event may be recorded (the service refuses the others with a Chinese reason). */
export const EVENT_ALLOWED_FROM: Record<ValidityEvent, readonly ValidityState[]> = {
  took_effect: ['not_yet_effective'],
  amended: ['in_force', 'amended', 'partially_invalid', 'suspended'],
  partially_invalid: ['in_force', 'amended', 'partially_invalid', 'suspended'],
  suspended: ['in_force', 'amended', 'partially_invalid'],
  resumed: ['suspended'],
  repealed: ['not_yet_effective', 'in_force', 'amended', 'partially_invalid', 'suspended'],
  declared_invalid: ['not_yet_effective', 'in_force', 'amended', 'partially_invalid', 'suspended'],
  expired: ['in_force', 'amended', 'partially_invalid', 'suspended'],
};

const byDateThenId = (a: ValidityEventRecord, b: ValidityEventRecord) =>
  a.occursOn === b.occursOn ? a.id - b.id : a.occursOn < b.occursOn ? -1 : 1;

/** The state of the document on `asOf` ('YYYY-MM-DD', China time). */
export function deriveValidity(
  dates: ValidityDates,
  events: readonly ValidityEventRecord[],
  asOf: string,
): DerivedValidity {
  const start = dates.effectiveOn ?? dates.publishedOn;
  let v: DerivedValidity;
  if (start && start > asOf)
    v = { state: 'not_yet_effective', certainty: 'official', since: null, eventId: null, by: 'dates' };
  else if (dates.effectiveOn)
    v = {
      state: 'in_force',
      certainty: dates.presumed ? 'presumed' : 'official',
      since: dates.effectiveOn,
      eventId: null,
      by: 'dates',
    };
  else v = { state: 'in_force', certainty: 'presumed', since: dates.publishedOn, eventId: null, by: 'dates' };

  let beforeSuspension: DerivedValidity | null = null;
  for (const e of [...events].sort(byDateThenId)) {
    if (e.occursOn > asOf) break;
    if (FINAL_STATES.includes(v.state)) break;
    if (!EVENT_ALLOWED_FROM[e.type].includes(v.state)) continue;
    if (e.type === 'resumed') {
      v = {
        ...(beforeSuspension ?? v),
        eventId: e.id,
        by: 'event',
        since: e.occursOn,
        certainty: e.certainty,
      };
      if (v.state === 'suspended') v.state = 'in_force';
      beforeSuspension = null;
      continue;
    }
    if (
      v.state === 'suspended' &&
      beforeSuspension &&
      (e.type === 'amended' || e.type === 'partially_invalid')
    ) {
      // A 修改 / 部分失效 while suspended changes the text that 恢复执行 brings back; the document stays
      // suspended until then (before: the amendment silently lifted the suspension).
      beforeSuspension = {
        state: EVENT_STATE[e.type],
        certainty: e.certainty,
        since: e.occursOn,
        eventId: e.id,
        by: 'event',
      };
      continue;
    }
    if (e.type === 'suspended') beforeSuspension = v;
    v = { state: EVENT_STATE[e.type], certainty: e.certainty, since: e.occursOn, eventId: e.id, by: 'event' };
  }

  if (!FINAL_STATES.includes(v.state) && dates.expiresOn && dates.expiresOn < asOf)
    v = {
      state: 'expired',
      // A presumed entry (dates typed into an imported sheet) stays presumed; else the source decides.
      certainty: dates.presumed
        ? 'presumed'
        : dates.expirySource === 'metadata' || dates.expirySource === 'text'
          ? 'official'
          : 'inferred',
      since: addDays(dates.expiresOn, 1),
      eventId: null,
      by: 'expiry',
    };
  return v;
}

/** The first day after 有效期至 — when the document is 已失效 and the daily job records it. */
export const expiryDay = (expiresOn: string): string => addDays(expiresOn, 1);
