/** SQL of the library's entries and validity events (policy_entries, policy_validity_events). */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PolicyEntryTable, PolicyValidityEventTable } from './policies.tables.ts';

export type PolicyEntry = Selectable<PolicyEntryTable>;
export type PolicyValidityEventRow = Selectable<PolicyValidityEventTable>;
type Db = Kysely<DB> | Transaction<DB>;

export class PolicyEntryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(documentId: number, q: Db = this.db): Promise<PolicyEntry | undefined> {
    return q
      .selectFrom('policy_entries')
      .selectAll()
      .where('document_id', '=', documentId)
      .executeTakeFirst();
  }

  /** Inserts or replaces the entry of a document (its metadata; the state is set by `setState`). */
  async upsert(trx: Transaction<DB>, row: Insertable<PolicyEntryTable>): Promise<void> {
    const { document_id, created_at, ...rest } = row;
    const existing = await this.find(document_id, trx);
    if (existing)
      await trx.updateTable('policy_entries').set(rest).where('document_id', '=', document_id).execute();
    else await trx.insertInto('policy_entries').values(row).execute();
  }

  async setState(
    trx: Transaction<DB>,
    documentId: number,
    s: { state: string; certainty: string; state_since: string | null; updated_at: string },
  ): Promise<void> {
    await trx.updateTable('policy_entries').set(s).where('document_id', '=', documentId).execute();
  }

  /** The document's events that are not cancelled, in date order then recording order. */
  async events(documentId: number, q: Db = this.db): Promise<PolicyValidityEventRow[]> {
    return q
      .selectFrom('policy_validity_events')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('cancelled_at', 'is', null)
      .orderBy('occurs_on')
      .orderBy('id')
      .execute();
  }

  /** Every event of the document, cancelled ones included (the history shows both). */
  async history(documentId: number, q: Db = this.db): Promise<PolicyValidityEventRow[]> {
    return q
      .selectFrom('policy_validity_events')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('occurs_on')
      .orderBy('id')
      .execute();
  }

  async findEvent(id: number, q: Db = this.db): Promise<PolicyValidityEventRow | undefined> {
    return q.selectFrom('policy_validity_events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertEvent(trx: Transaction<DB>, row: Insertable<PolicyValidityEventTable>): Promise<number> {
    const r = await trx
      .insertInto('policy_validity_events')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  }

  /** Cancels an event if it is not cancelled yet (false: someone else did). */
  async cancelEvent(
    trx: Transaction<DB>,
    id: number,
    by: number | null,
    at: string,
    reason: string,
  ): Promise<boolean> {
    const r = await trx
      .updateTable('policy_validity_events')
      .set({ cancelled_by: by, cancelled_at: at, cancel_reason: reason })
      .where('id', '=', id)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
