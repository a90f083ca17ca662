/**
 * Composition of the publishing module: repositories and services on one database, registered with the
 * unit service (template hook). src/app.ts calls createPublishing once; tests do the same.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { AttachmentStore } from './attachment-store.ts';
import { ColumnRepository } from './column.repository.ts';
import { ColumnService } from './column.service.ts';
import { DocumentRepository } from './document.repository.ts';
import { DocumentService } from './document.service.ts';
import { PublicDocumentRepository } from './document-public.repository.ts';
import { DocumentReviewService } from './document-review.service.ts';
import type { PrePublicationConfig } from './pre-publication-checks.ts';
import { searchProviderFor } from './search/index.ts';
import { SearchService } from './search/search.service.ts';
import type { SearchProvider } from './search/search-provider.ts';

export interface PublishingDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  calendar: CalendarService;
  /** Attachments are stored under `${dataDir}/files`. */
  dataDir: string;
  checks?: PrePublicationConfig;
  indexNumberPattern?: string;
}

export interface Publishing {
  columnRepo: ColumnRepository;
  columns: ColumnService;
  documentRepo: DocumentRepository;
  documents: DocumentService;
  review: DocumentReviewService;
  /** Public read scopes: the only document queries portal and API code may use. */
  publicDocuments: PublicDocumentRepository;
  search: SearchService;
}

/** Builds the module and registers its unit-created hook. Call once per App. */
export function createPublishing(deps: PublishingDeps): Publishing {
  const { db, audit, clock, units } = deps;
  const columnRepo = new ColumnRepository(db);
  const columns = new ColumnService({ db, columns: columnRepo, units, audit, clock });
  columns.register();
  const documentRepo = new DocumentRepository(db);
  const files = new AttachmentStore(deps.dataDir);
  const publicDocuments = new PublicDocumentRepository(db);
  // Every publication and withdrawal passes through the search index: that is where cached public
  // list totals are forgotten.
  const base = searchProviderFor(db);
  const provider: SearchProvider = {
    index: async (trx, documentId, tokens) => {
      await base.index(trx, documentId, tokens);
      publicDocuments.forgetTotals();
    },
    remove: async (trx, documentId) => {
      await base.remove(trx, documentId);
      publicDocuments.forgetTotals();
    },
    search: (q) => base.search(q),
  };
  const documents = new DocumentService({
    db,
    documents: documentRepo,
    columns: columnRepo,
    units,
    files,
    search: provider,
    audit,
    clock,
  });
  const review = new DocumentReviewService({
    db,
    documents: documentRepo,
    drafting: documents,
    units,
    files,
    search: provider,
    audit,
    clock,
    calendar: deps.calendar,
    ...(deps.checks ? { checks: deps.checks } : {}),
    ...(deps.indexNumberPattern ? { indexNumberPattern: deps.indexNumberPattern } : {}),
  });
  const search = new SearchService(provider, publicDocuments);
  return { columnRepo, columns, documentRepo, documents, review, publicDocuments, search };
}
