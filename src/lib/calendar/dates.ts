/**
 * Plain calendar dates as 'YYYY-MM-DD' strings (dates in China Standard Time).
 *
 * Deadlines are counted in whole days, so a date is never a JavaScript `Date`: a `Date` is an instant
 * and its calendar day depends on the time zone of the process. Every computation here goes through
 * `Date.UTC` and the UTC getters, which do not depend on the process time zone. Plain dates compare
 * correctly as strings ('2025-01-31' < '2025-02-01').
 */

/** The parts of a plain date; `month` is 1–12. */
export interface PlainDateParts {
  year: number;
  month: number;
  day: number;
}

const PLAIN_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** China has observed UTC+8 all year since 1992; the IANA zone also covers earlier history. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

function partsToUtcMs(parts: PlainDateParts): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  return new Date(0).setUTCFullYear(parts.year, parts.month - 1, parts.day);
}

function utcMsToPlainDate(ms: number): string {
  const d = new Date(ms);
  return formatPlainDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Formats parts as 'YYYY-MM-DD' (no validation). */
export function formatPlainDate(parts: PlainDateParts): string {
  const y = String(parts.year).padStart(4, '0');
  const m = String(parts.month).padStart(2, '0');
  const d = String(parts.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function tryParse(value: string): PlainDateParts | null {
  const match = PLAIN_DATE_PATTERN.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  // Round-trip through UTC to reject days such as 2025-02-29 or 2024-04-31.
  return utcMsToPlainDate(partsToUtcMs(parts)) === value ? parts : null;
}

/** True when `value` is a string 'YYYY-MM-DD' naming a real calendar day. */
export function isValidPlainDate(value: unknown): value is string {
  return typeof value === 'string' && tryParse(value) !== null;
}

/**
 * Splits a plain date into numbers.
 * @throws RangeError when `date` is not a valid 'YYYY-MM-DD' day.
 */
export function parsePlainDate(date: string): PlainDateParts {
  const parts = tryParse(date);
  if (!parts) throw new RangeError(`Not a plain date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return parts;
}

/**
 * The date `n` calendar days after `date` (before it when `n` is negative).
 * @throws RangeError when `date` is invalid or `n` is not an integer.
 */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day offset must be an integer: ${n}`);
  return utcMsToPlainDate(partsToUtcMs(parsePlainDate(date)) + n * MS_PER_DAY);
}

/** Day of the week of a plain date: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(partsToUtcMs(parsePlainDate(date))).getUTCDay();
}

/** True for Saturday and Sunday (the ordinary 双休日 before any 调休). */
export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/** The calendar year of a plain date. */
export function yearOf(date: string): number {
  return parsePlainDate(date).year;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((partsToUtcMs(parsePlainDate(to)) - partsToUtcMs(parsePlainDate(from))) / MS_PER_DAY);
}

const shanghaiDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in China (Asia/Shanghai) at instant `now`, whatever the server's time zone.
 * Pass the injected clock's `now()`.
 */
export function todayInShanghai(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid Date');
  const parts = shanghaiDateFormat.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatPlainDate({ year: get('year'), month: get('month'), day: get('day') });
}
