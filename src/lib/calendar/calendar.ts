import { addDays, dayOfWeek, isValidPlainDate, parsePlainDate } from './dates.ts';

/**
 * The official working-day calendar of one year: the 国务院办公厅 notice on 部分节假日安排 moves days
 * off and on around the public holidays; every other day follows Monday–Friday.
 *
 * Persisted shape (one row per year, edited by administrators): keep field names stable.
 */
export interface YearCalendar {
  year: number;
  /** Monday–Friday dates that are days off (法定节假日 and the 调休 days off next to them). */
  holidays: ReadonlySet<string>;
  /** Saturday/Sunday dates that are make-up working days (调休上班). */
  workdays: ReadonlySet<string>;
  /** 'seed' = derived from the bundled chinese-days data; 'admin' = entered or confirmed by an administrator. */
  source: 'seed' | 'admin';
}

/** How one date counts: an ordinary working day, a weekend, a holiday, or a weekend made a working day. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'makeup-working';

/** One day walked through when counting working days. */
export interface WorkingDayStep {
  date: string;
  kind: DayKind;
  /** The ordinal of this working day (1, 2, …), or null when the day is not counted. */
  counted: number | null;
}

/** The arithmetic behind a due date, shown to users next to the date. */
export interface AddWorkingDaysExplanation {
  result: string;
  /** Every date after the start date up to and including `result`. */
  steps: WorkingDayStep[];
  /** Weekdays skipped because they are holidays. */
  skippedHolidays: string[];
  /** Weekend days counted because they are make-up working days. */
  makeupDays: string[];
  /** Years without calendar data, for which Monday–Friday was assumed. */
  missingYears: number[];
}

/** Options of {@link WorkingDayCalendar}. */
export interface WorkingDayCalendarOptions {
  /**
   * Called when a computation needs a year that has no data (Monday–Friday is then assumed), once per
   * year per public method call. Callers log a loud warning: such a due date may be wrong.
   */
  onMissingYear?: (year: number) => void;
}

/** Builds the year map the calendar takes from a list of years. */
export function yearCalendarsToMap(years: Iterable<YearCalendar>): Map<number, YearCalendar> {
  const map = new Map<number, YearCalendar>();
  for (const y of years) {
    if (map.has(y.year)) throw new RangeError(`Duplicate calendar year ${y.year}`);
    map.set(y.year, y);
  }
  return map;
}

function assertYearConsistent(key: number, cal: YearCalendar): void {
  if (key !== cal.year) throw new RangeError(`Calendar year ${cal.year} stored under key ${key}`);
  for (const [label, dates] of [
    ['holiday', cal.holidays],
    ['make-up working day', cal.workdays],
  ] as const) {
    for (const date of dates) {
      if (!isValidPlainDate(date)) throw new RangeError(`Invalid ${label} ${JSON.stringify(date)}`);
      if (parsePlainDate(date).year !== cal.year) {
        throw new RangeError(`The ${label} ${date} does not belong to year ${cal.year}`);
      }
    }
  }
  for (const date of cal.holidays) {
    if (cal.workdays.has(date)) throw new RangeError(`${date} is both a holiday and a make-up working day`);
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Number of working days must be a non-negative integer: ${n}`);
  }
}

/** Collects the missing years touched by one public call and reports each of them once. */
class MissingYearTracker {
  readonly years: number[] = [];
  constructor(private readonly onMissingYear: ((year: number) => void) | undefined) {}
  note(year: number): void {
    if (this.years.includes(year)) return;
    this.years.push(year);
    this.onMissingYear?.(year);
  }
}

/**
 * Working-day arithmetic over the official calendar (工作日, with 节假日 and 调休).
 *
 * Counting follows 民法典 第二百零一条: the day of the event is not counted, so "n working days from
 * the date" ends on the n-th working day after it. Years without data fall back to Monday–Friday and
 * are reported through `onMissingYear` and in explanations.
 */
export class WorkingDayCalendar {
  private readonly years: ReadonlyMap<number, YearCalendar>;
  private readonly onMissingYear: ((year: number) => void) | undefined;

  /** @throws RangeError when a year's data is inconsistent (wrong year, invalid or overlapping dates). */
  constructor(years: Map<number, YearCalendar>, opts: WorkingDayCalendarOptions = {}) {
    for (const [key, cal] of years) assertYearConsistent(key, cal);
    this.years = new Map(years);
    this.onMissingYear = opts.onMissingYear;
  }

  /** True when the calendar has data for `year`. */
  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The years with data, ascending. */
  listYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** How `date` counts; a year without data is treated as Monday–Friday (and reported). */
  dayKind(date: string): DayKind {
    return this.kindOf(date, new MissingYearTracker(this.onMissingYear));
  }

  /** True when `date` is a working day (including a make-up working day). */
  isWorkingDay(date: string): boolean {
    return isCounted(this.dayKind(date));
  }

  /**
   * The n-th working day after `date`; `date` itself is never counted (民法典 第二百零一条).
   * `n = 0` returns `date` unchanged.
   * @throws RangeError when `date` is invalid or `n` is not a non-negative integer.
   */
  addWorkingDays(date: string, n: number): string {
    return this.walk(date, n, false).result;
  }

  /** Like {@link addWorkingDays}, with every day walked through, for display next to a due date. */
  explainAddWorkingDays(date: string, n: number): AddWorkingDaysExplanation {
    return this.walk(date, n, true);
  }

  /**
   * Working days in the interval (fromExclusive, toInclusive]: the days elapsed after an event.
   * Antisymmetric: when `toInclusive` is earlier, the result is minus the count of (toInclusive,
   * fromExclusive]. Hence `countWorkingDays(d, addWorkingDays(d, n)) === n`.
   */
  countWorkingDays(fromExclusive: string, toInclusive: string): number {
    parsePlainDate(fromExclusive);
    parsePlainDate(toInclusive);
    if (toInclusive < fromExclusive) return -this.countWorkingDays(toInclusive, fromExclusive);
    const tracker = new MissingYearTracker(this.onMissingYear);
    let count = 0;
    for (let d = addDays(fromExclusive, 1); d <= toInclusive; d = addDays(d, 1)) {
      if (isCounted(this.kindOf(d, tracker))) count++;
    }
    return count;
  }

  private walk(date: string, n: number, withSteps: boolean): AddWorkingDaysExplanation {
    parsePlainDate(date);
    assertCount(n);
    const tracker = new MissingYearTracker(this.onMissingYear);
    const explanation: AddWorkingDaysExplanation = {
      result: date,
      steps: [],
      skippedHolidays: [],
      makeupDays: [],
      missingYears: tracker.years,
    };
    let counted = 0;
    let d = date;
    while (counted < n) {
      d = addDays(d, 1);
      const kind = this.kindOf(d, tracker);
      if (isCounted(kind)) counted++;
      if (!withSteps) continue;
      explanation.steps.push({ date: d, kind, counted: isCounted(kind) ? counted : null });
      if (kind === 'holiday') explanation.skippedHolidays.push(d);
      if (kind === 'makeup-working') explanation.makeupDays.push(d);
    }
    explanation.result = d;
    explanation.missingYears.sort((a, b) => a - b);
    return explanation;
  }

  private kindOf(date: string, tracker: MissingYearTracker): DayKind {
    const { year } = parsePlainDate(date);
    const dow = dayOfWeek(date);
    const weekend = dow === 0 || dow === 6;
    const cal = this.years.get(year);
    if (!cal) {
      tracker.note(year);
    } else if (cal.holidays.has(date)) {
      return 'holiday';
    } else if (cal.workdays.has(date)) {
      return weekend ? 'makeup-working' : 'working';
    }
    return weekend ? 'weekend' : 'working';
  }
}

function isCounted(kind: DayKind): boolean {
  return kind === 'working' || kind === 'makeup-working';
}
