/** Presenters of the open API: the JSON shapes documented in api-openapi.ts (camelCase, stable). */
import type { Unit } from '../../../db/schema.ts';
import type { CatalogueItem } from '../../catalogue/catalogue.model.ts';
import type { Validity } from '../documents/document.model.ts';
import type { PublicDocumentRepository } from '../documents/document-public.repository.ts';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';
import type { SiteColumn } from '../publishing.tables.ts';

/** Largest page of the open API (the search service serves at most 50). */
export const API_MAX_LIMIT = 50;
/** Default page of the open API. */
export const API_DEFAULT_LIMIT = 20;

export type DocSummaryRow = Awaited<ReturnType<PublicDocumentRepository['latestPublished']>>[number];
type PublicDoc = NonNullable<Awaited<ReturnType<PublicDocumentRepository['getPublished']>>>;

export function presentDocumentSummary(d: DocSummaryRow) {
  return {
    id: d.id,
    url: `/documents/${d.id}`,
    unitId: d.unit_id,
    indexNumber: d.index_number,
    title: d.title,
    docNumber: d.doc_number,
    genre: d.genre,
    topicId: d.topic_id,
    writtenOn: d.written_on,
    publishedOn: d.published_on,
    publishedAt: d.published_at,
    summary: d.summary,
  };
}

export function presentDocument(d: PublicDoc) {
  return {
    ...presentDocumentSummary(d),
    state: d.state as 'published' | 'withdrawn',
    topicName: d.topic_name,
    formedOn: d.formed_on,
    issuers: d.issuers,
    keywords: d.keywords,
    source: d.source,
    validity: d.validity as Validity | null,
    effectiveOn: d.effective_on,
    repealedOn: d.repealed_on,
    bodyHtml: sanitiseHtml(d.body_html),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      kind: a.kind,
      size: a.size,
      url: `/documents/${d.id}/attachments/${a.id}`,
    })),
    corrections: d.corrections.map((c) => ({ correctedOn: c.corrected_on, note: c.correction_note })),
    columns: d.columns.map((c) => ({ id: c.id, name: c.name, unitId: c.unit_id })),
    withdrawal:
      d.state === 'withdrawn'
        ? { withdrawnAt: d.withdrawn_at, reason: d.withdrawal_reason, note: d.withdrawal_note }
        : null,
  };
}

export function presentUnit(u: Unit) {
  return {
    id: u.id,
    parentId: u.parent_id,
    code: u.code,
    name: u.name,
    shortName: u.short_name,
    kind: u.kind,
    address: u.address,
    officeHours: u.office_hours,
    phone: u.phone,
    fax: u.fax,
    email: u.email,
    website: u.website,
    url: `/units/${u.id}`,
  };
}

export function presentColumn(c: SiteColumn) {
  return {
    id: c.id,
    unitId: c.unit_id,
    parentId: c.parent_id,
    name: c.name,
    kind: c.kind as 'list' | 'page' | 'link',
    templateKey: c.template_key,
    externalUrl: c.external_url,
    updateCycle: c.update_cycle,
    url: `/columns/${c.id}`,
  };
}

export function presentCatalogueItem(i: CatalogueItem) {
  return {
    id: i.id,
    unitId: i.unitId,
    position: i.position,
    level1: i.level1,
    level2: i.level2 ?? null,
    content: i.content,
    basis: i.basis ?? null,
    timeLimit: i.timeLimit ?? null,
    publisher: i.publisher,
    channels: i.channels,
    audiences: i.audiences,
    ways: i.ways,
    levels: i.levels,
    columnIds: i.columnIds,
  };
}
