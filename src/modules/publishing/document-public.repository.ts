/**
 * Public read scopes (Payload-style): the ONLY document queries portal and open-API code may use.
 * Every list carries the published-only condition (applyDocumentFilters); a single page may also be a
 * withdrawn one, which keeps its page with the 已撤回 notice.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PUBLICLY_VISIBLE_STATES } from './document.workflow.ts';
import { applyDocumentFilters, type DocumentFilters } from './search/search-provider.ts';

/** Filters a visitor may apply to a list. */
export type PublicListFilters = Pick<DocumentFilters, 'year' | 'topicId' | 'genre'>;

export interface Paging {
  page: number;
  pageSize: number;
}

/** Largest page a public list serves. */
export const MAX_PUBLIC_PAGE_SIZE = 100;

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
 * How long a list's total may be reused. Counting a large column costs milliseconds on every page view;
 * public pages are cached for 60 s anyway, so totals may lag a publication by this much.
 */
const TOTAL_TTL_MS = 30_000;
const TOTAL_CACHE_MAX = 2_000;
/** Up to this many documents a column list is driven from the column's placements. */
const SMALL_COLUMN = 2_000;

export class PublicDocumentRepository {
  private readonly totals = new Map<string, { at: number; n: number }>();
  constructor(private readonly db: Kysely<DB>) {}

  private async total(filters: DocumentFilters): Promise<number> {
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
    const total = withTotal || filters.columnId !== undefined ? await this.total(filters) : -1;
    const items = await this.listQuery(filters, total)
      .select(SUMMARY_COLUMNS)
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(size)
      .offset((page - 1) * size)
      .execute();
    return { items, total: withTotal ? total : -1, page, pageSize: size };
  }

  /**
   * A small column is read from its placements and sorted; a large one walks the published-date index
   * (the correlated EXISTS in applyDocumentFilters) and stops after one page.
   */
  private listQuery(filters: DocumentFilters, total: number) {
    if (filters.columnId === undefined || total > SMALL_COLUMN) {
      return applyDocumentFilters(this.db.selectFrom('documents as d'), filters);
    }
    const { columnId, ...rest } = filters;
    return applyDocumentFilters(this.db.selectFrom('documents as d'), rest).where('d.id', 'in', (eb) =>
      eb.selectFrom('document_columns as fc').select('fc.document_id').where('fc.column_id', '=', columnId),
    );
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

  /** Forgets cached totals (after a publication in this process). */
  forgetTotals(): void {
    this.totals.clear();
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

  /** One publicly visible document (published, or withdrawn with its notice) with everything its page shows. */
  async getPublished(id: number) {
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
        't.name as topic_name',
      ])
      .where('d.id', '=', id)
      .where('d.state', 'in', [...PUBLICLY_VISIBLE_STATES])
      .executeTakeFirst();
    if (!doc) return undefined;
    // Sequential on purpose: one pooled connection per page view.
    const issuers = await this.db
      .selectFrom('document_issuers')
      .select('name')
      .where('document_id', '=', id)
      .orderBy('position')
      .execute();
    const attachments = await this.db
      .selectFrom('document_attachments')
      .select(['id', 'file_name', 'kind', 'size'])
      .where('document_id', '=', id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    const corrections = await this.db
      .selectFrom('document_versions')
      .select(['version', 'corrected_on', 'correction_note'])
      .where('document_id', '=', id)
      .where('correction_note', 'is not', null)
      .orderBy('version')
      .execute();
    const columns = await this.db
      .selectFrom('document_columns as dc')
      .innerJoin('site_columns as c', 'c.id', 'dc.column_id')
      .select(['c.id', 'c.name', 'c.unit_id'])
      .where('dc.document_id', '=', id)
      .where('c.active', '=', 1)
      .orderBy('c.id')
      .execute();
    return {
      ...doc,
      keywords: JSON.parse(doc.keywords_json) as string[],
      issuers: issuers.map((i) => i.name),
      attachments,
      corrections,
      columns,
    };
  }
}
