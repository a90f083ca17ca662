/**
 * Scheduled jobs that must run once per key (e.g. once per day) however many processes run them:
 * the first process to insert (job, run_key) into job_runs does the work; the others skip.
 * If the work fails, the claim is removed so a later run can retry.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Clock } from './clock.ts';

export type RunOnceResult<T> = { ran: true; result: T } | { ran: false };

export async function runOnce<T>(
  db: Kysely<DB>,
  clock: Clock,
  job: string,
  runKey: string,
  work: () => Promise<T>,
): Promise<RunOnceResult<T>> {
  const started = clock.now().toISOString();
  const claimed = await db
    .insertInto('job_runs')
    .values({ job, run_key: runKey, started_at: started, finished_at: null, result: null })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return { ran: false };
  try {
    const result = await work();
    await db
      .updateTable('job_runs')
      .set({ finished_at: clock.now().toISOString(), result: JSON.stringify(result ?? null).slice(0, 2000) })
      .where('job', '=', job)
      .where('run_key', '=', runKey)
      .execute();
    return { ran: true, result };
  } catch (e) {
    await db.deleteFrom('job_runs').where('job', '=', job).where('run_key', '=', runKey).execute();
    throw e;
  }
}
