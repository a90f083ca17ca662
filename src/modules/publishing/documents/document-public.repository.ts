/**
 * Public read scopes (Payload-style): the ONLY document queries portal and open-API code may use.
 * Every list carries the published-only condition (applyDocumentFilters); a single page may also be a
 * withdrawn one, which keeps its page with the 已撤回 notice.
 */
import type { Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { isPostgres } from '../../../db/dialect.ts';
import type { DB } from '../../../db/schema.ts';
import { PUBLICLY_VISIBLE_STATES } from '../review/document.workflow.ts';
import { applyDocumentFilters, type DocumentFilters } from '../search/search-provider.ts';

/** Filters a visitor may apply to a list. */
export type PublicListFilters = Pick<DocumentFilters, 'year' | 'topicId' | 'genre'>;

export interface Paging {
  page: number;
  pageSize: number;
}

/** Largest page a public list serves. */
const MAX_PUBLIC_PAGE_SIZE = 100;

const SUMMARY_COLUMNS = [
  'd.id',
  'd.unit_id',
  'd.index_number',
  'd.title',
  'd.doc_number',
  'd.genre',
  'd.topic_id',
  'd.written_on',
  'd.published_on',
  'd.published_at',
  'd.summary',
] as const;

/**
 * How long a list's total may be reused within one public content generation (contentGeneration: any
 * audited change forgets them at once); the TTL only bounds changes made without an audit event.
 */
const TOTAL_TTL_MS = 30_000;
const TOTAL_CACHE_MAX = 2_000;

/** A JSON array parsed whichever way the driver returned it (text on SQLite, parsed on PostgreSQL). */
function jsonRows<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

export class PublicDocumentRepository {
  private readonly totals = new Map<string, { at: number; n: number }>();
  private totalsGeneration = -1;
  private generationRead: Promise<number> | null = null;
  private readonly jsonArrayFrom: typeof sqliteJsonArrayFrom;

  constructor(private readonly db: Kysely<DB>) {
    this.jsonArrayFrom = isPostgres(db)
      ? (pgJsonArrayFrom as typeof sqliteJsonArrayFrom)
      : sqliteJsonArrayFrom;
  }

  /**
   * The public content generation: the id of the newest audit event. Every state change (publish,
   * withdraw, correction, column, unit and topic edits, in any process) appends an audit event in its own
   * transaction, so a cache of public content is valid exactly while this number stays the same. One
   * primary-key read; concurrent callers share the read in flight.
   */
  contentGeneration(): Promise<number> {
    this.generationRead ??= this.db
      .selectFrom('audit_head')
      .select('last_id')
      .where('id', '=', 1)
      .executeTakeFirst()
      .then((r) => Number(r?.last_id ?? 0))
      .finally(() => {
        this.generationRead = null;
      });
    return this.generationRead;
  }

  private async total(filters: DocumentFilters): Promise<number> {
    const generation = await this.contentGeneration();
    if (generation !== this.totalsGeneration) {
      this.totals.clear();
      this.totalsGeneration = generation;
    }
    const key = JSON.stringify(filters);
    const hit = this.totals.get(key);
    if (hit && Date.now() - hit.at < TOTAL_TTL_MS) return hit.n;
    const base = applyDocumentFilters(this.db.selectFrom('documents as d'), filters);
    const r = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (this.totals.size >= TOTAL_CACHE_MAX) this.totals.clear();
    this.totals.set(key, { at: Date.now(), n: Number(r.n) });
    return Number(r.n);
  }

  private async list(filters: DocumentFilters, paging: Paging, withTotal = true) {
    const size = Math.min(Math.max(1, Math.trunc(paging.pageSize)), MAX_PUBLIC_PAGE_SIZE);
    const page = Math.max(1, Math.trunc(paging.page));
    const total = withTotal ? await this.total(filters) : -1;
    const items = await this.listPage(filters, size, (page - 1) * size);
    return { items, total, page, pageSize: size };
  }

  /**
   * Other lists walk the published-date index of `documents` and stop after one page. A column list
   * walks its placements newest first instead: `document_columns.published_at` (set while the document is
   * published, migration 0013) has the index (column_id, published_at, document_id), so a page reads
   * only its own rows however large or old the column is. It used to sort every placement of the column
   * (2,000 in the benchmark: the related items of a document page, 105 req/s at 100,000 documents).
   */
  private async listPage(filters: DocumentFilters, size: number, offset: number) {
    if (filters.columnId === undefined)
      return applyDocumentFilters(this.db.selectFrom('documents as d'), filters)
        .select(SUMMARY_COLUMNS)
        .orderBy('d.published_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(size)
        .offset(offset)
        .execute();
    const { columnId, ...rest } = filters;
    return applyDocumentFilters(
      this.db
        .selectFrom('document_columns as fc')
        .innerJoin('documents as d', 'd.id', 'fc.document_id')
        .where('fc.column_id', '=', columnId)
        .where('fc.published_at', 'is not', null),
      rest,
    )
      .select(SUMMARY_COLUMNS)
      .orderBy('fc.published_at', 'desc')
      .orderBy('fc.document_id', 'desc')
      .limit(size)
      .offset(offset)
      .execute();
  }

  /** Published documents shown in a column, newest first. */
  async listPublishedInColumn(columnId: number, filters: PublicListFilters, paging: Paging) {
    return this.list({ ...filters, columnId }, paging);
  }

  /** Published documents of a unit (optionally with its whole subtree), newest first. */
  async listPublishedForUnit(unitPath: string, filters: PublicListFilters, paging: Paging) {
    return this.list({ ...filters, unitPath }, paging);
  }

  /** The latest published documents (home page, feeds), optionally under a unit. */
  async latestPublished(limit: number, unitPath?: string) {
    const r = await this.list(
      unitPath === undefined ? {} : { unitPath },
      { page: 1, pageSize: limit },
      false,
    );
    return r.items;
  }

  /** The newest published documents of a column, without counting them (related items, feeds). */
  async recentInColumn(columnId: number, limit: number) {
    return (await this.list({ columnId }, { page: 1, pageSize: limit }, false)).items;
  }

  /** Summaries of published documents by id, in the order given (search results). */
  async publishedSummaries(ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await applyDocumentFilters(this.db.selectFrom('documents as d'), {})
      .select([...SUMMARY_COLUMNS, 'd.body_html', 'd.unit_id'])
      .where('d.id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * One publicly visible document (published, or withdrawn with its notice) with everything its page
   * shows — issuers, attachments, corrections and active columns as JSON arrays — in one query.
   */
  async getPublished(id: number) {
    const json = this.jsonArrayFrom;
    const doc = await this.db
      .selectFrom('documents as d')
      .leftJoin('topic_categories as t', 't.id', 'd.topic_id')
      .select([
        ...SUMMARY_COLUMNS,
        'd.state',
        'd.formed_on',
        'd.disclosure_mode',
        'd.keywords_json',
        'd.source',
        'd.body_html',
        'd.withdrawn_at',
        'd.withdrawal_reason',
        'd.withdrawal_note',
        'd.validity',
        'd.effective_on',
        'd.repealed_on',
        'd.kind',
        'd.kind_metadata_json',
        't.name as topic_name',
      ])
      .select((eb) => [
        json(
          eb
            .selectFrom('document_issuers as di')
            .select('di.name')
            .whereRef('di.document_id', '=', 'd.id')
            .orderBy('di.position'),
        ).as('issuers_json'),
        json(
          eb
            .selectFrom('document_attachments as da')
            .select(['da.id', 'da.file_name', 'da.kind', 'da.size'])
            .whereRef('da.document_id', '=', 'd.id')
            .orderBy('da.sort_order')
            .orderBy('da.id'),
        ).as('attachments_json'),
        json(
          eb
            .selectFrom('document_versions as dv')
            .select(['dv.version', 'dv.corrected_on', 'dv.correction_note'])
            .whereRef('dv.document_id', '=', 'd.id')
            .where('dv.correction_note', 'is not', null)
            .orderBy('dv.version'),
        ).as('corrections_json'),
        json(
          eb
            .selectFrom('document_columns as dc')
            .innerJoin('site_columns as c', 'c.id', 'dc.column_id')
            .select(['c.id', 'c.name', 'c.unit_id'])
            .whereRef('dc.document_id', '=', 'd.id')
            .where('c.active', '=', 1)
            .orderBy('c.id'),
        ).as('columns_json'),
      ])
      .where('d.id', '=', id)
      .where('d.state', 'in', [...PUBLICLY_VISIBLE_STATES])
      .executeTakeFirst();
    if (!doc) return undefined;
    const { issuers_json, attachments_json, corrections_json, columns_json, ...row } = doc;
    return {
      ...row,
      keywords: JSON.parse(doc.keywords_json) as string[],
      issuers: jsonRows(issuers_json).map((i) => i.name),
      attachments: jsonRows(attachments_json),
      corrections: jsonRows(corrections_json),
      columns: jsonRows(columns_json),
    };
  }
}
