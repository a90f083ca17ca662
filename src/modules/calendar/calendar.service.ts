/**
 * The platform's working-day calendar (法定工作日): package seed data (chinese-days) overlaid
 * with years that a 系统管理员 entered or corrected — the database wins over the seed.
 * A year with neither warns loudly and falls back to Monday–Friday.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import {
  addDays,
  getSeedYears,
  isValidPlainDate,
  isWeekend,
  WorkingDayCalendar,
  type YearCalendar,
  yearCalendarsToMap,
} from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { intField, optionalText, parseInput } from '../../lib/validation.ts';
import type { CalendarRepository } from './calendar.repository.ts';

/** How long one process trusts its cached calendar before re-reading administrator edits. */
const CACHE_MS = 30_000;

export interface CalendarServiceDeps {
  db: Kysely<DB>;
  repo: CalendarRepository;
  audit: AuditLog;
  clock: Clock;
  warn: (message: string) => void;
}

const yearInputSchema = z.object({
  year: intField('年份', { min: 2000, max: 2100 }),
  holidays: z.string().default(''),
  workdays: z.string().default(''),
  note: optionalText('依据（如国务院办公厅通知文号）', 200),
});

export class CalendarService {
  private cached: { at: number; calendar: WorkingDayCalendar } | null = null;
  private readonly warnedYears = new Set<number>();
  constructor(private readonly d: CalendarServiceDeps) {}

  /** The current calendar (cached briefly; edits in this process invalidate at once). */
  async calendar(): Promise<WorkingDayCalendar> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return this.cached.calendar;
    const years = yearCalendarsToMap(getSeedYears());
    for (const y of await this.d.repo.listYears()) {
      years.set(y.year, {
        year: y.year,
        holidays: new Set(y.holidays),
        workdays: new Set(y.workdays),
        source: 'admin',
      });
    }
    const calendar = new WorkingDayCalendar(years, {
      onMissingYear: (year) => {
        if (this.warnedYears.has(year)) return;
        this.warnedYears.add(year);
        this.d.warn(
          `工作日历缺少 ${year} 年的节假日安排，暂按周一至周五计算；请系统管理员在“工作日历”中录入 ${year} 年安排`,
        );
      },
    });
    this.cached = { at: now, calendar };
    return calendar;
  }

  /** Which years have data and from where, for the back office. */
  async yearsOverview(): Promise<{ year: number; source: 'seed' | 'admin' }[]> {
    const cal = yearCalendarsToMap(getSeedYears());
    const out = new Map<number, 'seed' | 'admin'>();
    for (const y of cal.keys()) out.set(y, 'seed');
    for (const y of await this.d.repo.listYears()) out.set(y.year, 'admin');
    return [...out.entries()].sort((a, b) => b[0] - a[0]).map(([year, source]) => ({ year, source }));
  }

  async yearDetail(year: number): Promise<YearCalendar | null> {
    const stored = (await this.d.repo.listYears()).find((y) => y.year === year);
    if (stored)
      return {
        year,
        holidays: new Set(stored.holidays),
        workdays: new Set(stored.workdays),
        source: 'admin',
      };
    return getSeedYears().find((y) => y.year === year) ?? null;
  }

  /** Stores the holidays and make-up working days of a year (replacing earlier entries for it). */
  async saveYear(ctx: CallContext, raw: unknown): Promise<void> {
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'calendar.manage')) throw AppError.forbidden();
    const input = parseInput(yearInputSchema, raw);
    const problems: FieldProblem[] = [];
    const holidays = parseDateList(input.holidays, input.year, 'holidays', '放假日期', problems).filter(
      (d) => !isWeekend(d),
    );
    const workdays = parseDateList(input.workdays, input.year, 'workdays', '调休上班日期', problems);
    for (const d of workdays) {
      if (!isWeekend(d))
        problems.push({ field: 'workdays', message: `调休上班日期：${d} 不是周末，无需设为调休上班日` });
    }
    if (problems.length) throw AppError.validation(problems);
    const now = this.d.clock.now().toISOString();
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.repo.replaceYear(trx, { year: input.year, note: input.note, holidays, workdays, now });
      await this.d.audit.record(trx, ctx, {
        action: 'calendar.year_save',
        targetType: 'calendar_year',
        targetId: input.year,
        summary: `录入 ${input.year} 年节假日安排：放假（工作日）${holidays.length} 天，调休上班 ${workdays.length} 天`,
        after: { holidays, workdays, note: input.note },
      });
    });
    this.cached = null;
  }
}

/**
 * Reads dates one per line (or separated by commas/spaces); ranges as `2027-02-05~2027-02-11`,
 * `2027-02-05 至 2027-02-11`. Every date must fall in `year`.
 */
export function parseDateList(
  text: string,
  year: number,
  field: string,
  label: string,
  problems: FieldProblem[],
): string[] {
  const out = new Set<string>();
  const tokens = text
    .replace(/\s*(~|～|至|到|—|--)\s*/g, '~')
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  for (const token of tokens) {
    const [from, to = from] = token.split('~') as [string, string?];
    if (!isValidPlainDate(from) || !isValidPlainDate(to) || to < from) {
      problems.push({
        field,
        message: `${label}：无法识别“${token}”，请使用 2027-01-01 或 2027-02-05~2027-02-11 的格式`,
      });
      continue;
    }
    if (!from.startsWith(`${year}-`) || !to.startsWith(`${year}-`)) {
      problems.push({ field, message: `${label}：${token} 不在 ${year} 年内` });
      continue;
    }
    for (let d = from; d <= to; d = addDays(d, 1)) out.add(d);
  }
  return [...out].sort();
}
