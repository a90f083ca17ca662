/** SQL of the 年度报告 dashboard and reminders: the state of many reports' documents, their reminders. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const CHUNK = 2000;
function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export interface ReminderRow {
  unit_id: number;
  year: number;
  kind: string;
  day: string;
}

export class ReportDashboardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The state of each document (by id); a document that is gone is left out. */
  async documentStates(documentIds: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const ids of chunks([...new Set(documentIds)]))
      for (const r of await this.db
        .selectFrom('documents')
        .select(['id', 'state'])
        .where('id', 'in', ids)
        .execute())
        out.set(r.id, r.state);
    return out;
  }

  /** The latest reminder of each unit's report for `year` (by unit id). */
  async latestReminders(unitIds: readonly number[], year: number): Promise<Map<number, ReminderRow>> {
    const out = new Map<number, ReminderRow>();
    for (const ids of chunks(unitIds))
      for (const r of await this.db
        .selectFrom('annual_report_reminders')
        .select(['unit_id', 'year', 'kind', 'day'])
        .where('year', '=', year)
        .where('unit_id', 'in', ids)
        .orderBy('day', 'desc')
        .execute())
        if (!out.has(r.unit_id)) out.set(r.unit_id, r);
    return out;
  }
}
