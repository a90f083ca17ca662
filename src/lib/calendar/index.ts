/** Working-day calendar (工作日 with 节假日 and 调休): plain dates, arithmetic and seed data. */
export {
  type AddWorkingDaysExplanation,
  type DayKind,
  WorkingDayCalendar,
  type WorkingDayCalendarOptions,
  type WorkingDayStep,
  type YearCalendar,
  yearCalendarsToMap,
} from './calendar.ts';
export {
  addDays,
  CHINA_TIME_ZONE,
  dayOfWeek,
  daysBetween,
  formatPlainDate,
  isValidPlainDate,
  isWeekend,
  type PlainDateParts,
  parsePlainDate,
  todayInShanghai,
  yearOf,
} from './dates.ts';
export {
  createSeedWorkingDayCalendar,
  getSeedYears,
  SEED_SCAN_FIRST_YEAR,
  SEED_SCAN_LAST_YEAR,
  SEED_YEARS,
  seedYearsFromChineseDays,
} from './seed-data.ts';
