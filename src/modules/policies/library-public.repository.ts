/**
 * SQL of the public 规范性文件库 (issue 11 §5): policy_entries of PUBLISHED documents only, joined with their
 * unit. The public scope is the WHERE clause here (documents.state = 'published'), so no public page,
 * feed or API call can show a draft or a withdrawn document.
 */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** The filters the SQL applies (already parsed and checked; the state may be applied in code, see asOf). */
export interface LibrarySqlFilters {
  /** Materialised path of the unit whose subtree is listed ('/' for the whole site). */
  unitPath: string;
  kinds: readonly string[];
  state?: string | undefined;
  /** 制定机关 contains. */
  issuer?: string | undefined;
  /** 公布 year (公布日期, else the publication date). */
  year?: number | undefined;
  topicId?: number | undefined;
  /** 文号 contains (normalised form) or equals the search key of a parsed 文号. */
  docNumber?: { contains: string; key: string | null } | undefined;
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** One row of the public library. */
export interface LibraryRow {
  document_id: number;
  unit_id: number;
  unit_name: string;
  kind: string;
  title: string;
  doc_number: string | null;
  registration_number: string | null;
  issuers: string | null;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  expiry_source: string | null;
  state: string;
  certainty: string;
  state_since: string | null;
  topic_id: number | null;
  published_at: string | null;
}

/** One validity event as the public history shows it, with its source document when that is public. */
export interface LibraryEventRow {
  id: number;
  document_id: number;
  event_type: string;
  occurs_on: string;
  certainty: string;
  note: string | null;
  source_document_id: number | null;
  source_title: string | null;
  source_doc_number: string | null;
  /** Title of the source document when it is on the platform AND published (else null). */
  source_public_title: string | null;
  cancelled_at: string | null;
  created_at: string;
}

/** A validity change for the feed: the event and the entry it changed. */
export interface LibraryChangeRow extends LibraryEventRow {
  title: string;
  doc_number: string | null;
}

/** The LIKE pattern of a user's text: %, _ and \ are matched literally. */
const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The columns of a library row (LibraryRow). */
const LIBRARY_COLUMNS = [
  'e.document_id',
  'e.unit_id',
  'u.name as unit_name',
  'e.kind',
  'e.title',
  'e.doc_number',
  'e.registration_number',
  'e.issuers',
  'e.published_on',
  'e.effective_on',
  'e.expires_on',
  'e.expiry_source',
  'e.state',
  'e.certainty',
  'e.state_since',
  'e.topic_id',
  'd.published_at',
] as const;

/** Events are loaded for at most this many documents per query (bound-parameter limits of SQLite). */
const EVENT_BATCH = 500;

export class LibraryPublicRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db
      .selectFrom('policy_entries as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .where('d.state', '=', 'published');
  }

  private filtered(f: LibrarySqlFilters) {
    let q = this.base().where('e.kind', 'in', f.kinds.length ? [...f.kinds] : ['']);
    if (f.unitPath !== '/') q = q.where('u.path', 'like', `${f.unitPath}%`);
    if (f.state) q = q.where('e.state', '=', f.state);
    if (f.issuer) q = q.where(sql<boolean>`e.issuers like ${containsPattern(f.issuer)} escape '\\'`);
    const year = f.year;
    if (year !== undefined) {
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('e.published_on', '>=', from), eb('e.published_on', '<=', to)]),
          eb.and([
            eb('e.published_on', 'is', null),
            eb('d.published_at', '>=', from),
            eb('d.published_at', '<', `${year + 1}-01-01`),
          ]),
        ]),
      );
    }
    if (f.topicId !== undefined) q = q.where('e.topic_id', '=', f.topicId);
    const dn = f.docNumber;
    if (dn) {
      const like = sql<boolean>`e.doc_number like ${containsPattern(dn.contains)} escape '\\'`;
      q = q.where((eb) => (dn.key ? eb.or([like, eb('d.doc_number_key', '=', dn.key)]) : like));
    }
    return q;
  }

  /** One page, newest 公布 first (then newest id). */
  async list(f: LibrarySqlFilters, paging: Paging): Promise<{ items: LibraryRow[]; total: number }> {
    const total = await this.filtered(f)
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .executeTakeFirstOrThrow();
    const items = await this.filtered(f)
      .select(LIBRARY_COLUMNS)
      .orderBy(sql`coalesce(e.published_on, substr(d.published_at, 1, 10))`, 'desc')
      .orderBy('e.document_id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute();
    return { items, total: Number(total.n) };
  }

  /**
   * Every row matching the filters, in list order: the candidates of a point-in-time query, whose state on
   * the day is derived in code (library-public.service.ts).
   */
  async all(f: LibrarySqlFilters): Promise<LibraryRow[]> {
    return this.filtered(f)
      .select(LIBRARY_COLUMNS)
      .orderBy(sql`coalesce(e.published_on, substr(d.published_at, 1, 10))`, 'desc')
      .orderBy('e.document_id', 'desc')
      .execute();
  }

  /** Number of entries per current state under the filters (the state filter itself ignored). */
  async countsByState(f: LibrarySqlFilters): Promise<Record<string, number>> {
    const rows = await this.filtered({ ...f, state: undefined })
      .select(['e.state', sql<number>`cast(count(*) as integer)`.as('n')])
      .groupBy('e.state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /** One published entry (undefined: no entry, or its document is not published). */
  async find(documentId: number): Promise<LibraryRow | undefined> {
    return this.base().where('e.document_id', '=', documentId).select(LIBRARY_COLUMNS).executeTakeFirst();
  }

  private events() {
    return this.db
      .selectFrom('policy_validity_events as v')
      .leftJoin('documents as s', (j) =>
        j.onRef('s.id', '=', 'v.source_document_id').on('s.state', '=', 'published'),
      )
      .select([
        'v.id',
        'v.document_id',
        'v.event_type',
        'v.occurs_on',
        'v.certainty',
        'v.note',
        'v.source_document_id',
        'v.source_title',
        'v.source_doc_number',
        's.title as source_public_title',
        'v.cancelled_at',
        'v.created_at',
      ]);
  }

  /** The entry's events that stand (not cancelled), in date then recording order. */
  async history(documentId: number): Promise<LibraryEventRow[]> {
    return this.events()
      .where('v.document_id', '=', documentId)
      .where('v.cancelled_at', 'is', null)
      .orderBy('v.occurs_on')
      .orderBy('v.id')
      .execute();
  }

  /** The standing events of many documents, by document id. */
  async eventsOf(documentIds: readonly number[]): Promise<Map<number, LibraryEventRow[]>> {
    const out = new Map<number, LibraryEventRow[]>();
    for (let i = 0; i < documentIds.length; i += EVENT_BATCH) {
      const ids = documentIds.slice(i, i + EVENT_BATCH);
      const rows = await this.events()
        .where('v.document_id', 'in', ids)
        .where('v.cancelled_at', 'is', null)
        .orderBy('v.occurs_on')
        .orderBy('v.id')
        .execute();
      for (const r of rows) out.set(r.document_id, [...(out.get(r.document_id) ?? []), r]);
    }
    return out;
  }

  /** The newest standing validity changes of published entries under `unitPath` (the feed). */
  async recentChanges(
    unitPath: string,
    kinds: readonly string[],
    limit: number,
  ): Promise<LibraryChangeRow[]> {
    let q = this.events()
      .innerJoin('policy_entries as e', 'e.document_id', 'v.document_id')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .where('d.state', '=', 'published')
      .where('v.cancelled_at', 'is', null)
      .where('e.kind', 'in', [...kinds]);
    if (unitPath !== '/') q = q.where('u.path', 'like', `${unitPath}%`);
    return q
      .select(['e.title', 'e.doc_number'])
      .orderBy('v.created_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(limit)
      .execute();
  }
}
