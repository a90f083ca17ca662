/**
 * Composition of the publishing module: repositories and services on one database, registered with the
 * unit service (template hook). The module's manifest (publishing.module.ts) calls createPublishing once
 * per app; tests do the same.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { PUBLIC_MAX_AGE_SECONDS } from '../../http/public-cache.tsx';
import { DEFAULT_PUBLIC_PAGE_CACHE_BYTES, PublicPageCache } from '../../http/public-page-cache.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { Clock } from '../../lib/clock.ts';
import type { PublicRoute } from '../../platform/module.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { CheckRegistry } from './checks/check-registry.ts';
import { CheckSettingsService } from './checks/check-settings.service.ts';
import { BUILT_IN_CHECKS, type PrePublicationConfig } from './checks/pre-publication-checks.ts';
import { ColumnRepository } from './columns/column.repository.ts';
import { ColumnService } from './columns/column.service.ts';
import { TopicRepository } from './columns/topic.repository.ts';
import { TopicService } from './columns/topic.service.ts';
import { AttachmentStore } from './documents/attachment-store.ts';
import { AttachmentSweep } from './documents/attachment-sweep.ts';
import { DocumentRepository } from './documents/document.repository.ts';
import { DocumentService } from './documents/document.service.ts';
import { DocumentEventHooks } from './documents/document-events.ts';
import { DocumentKindRegistry } from './documents/document-kinds.ts';
import { DocumentPanelRegistry } from './documents/document-panels.ts';
import { PublicDocumentRepository } from './documents/document-public.repository.ts';
import { DocumentRelationRepository } from './documents/document-relation.repository.ts';
import { DocumentRelationService } from './documents/document-relation.service.ts';
import { DocumentReviewService } from './review/document-review.service.ts';
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
  /** A fixed check configuration (tests); otherwise the stored settings are read. */
  checks?: PrePublicationConfig;
  indexNumberPattern?: string;
  /** PUBLIC_PAGE_CACHE_MB in bytes: rendered anonymous public pages kept in memory (0 = off). */
  publicPageCacheBytes?: number;
  /** PUBLIC_URL: links to its host are checked as internal links. */
  publicUrl?: string | undefined;
  /** The site's public routes (Registry#publicRoutes): where internal links may lead. */
  publicRoutes: () => readonly PublicRoute[];
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
  /** Rendered anonymous public pages, and the generation they are valid for. */
  publicPages: PublicPageCache;
  publicGeneration: () => Promise<string>;
  /** The stored configuration of the pre-publication checks. */
  checkSettings: CheckSettingsService;
  /** The daily sweep of attachment files nothing refers to. */
  fileSweep: AttachmentSweep;
  /** 主题分类 (site-wide topic categories). */
  topics: TopicService;
  /** Extension points (docs/publishing-extension-points.md): document kinds, checks, relations, hooks. */
  kinds: DocumentKindRegistry;
  checkRegistry: CheckRegistry;
  relations: DocumentRelationService;
  events: DocumentEventHooks;
  /** Sections other modules add to a document's public and back-office pages (document-panels.ts). */
  panels: DocumentPanelRegistry;
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
  // Cached public content (rendered pages, list totals) is valid for one public content generation:
  // any audited change, in any process, starts a new one (PublicDocumentRepository#contentGeneration).
  const provider: SearchProvider = searchProviderFor(db);
  const publicPages = new PublicPageCache({
    maxBytes: deps.publicPageCacheBytes ?? DEFAULT_PUBLIC_PAGE_CACHE_BYTES,
    ttlMs: PUBLIC_MAX_AGE_SECONDS * 1000,
  });
  const publicGeneration = async () =>
    `${await publicDocuments.contentGeneration()}@${todayInShanghai(clock.now())}`;
  const checkSettings = new CheckSettingsService({ db, audit, clock });
  const checkRegistry = new CheckRegistry(BUILT_IN_CHECKS);
  const kinds = new DocumentKindRegistry(checkRegistry);
  const events = new DocumentEventHooks();
  const documents = new DocumentService({
    kinds,
    hooks: events,
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
    checkSettings,
    publicUrl: deps.publicUrl,
    publicRoutes: deps.publicRoutes,
    checkRegistry,
    hooks: events,
    ...(deps.checks ? { checks: deps.checks } : {}),
    ...(deps.indexNumberPattern ? { indexNumberPattern: deps.indexNumberPattern } : {}),
  });
  const search = new SearchService(provider, publicDocuments);
  return {
    columnRepo,
    columns,
    documentRepo,
    documents,
    review,
    publicDocuments,
    search,
    checkSettings,
    publicPages,
    publicGeneration,
    fileSweep: new AttachmentSweep({ db, files, documents: documentRepo, audit, clock }),
    topics: new TopicService({ db, topics: new TopicRepository(db), audit }),
    kinds,
    checkRegistry,
    relations: new DocumentRelationService({
      ...{ db, relations: new DocumentRelationRepository(db), documents: documentRepo, drafting: documents },
      ...{ kinds, audit, clock },
    }),
    events,
    panels: new DocumentPanelRegistry(),
  };
}
