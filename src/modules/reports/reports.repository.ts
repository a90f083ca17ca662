/** SQL of the 年度报告 module: reports, entered/imported values, imports, reminders. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AnnualReportTable } from './reports.tables.ts';

export type ReportRow = Selectable<AnnualReportTable>;

export interface ValueRow {
  unit_id: number;
  cell: string;
  value: string;
  origin: string;
  import_id: number | null;
  entered_at: string;
  entered_by_name: string | null;
}

type Db = Kysely<DB> | Transaction<DB>;

export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(unitId: number, year: number, q: Db = this.db): Promise<ReportRow | undefined> {
    return q
      .selectFrom('annual_reports')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .executeTakeFirst();
  }

  findById(id: number, q: Db = this.db): Promise<ReportRow | undefined> {
    return q.selectFrom('annual_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByDocument(documentId: number, q: Db = this.db): Promise<ReportRow | undefined> {
    return q
      .selectFrom('annual_reports')
      .selectAll()
      .where('document_id', '=', documentId)
      .executeTakeFirst();
  }

  async insert(trx: Transaction<DB>, row: Insertable<AnnualReportTable>): Promise<ReportRow> {
    return trx.insertInto('annual_reports').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates the report if it is still at `revision`; false when someone saved in between. */
  async update(
    trx: Transaction<DB>,
    id: number,
    revision: number,
    patch: Updateable<AnnualReportTable>,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('annual_reports')
      .set({ ...patch, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Reports of the given units for a year (the dashboard). */
  forUnits(unitIds: readonly number[], year: number): Promise<ReportRow[]> {
    if (!unitIds.length) return Promise.resolve([]);
    return this.db
      .selectFrom('annual_reports')
      .selectAll()
      .where('year', '=', year)
      .where('unit_id', 'in', [...unitIds])
      .execute();
  }

  /** Values of the units for a year, with the name of who entered each. */
  values(unitIds: readonly number[], year: number, q: Db = this.db): Promise<ValueRow[]> {
    if (!unitIds.length) return Promise.resolve([]);
    return q
      .selectFrom('annual_report_values as v')
      .leftJoin('users', 'users.id', 'v.entered_by')
      .select([
        'v.unit_id',
        'v.cell',
        'v.value',
        'v.origin',
        'v.import_id',
        'v.entered_at',
        'users.display_name as entered_by_name',
      ])
      .where('v.year', '=', year)
      .where('v.unit_id', 'in', [...unitIds])
      .orderBy('v.unit_id')
      .orderBy('v.cell')
      .execute();
  }

  /** Sets (value) or clears (null) one cell of a unit's year. */
  async setValue(
    trx: Transaction<DB>,
    row: {
      unitId: number;
      year: number;
      cell: string;
      value: string | null;
      origin: string;
      importId: number | null;
      by: number | null;
      at: string;
    },
  ): Promise<void> {
    await trx
      .deleteFrom('annual_report_values')
      .where('unit_id', '=', row.unitId)
      .where('year', '=', row.year)
      .where('cell', '=', row.cell)
      .execute();
    if (row.value === null) return;
    await trx
      .insertInto('annual_report_values')
      .values({
        unit_id: row.unitId,
        year: row.year,
        cell: row.cell,
        value: row.value,
        origin: row.origin,
        import_id: row.importId,
        entered_by: row.by,
        entered_at: row.at,
      })
      .execute();
  }

  async insertImport(
    trx: Transaction<DB>,
    row: { unitId: number; year: number; fileName: string; parsed: string; by: number | null; at: string },
  ): Promise<number> {
    const r = await trx
      .insertInto('annual_report_imports')
      .values({
        unit_id: row.unitId,
        year: row.year,
        file_name: row.fileName,
        parsed: row.parsed,
        created_by: row.by,
        created_at: row.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  findImport(id: number) {
    return this.db.selectFrom('annual_report_imports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The state of a report's publishing document (null when it has none or it is gone). */
  async documentState(documentId: number | null, q: Db = this.db): Promise<string | null> {
    if (documentId === null) return null;
    const r = await q.selectFrom('documents').select('state').where('id', '=', documentId).executeTakeFirst();
    return r?.state ?? null;
  }

  /** Records a reminder once; false when it was already raised that day. */
  async remindOnce(
    trx: Transaction<DB>,
    unitId: number,
    year: number,
    kind: string,
    day: string,
  ): Promise<boolean> {
    const seen = await trx
      .selectFrom('annual_report_reminders')
      .select('day')
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .where('kind', '=', kind)
      .where('day', '=', day)
      .executeTakeFirst();
    if (seen) return false;
    await trx.insertInto('annual_report_reminders').values({ unit_id: unitId, year, kind, day }).execute();
    return true;
  }

  /** Documents of the units first published in `year` and still public (section 一's 主动公开 count). */
  async publishedCount(unitIds: readonly number[], year: number): Promise<number> {
    if (!unitIds.length) return 0;
    const r = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', 'in', [...unitIds])
      .where('state', 'in', ['published', 'withdrawn'])
      .where('published_on', '>=', `${year}-01-01`)
      .where('published_on', '<=', `${year}-12-31`)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
