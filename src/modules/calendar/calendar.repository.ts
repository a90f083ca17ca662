/** SQL for administrator-entered calendar years (they override the seeded package data). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface StoredYear {
  year: number;
  note: string | null;
  updatedAt: string;
  holidays: string[];
  workdays: string[];
}

export class CalendarRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async listYears(): Promise<StoredYear[]> {
    const years = await this.db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
    const days = await this.db.selectFrom('calendar_days').select(['date', 'kind']).orderBy('date').execute();
    return years.map((y) => {
      const mine = days.filter((d) => d.date.startsWith(`${y.year}-`));
      return {
        year: y.year,
        note: y.note,
        updatedAt: y.updated_at,
        holidays: mine.filter((d) => d.kind === 'holiday').map((d) => d.date),
        workdays: mine.filter((d) => d.kind === 'workday').map((d) => d.date),
      };
    });
  }

  /** Replaces every stored day of `year` with the given lists. */
  async replaceYear(
    trx: Transaction<DB>,
    y: { year: number; note: string | null; holidays: string[]; workdays: string[]; now: string },
  ) {
    await trx.deleteFrom('calendar_days').where('date', 'like', `${y.year}-%`).execute();
    const rows = [
      ...y.holidays.map((date) => ({
        date,
        kind: 'holiday',
        note: null,
        source: 'admin',
        updated_at: y.now,
      })),
      ...y.workdays.map((date) => ({
        date,
        kind: 'workday',
        note: null,
        source: 'admin',
        updated_at: y.now,
      })),
    ];
    if (rows.length) await trx.insertInto('calendar_days').values(rows).execute();
    await trx.deleteFrom('calendar_years').where('year', '=', y.year).execute();
    await trx
      .insertInto('calendar_years')
      .values({ year: y.year, source: 'admin', note: y.note, updated_at: y.now })
      .execute();
  }

  async deleteYear(trx: Transaction<DB>, year: number): Promise<void> {
    await trx.deleteFrom('calendar_days').where('date', 'like', `${year}-%`).execute();
    await trx.deleteFrom('calendar_years').where('year', '=', year).execute();
  }
}
