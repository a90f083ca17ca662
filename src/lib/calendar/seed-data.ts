import chineseDays from 'chinese-days';
import {
  WorkingDayCalendar,
  type WorkingDayCalendarOptions,
  type YearCalendar,
  yearCalendarsToMap,
} from './calendar.ts';
import { addDays, formatPlainDate, isWeekend } from './dates.ts';

/**
 * Seed data for the working-day calendar, derived from the `chinese-days` package (pinned 1.5.7), which
 * transcribes the yearly 国务院办公厅关于部分节假日安排的通知 (2004–2026 in that version). Seeds are
 * a starting point: administrators confirm each year and enter a year the package does not know yet.
 */

/** First and last years scanned for data; only years the package actually covers are returned. */
export const SEED_SCAN_FIRST_YEAR = 2000;
export const SEED_SCAN_LAST_YEAR = 2035;

/**
 * chinese-days names a day that is not in its holiday tables by its English weekday (format 'dddd');
 * a listed day carries the festival's description instead.
 */
const UNLISTED_DAY_NAMES: ReadonlySet<string> = new Set([
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
]);

/**
 * What the package's notice tables say about a date: 'off', 'on', or null when not listed.
 *
 * Why not `chineseDays.isWorkday(date)`: the package builds and looks up its tables through its own
 * date wrapper, which parses 'YYYY-MM-DD' as UTC midnight but formats and takes the weekday in the
 * process time zone. West of UTC (e.g. America/Los_Angeles) every table key is therefore shifted one
 * day back and the weekday fallback uses the previous day, so `isWorkday('2024-02-19')` (a Monday)
 * returns false there. Table lookups with the same string input are shifted the same way and stay
 * correct, so we read only the listed/not-listed answer and compute weekdays ourselves.
 */
function listedStatus(date: string): 'off' | 'on' | null {
  const detail = chineseDays.getDayDetail(date);
  if (UNLISTED_DAY_NAMES.has(detail.name)) return null;
  return detail.work ? 'on' : 'off';
}

/** Derives one year from the package, or null when the package has no notice for that year. */
function deriveYear(year: number): YearCalendar | null {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  let listedDaysOff = 0;
  const last = formatPlainDate({ year, month: 12, day: 31 });
  for (let d = formatPlainDate({ year, month: 1, day: 1 }); d <= last; d = addDays(d, 1)) {
    const status = listedStatus(d);
    if (status === 'off') listedDaysOff++;
    if (status === 'off' && !isWeekend(d)) holidays.add(d);
    if (status === 'on' && isWeekend(d)) workdays.add(d);
  }
  // Every yearly notice lists public holidays; a year with none is a year the package does not cover.
  if (listedDaysOff === 0) return null;
  return { year, holidays, workdays, source: 'seed' };
}

/**
 * For every year the bundled chinese-days data covers, the weekdays that are off and the weekend days
 * that are make-up working days (each day compared with the Monday–Friday default). Years without data
 * (2027 and later in version 1.5.7) are not returned. Results do not depend on the process time zone.
 */
export function seedYearsFromChineseDays(): YearCalendar[] {
  const years: YearCalendar[] = [];
  for (let year = SEED_SCAN_FIRST_YEAR; year <= SEED_SCAN_LAST_YEAR; year++) {
    const derived = deriveYear(year);
    if (derived) years.push(derived);
  }
  return years;
}

let cachedSeedYears: readonly YearCalendar[] | undefined;

/** {@link seedYearsFromChineseDays}, computed on first use and cached (about 13,000 look-ups). */
export function getSeedYears(): readonly YearCalendar[] {
  cachedSeedYears ??= Object.freeze(seedYearsFromChineseDays());
  return cachedSeedYears;
}

/** The seed years, computed lazily on first access of `SEED_YEARS.years`. */
export const SEED_YEARS: { readonly years: readonly YearCalendar[] } = Object.freeze({
  get years(): readonly YearCalendar[] {
    return getSeedYears();
  },
});

/** A calendar over the seed years only (tests, first start-up before administrators confirm years). */
export function createSeedWorkingDayCalendar(opts?: WorkingDayCalendarOptions): WorkingDayCalendar {
  return new WorkingDayCalendar(yearCalendarsToMap(getSeedYears()), opts);
}
