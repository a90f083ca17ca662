/**
 * Supervision (督查督办): a unit's overdue (its own open parts and missed occurrences) and due-soon tasks, the daily job that marks overdue tasks
 * and records one reminder per task per day, and the quarterly bulletin (一季度一通报) as data.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { addDays, todayInShanghai, type WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { runOnce } from '../../lib/jobs.ts';
import { occurrenceState, occurrencesOf } from './task-occurrence.ts';
import type { TaskReportRepository } from './task-report.repository.ts';
import type { TaskSupervisionRepository } from './task-supervision.repository.ts';
import { computeBulletin, type QuarterlyBulletin, quarterRange } from './task-supervision.ts';

/** "Due soon" = due within this many working days (today excluded), unless the caller says otherwise. */
export const DUE_SOON_WORKING_DAYS = 5;

/** The job id: the scheduler's name and the key of its once-a-day claim in job_runs. */
export const DAILY_SWEEP_JOB = 'tasks.daily-sweep';

export interface TaskSupervisionServiceDeps {
  db: Kysely<DB>;
  supervision: TaskSupervisionRepository;
  reports: TaskReportRepository;
  audit: AuditLog;
  clock: Clock;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
}

export interface SweepResult {
  date: string;
  markedOverdue: number;
  reminders: number;
}

export class TaskSupervisionService {
  constructor(private readonly d: TaskSupervisionServiceDeps) {}

  /**
   * A unit's overdue work, most overdue first: dated tasks whose due date has passed while the unit's
   * own part is open, and each missed occurrence (period ended without an accepted report dated in
   * it) of its recurring duties, titled with the period.
   */
  async listOverdue(unitId: number) {
    const today = this.today();
    const dated = (await this.d.supervision.unitTasksDue(unitId, { to: addDays(today, -1) })).map((t) => ({
      ...t,
      occurrence: null as string | null,
    }));
    const missed = (await this.d.supervision.unitRecurringParts(unitId)).flatMap((p) =>
      occurrencesOf(p.recurrence, p.year)
        .filter((o) => occurrenceState(o, p.reportDates, p.part_done_on, today) === 'missed')
        .map((o) => ({
          ...{
            id: p.id,
            number: p.number,
            title: `${p.title}（${o.label}）`,
            due_date: o.end as string | null,
          },
          ...{ status: p.status, role: p.role, plan_id: p.plan_id, plan_title: p.plan_title },
          occurrence: o.label as string | null,
        })),
    );
    return [...dated, ...missed].sort(
      (a, b) => (a.due_date ?? '').localeCompare(b.due_date ?? '') || a.id - b.id,
    );
  }

  /** A unit's unfinished tasks due from today to `days` working days ahead. */
  async listDueSoon(unitId: number, days = DUE_SOON_WORKING_DAYS) {
    const today = this.today();
    const limit = (await this.d.calendar.calendar()).addWorkingDays(today, days);
    return this.d.supervision.unitTasksDue(unitId, { from: today, to: limit });
  }

  /**
   * The daily job: once per day (however many processes run it) marks overdue tasks and records one
   * reminder per overdue or due-soon task, acting as the system user. Returns null if it already ran.
   */
  async runDailySweep(): Promise<SweepResult | null> {
    const today = this.today();
    const r = await runOnce(this.d.db, this.d.clock, DAILY_SWEEP_JOB, today, () => this.sweep(today));
    return r.ran ? r.result : null;
  }

  /**
   * The quarterly bulletin for the plans of `ownerUnitId` in `year`, as of min(quarter end, today in
   * China), counted per unit over its own parts and occurrences.
   */
  async quarterlyBulletin(ownerUnitId: number, year: number, quarter: number): Promise<QuarterlyBulletin> {
    quarterRange(year, quarter);
    return computeBulletin({
      ...{ year, quarter, today: this.today() },
      assignments: await this.d.supervision.bulletinAssignments(ownerUnitId, year),
      accepted: await this.d.supervision.acceptedReports(ownerUnitId, year),
    });
  }

  /** The sweep itself, without the once-a-day claim (the scheduler claims the day first). */
  async sweep(today: string): Promise<SweepResult> {
    const limit = (await this.d.calendar.calendar()).addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    const now = this.d.clock.now().toISOString();
    const ctx = { actor: systemActor('任务督办定时任务'), meta: NO_REQUEST };
    return this.d.db.transaction().execute(async (trx) => {
      const markedOverdue = await this.d.supervision.markOverdue(trx, today, now);
      const due = await this.d.supervision.remindable(trx, limit);
      const reminders = await this.d.reports.insertReminders(
        trx,
        due.map((t) => ({
          ...{ task_id: t.id, reminder_date: today, due_date: t.due_date as string, created_at: now },
          kind: (t.due_date as string) < today ? 'overdue' : 'due_soon',
        })),
      );
      await this.d.audit.record(trx, ctx, {
        action: 'task.daily_sweep',
        targetType: 'job',
        targetId: `${DAILY_SWEEP_JOB}:${today}`,
        summary: `任务督办：${today} 新标记逾期任务 ${markedOverdue} 项，发出提醒 ${reminders} 条`,
        after: { markedOverdue, reminders },
      });
      return { date: today, markedOverdue, reminders };
    });
  }

  private today(): string {
    return todayInShanghai(this.d.clock.now());
  }
}
