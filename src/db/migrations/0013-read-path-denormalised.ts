/**
 * The public read path at 100,000 documents (docs/performance.md):
 *
 * - `document_columns.published_at` — the publication time of the placed document while it is
 *   published, else null — with a partial index (column_id, published_at, document_id): the newest
 *   documents of a column (a column page, the related items of a document page) are read from the index
 *   instead of sorting every placement of the column.
 * - PostgreSQL: `document_search` carries the values a search filters and orders by (title for the
 *   title-hit order, published_at, published_on, unit_id, topic_id, genre), so the newest matches come from one table without a lookup
 *   into `documents` per match, and it no longer stores the token text: `tsv` becomes a plain column
 *   written from the tokens (nothing else read them), which halves its rows.
 *
 * The copies are kept in the same transaction as the change by DocumentRepository (update, setColumns:
 * syncDenormalised) and PostgresSearchProvider#index; this migration back-fills existing rows. A change
 * made with direct SQL on `documents` must run the same UPDATEs (see syncDenormalised).
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_columns').addColumn('published_at', 'text').execute();
  await sql`update document_columns set published_at = (
      select d.published_at from documents d
      where d.id = document_columns.document_id and d.state = 'published')`.execute(db);
  await db.schema
    .createIndex('document_columns_newest_idx')
    .on('document_columns')
    .columns(['column_id', 'published_at', 'document_id'])
    .where(sql.ref('published_at'), 'is not', null)
    .execute();
  if (!isPostgres(db)) return;
  // Rebuilt rather than updated in place: an UPDATE of every row would leave the table twice its size
  // until a VACUUM FULL, and a search reads its matches from this heap (p95 66 ms instead of 28 ms at
  // 100,000 documents).
  await sql`create table document_search_next (
      document_id integer not null,
      tsv tsvector not null,
      title text not null,
      published_at text,
      published_on text,
      unit_id integer not null,
      topic_id integer,
      genre text
    )`.execute(db);
  await sql`insert into document_search_next
      select s.document_id, s.tsv, d.title, d.published_at, d.published_on, d.unit_id, d.topic_id, d.genre
      from document_search s join documents d on d.id = s.document_id
      order by s.document_id`.execute(db);
  await sql`drop table document_search`.execute(db);
  await sql`alter table document_search_next rename to document_search`.execute(db);
  await sql`alter table document_search
      add constraint document_search_pkey primary key (document_id),
      add constraint document_search_document_id_fkey foreign key (document_id)
        references documents(id) on delete cascade`.execute(db);
  await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
  await sql`create index document_search_published_idx on document_search (published_at, document_id)`.execute(
    db,
  );
  // Statistics for the new table (the search chooses between the date index and the match set by them).
  await sql`analyze document_search`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists document_search_published_idx`.execute(db);
    // The token text comes back as the index's lexemes (their order and repetitions are not kept).
    await sql`alter table document_search add column search_tokens text`.execute(db);
    await sql`update document_search set search_tokens = array_to_string(tsvector_to_array(tsv), ' ')`.execute(
      db,
    );
    await sql`alter table document_search alter column search_tokens set not null`.execute(db);
    await sql`alter table document_search drop column tsv`.execute(db);
    await sql`alter table document_search
        add column tsv tsvector generated always as (to_tsvector('simple', search_tokens)) stored`.execute(
      db,
    );
    await sql`create index document_search_tsv_idx on document_search using gin (tsv)`.execute(db);
    for (const c of ['title', 'genre', 'topic_id', 'unit_id', 'published_on', 'published_at'])
      await db.schema.alterTable('document_search').dropColumn(c).execute();
  }
  await db.schema.dropIndex('document_columns_newest_idx').ifExists().execute();
  await db.schema.alterTable('document_columns').dropColumn('published_at').execute();
}
