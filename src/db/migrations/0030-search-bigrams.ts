/**
 * Search recall (issue 14 item 1): the full-text index changes from jieba words to CJK character bigrams
 * (segmenter.ts), so a word inside a longer word is found (营商环境 in 优化营商环境). Every published
 * document's index entry is rebuilt with the current tokenizer:
 *
 * - SQLite: `document_fts` rows replaced, then the FTS5 index merged (`optimize`).
 * - PostgreSQL: `document_search` is rebuilt into a new table rather than updated in place (an UPDATE of
 *   every row would leave the heap twice its size until a VACUUM FULL; see 0013), keeping its columns,
 *   keys and indexes, then analysed.
 *
 * The tokens come from the live module code on purpose: the index must match what queries produce now.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { searchTokensOf } from '../../modules/publishing/documents/document-search-text.ts';
import { isPostgres } from '../dialect.ts';
import type { DB } from '../schema.ts';

const BATCH = 500;

async function publishedIds(db: Kysely<any>, after: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('state', '=', 'published')
    .where('id', '>', after)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  return rows.map((r) => Number(r.id));
}

async function tokensOf(db: Kysely<any>, ids: readonly number[]): Promise<string[]> {
  const out: string[] = [];
  // searchTokensOf reads through a transaction handle; the migration's own handle serves.
  for (const id of ids) out.push(await searchTokensOf(db as Transaction<DB>, id));
  return out;
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`delete from document_fts`.execute(db);
    for (let ids = await publishedIds(db, 0); ids.length; ids = await publishedIds(db, ids.at(-1)!)) {
      const tokens = await tokensOf(db, ids);
      await db
        .insertInto('document_fts')
        .values(ids.map((id, k) => ({ rowid: id, tokens: tokens[k] })))
        .execute();
    }
    await sql`insert into document_fts(document_fts) values ('optimize')`.execute(db);
    return;
  }
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
  for (let ids = await publishedIds(db, 0); ids.length; ids = await publishedIds(db, ids.at(-1)!)) {
    const tokens = await tokensOf(db, ids);
    await sql`insert into document_search_next
        select d.id, to_tsvector('simple', t.tokens), d.title, d.published_at, d.published_on, d.unit_id,
          d.topic_id, d.genre
        from unnest(${ids}::integer[], ${tokens}::text[]) as t(id, tokens)
        join documents d on d.id = t.id
        order by d.id`.execute(db);
  }
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
  await sql`analyze document_search`.execute(db);
}

/** The bigram index stays: the query side of earlier versions reads it less well, but reads it. */
export async function down(): Promise<void> {}
