/**
 * Daily jobs (overdue marking, reminders). Every process checks every few minutes; `runOnce`
 * guarantees each job runs once per China-time day across all processes. Jobs act as a system actor.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { todayInShanghai } from './calendar/index.ts';
import type { Clock } from './clock.ts';
import { runOnce } from './jobs.ts';

export interface DailyJob {
  /** Stable name, used as the job key in job_runs. */
  name: string;
  /** Chinese description for `gongkai jobs list`. */
  description: string;
  run(day: string): Promise<unknown>;
}

/** Jobs run from this hour (China time) on, so reminders arrive in the working morning. */
const DAILY_JOBS_FROM_HOUR = 7;
const CHECK_EVERY_MS = 5 * 60_000;

export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A job that runs at every check (every few minutes) in every process; it must be idempotent. */
export interface RecurringJob {
  name: string;
  description: string;
  run(): Promise<unknown>;
  /** Runs on its own timer this often instead of at every check (e.g. mail delivery each minute). */
  everyMs?: number;
}

export class Scheduler {
  private readonly jobs: DailyJob[] = [];
  private readonly recurring: RecurringJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private readonly ownTimers: NodeJS.Timeout[] = [];
  private readonly ownRunning = new Map<string, Promise<void>>();

  constructor(private readonly d: { db: Kysely<DB>; clock: Clock; log: JobLogger }) {}

  register(job: DailyJob): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`duplicate job ${job.name}`);
    this.jobs.push(job);
  }

  registerRecurring(job: RecurringJob): void {
    this.recurring.push(job);
  }

  list(): readonly (DailyJob | RecurringJob)[] {
    return [...this.jobs, ...this.recurring];
  }

  /** Runs every recurring job (or only `name`) once now; failures are logged, not thrown. */
  async runRecurring(name?: string): Promise<void> {
    await this.runJobs(this.recurring.filter((j) => !name || j.name === name));
  }

  private async runJobs(jobs: RecurringJob[]): Promise<void> {
    for (const job of jobs) {
      try {
        await job.run();
      } catch (e) {
        this.d.log.error(
          { event: 'job.failed', job: job.name, err: String(e) },
          `定时任务失败：${job.description}`,
        );
      }
    }
  }

  /** Runs every job not yet run today (or only `name`); returns what ran. */
  async runDue(
    opts: { name?: string; ignoreHour?: boolean } = {},
  ): Promise<{ name: string; ran: boolean; result?: unknown }[]> {
    const now = this.d.clock.now();
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(
        now,
      ),
    );
    if (!opts.ignoreHour && hour < DAILY_JOBS_FROM_HOUR) return [];
    const day = todayInShanghai(now);
    const out: { name: string; ran: boolean; result?: unknown }[] = [];
    for (const job of this.jobs.filter((j) => !opts.name || j.name === opts.name)) {
      try {
        const r = await runOnce(this.d.db, this.d.clock, job.name, day, () => job.run(day));
        out.push(r.ran ? { name: job.name, ran: true, result: r.result } : { name: job.name, ran: false });
        if (r.ran)
          this.d.log.info({ event: 'job.done', job: job.name, day }, `定时任务完成：${job.description}`);
      } catch (e) {
        this.d.log.error(
          { event: 'job.failed', job: job.name, day, err: String(e) },
          `定时任务失败：${job.description}`,
        );
        out.push({ name: job.name, ran: false });
      }
    }
    return out;
  }

  start(): void {
    if (this.timer) return;
    const atCheck = this.recurring.filter((j) => !j.everyMs);
    const tick = () => {
      this.running ??= Promise.all([this.runJobs(atCheck), this.runDue()]).finally(() => {
        this.running = null;
      });
    };
    this.timer = setInterval(tick, CHECK_EVERY_MS);
    this.timer.unref();
    setTimeout(tick, 2_000).unref();
    for (const job of this.recurring.filter((j) => j.everyMs)) {
      const own = () => {
        if (this.ownRunning.has(job.name)) return; // the previous run is still going
        const p = this.runJobs([job]).finally(() => this.ownRunning.delete(job.name));
        this.ownRunning.set(job.name, p);
      };
      const t = setInterval(own, job.everyMs);
      t.unref();
      this.ownTimers.push(t);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const t of this.ownTimers.splice(0)) clearInterval(t);
    await Promise.all([this.running, ...this.ownRunning.values()]);
  }
}
