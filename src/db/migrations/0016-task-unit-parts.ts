/**
 * Per-unit responsibility (issue 10): each (task, responsible unit) pair of `task_units` becomes a
 * PART with its own completion (`done_on`, `done_report_id`: the accepted report marked 完成) and
 * 不适用 (`not_applicable_reason`, `_by`, `_at`). Defaults are null, so rows inserted as before are open
 * parts. The task's status stays derived (task-status.ts): 已完成 only once every part that is not
 * 不适用 is done.
 *
 * Existing data, honestly: under the old rule one accepted 完成 report made the whole task 已完成.
 * Now only the part of the unit that sent it is done. A task marked done whose other parts never got
 * an accepted 完成 report is reopened: 逾期 when its due date has passed (today in China, at migration
 * time), else 持续推进 for a recurring duty, else 推进中 (it has an accepted report) — the order of
 * task-status.ts; its done_on is cleared. A task whose every part has one keeps 已完成 with the last
 * part's date. No report, review or audit row is changed.
 *
 * The new columns carry no REFERENCES clause so that SQLite can drop them on the way down.
 */
import { type Kysely, sql } from 'kysely';
import { todayInShanghai } from '../../lib/calendar/index.ts';

const PART_COLUMNS = [
  'done_on',
  'done_report_id',
  'not_applicable_reason',
  'not_applicable_by',
  'not_applicable_at',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of PART_COLUMNS)
    await db.schema
      .alterTable('task_units')
      .addColumn(c, c.endsWith('_id') || c.endsWith('_by') ? 'integer' : 'text')
      .execute();
  await backfillParts(db, todayInShanghai(new Date()));
}

/** The data part of `up`, with today's date given (tests pass a fixed one). */
export async function backfillParts(db: Kysely<any>, today: string): Promise<void> {
  // Each unit's earliest accepted 完成 report completes that unit's part only.
  await sql`update task_units set done_report_id = (
      select r.id from task_reports r
      where r.task_id = task_units.task_id and r.unit_id = task_units.unit_id
        and r.state = 'accepted' and r.marks_done = 1
      order by r.report_date, r.id limit 1)`.execute(db);
  await sql`update task_units set done_on = (
      select r.report_date from task_reports r where r.id = task_units.done_report_id)
    where done_report_id is not null`.execute(db);
  const open = sql`exists (select 1 from task_units u where u.task_id = tasks.id and u.done_on is null)`;
  await sql`update tasks set
      status = case when ${open} then (case
          when due_date is not null and due_date < ${today} then 'overdue'
          when recurrence is not null then 'ongoing'
          else 'in_progress' end)
        else 'done' end,
      done_on = case when ${open} then null
        else (select max(u.done_on) from task_units u where u.task_id = tasks.id) end
    where status = 'done'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The old rule: one accepted 完成 report (the earliest) finishes the task.
  await sql`update tasks set status = 'done',
      done_on = (select min(u.done_on) from task_units u where u.task_id = tasks.id)
    where exists (select 1 from task_units u where u.task_id = tasks.id and u.done_on is not null)`.execute(
    db,
  );
  for (const c of [...PART_COLUMNS].reverse())
    await db.schema.alterTable('task_units').dropColumn(c).execute();
}
