/**
 * The daily 依申请公开 sweep, run once per China day however many processes start it (runOnce):
 * closes cases whose 补正 period ran out (其他处理 1, 条例 第三十条), marks overdue cases and records
 * 临期/超期 reminders for the handlers. Reminders are unique per case, kind and due date, so a re-run
 * or a second process adds nothing.
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/dates.ts';
import { isAppError } from '../../lib/errors.ts';
import { type RunOnceResult, runOnce } from '../../lib/jobs.ts';
import { caseClockStatus } from './info-request.case.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { InfoRequestTransitions } from './info-request.transitions.ts';
import { CLOCK_RUNNING_STATES } from './info-request.workflow.ts';
import { InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';
import { InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import { InfoRequestRetention } from './info-request-retention.service.ts';

/** The job id: the scheduler's name and the key of its once-a-day claim in job_runs. */
export const DAILY_JOB = 'requests.daily';
/** Window searched for 临期 cases; 3 working days never span more than this many calendar days. */
const DUE_SOON_WINDOW_DAYS = 31;

export interface SweepResult {
  correctionsExpired: number;
  markedOverdue: number;
  reminders: number;
  /** Cases closed because a fee notice went unpaid (其他处理 2). */
  feesLapsed: number;
}

export class InfoRequestJobs {
  private readonly ctx: CallContext = { actor: systemActor('依申请公开每日任务'), meta: NO_REQUEST };

  private readonly records: InfoRequestRecordsRepository;
  /** The daily erasure of applicant data past the retention period (its own job, requests.retention). */
  readonly retention: InfoRequestRetention;

  constructor(
    private readonly d: InfoRequestDeps,
    private readonly transitions: InfoRequestTransitions,
  ) {
    this.records = new InfoRequestRecordsRepository(d.db);
    this.retention = new InfoRequestRetention({ ...d, lifecycle: new InfoRequestLifecycleRepository(d.db) });
  }

  /** Runs today's sweep unless some process already ran it today. */
  async runDaily(): Promise<RunOnceResult<SweepResult>> {
    const today = todayInShanghai(this.d.clock.now());
    return runOnce(this.d.db, this.d.clock, DAILY_JOB, today, () => this.sweep(today));
  }

  /** The sweep itself; safe to repeat (every step is conditional or unique). */
  async sweep(today: string): Promise<SweepResult> {
    const result: SweepResult = { correctionsExpired: 0, markedOverdue: 0, reminders: 0, feesLapsed: 0 };
    result.correctionsExpired = await this.closeExpiredCorrections(today);
    result.feesLapsed = await this.closeUnpaidFees(today);
    await this.remindOverdue(today, result);
    result.reminders += await this.remindDueSoon(today);
    return result;
  }

  private async closeExpiredCorrections(today: string): Promise<number> {
    const rows = await this.d.repo.listDueBefore(['awaiting_correction'], 'correction_period_end', today);
    let n = 0;
    for (const row of rows) {
      try {
        await this.transitions.run(this.ctx, row.id, 'correction_overdue');
        n++;
      } catch (e) {
        // Another process or a member of staff got there first: the state guard refused.
        if (!isAppError(e) || e.code !== 'invalid_transition') throw e;
      }
    }
    return n;
  }

  /**
   * Fee notices unpaid after their period: the application is deemed abandoned (国办函〔2020〕109号;
   * period configurable per unit). The notice is marked lapsed even when the case moved on meanwhile.
   */
  private async closeUnpaidFees(today: string): Promise<number> {
    let n = 0;
    for (const fee of await this.records.unpaidFeesBefore(today)) {
      try {
        await this.transitions.run(this.ctx, fee.request_id, 'fee_unpaid');
        n++;
      } catch (e) {
        if (!isAppError(e) || e.code !== 'invalid_transition') throw e;
      }
      await this.d.db
        .transaction()
        .execute((trx) => this.records.setFeeStatus(trx, fee.id, 'unpaid', { status: 'lapsed' }));
    }
    return n;
  }

  private async remindOverdue(today: string, result: SweepResult): Promise<void> {
    const now = this.d.clock.now().toISOString();
    for (const row of await this.d.repo.listDueBefore(CLOCK_RUNNING_STATES, 'due_date', today)) {
      const dueDate = row.due_date as string;
      await this.d.db.transaction().execute(async (trx) => {
        const marked = await this.d.repo.markOverdue(trx, row.id, today, now);
        if (marked) {
          result.markedOverdue++;
          await this.d.audit.record(trx, this.ctx, {
            action: 'request.overdue',
            targetType: 'info_request',
            targetId: row.id,
            summary: `政府信息公开申请 ${row.reference} 已超过答复期限（${dueDate}）`,
          });
        }
        const added = await this.d.repo.addReminder(trx, {
          requestId: row.id,
          kind: 'overdue',
          dueDate,
          today,
          now,
        });
        if (added) result.reminders++;
      });
    }
  }

  private async remindDueSoon(today: string): Promise<number> {
    const calendar = await this.d.calendar.calendar();
    const now = this.d.clock.now().toISOString();
    const rows = await this.d.repo.listDueBetween(
      CLOCK_RUNNING_STATES,
      today,
      addDays(today, DUE_SOON_WINDOW_DAYS),
    );
    let n = 0;
    for (const row of rows) {
      if (caseClockStatus(calendar, row, today) !== 'due_soon') continue;
      const dueDate = row.due_date as string;
      const added = await this.d.db
        .transaction()
        .execute((trx) =>
          this.d.repo.addReminder(trx, { requestId: row.id, kind: 'due_soon', dueDate, today, now }),
        );
      if (added) n++;
    }
    return n;
  }
}
