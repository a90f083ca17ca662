/**
 * What the 问答 box can cite: published 问答 entries (through the entries part's `publishedForIndex`) and
 * the passages of published documents (through publishing's public read scopes only). Built lazily and
 * kept for one public content generation (the audit head: every publish, withdrawal, correction and
 * validity mark writes an audit event) plus the entries' own generation — never per request.
 */
import { htmlToText } from '../../publishing/checks/html-text.ts';
import type { PublishingApi } from '../../publishing/publishing.api.ts';
import type { QaSource } from '../qa.model.ts';
import { documentPassages } from './answer-passages.ts';
import type { CorpusItem } from './answer-retriever.ts';

/** The entries part's reads (qa.services.ts, entries section), used structurally. */
export interface EntriesForIndex {
  publishedForIndex(): Promise<IndexEntry[]>;
  generation(): Promise<string>;
}

export interface IndexEntry {
  id: number;
  unitId: number;
  question: string;
  altQuestions: string[];
  answer: string;
  topicId: number | null;
  audiences: string[];
  stale: boolean;
  publishedAt: string;
  sources: QaSource[];
}

export interface PassageMeta {
  documentId: number;
  article: string | null;
  text: string;
}

export interface DocumentMeta {
  id: number;
  title: string;
  docNumber: string | null;
  unitId: number;
}

export interface AnswerCorpus {
  items: CorpusItem[];
  entries: Map<string, IndexEntry>;
  passages: Map<string, PassageMeta>;
  documents: Map<number, DocumentMeta>;
}

/** Documents read per page while building (the public list's largest page). */
const BUILD_PAGE_SIZE = 100;

type PublicReads = Pick<PublishingApi['publicDocuments'], 'listPublishedForUnit' | 'publishedSummaries'>;

/** Every published document's passages and every published entry, as retrievable items. */
export async function buildAnswerCorpus(
  docs: PublicReads,
  entries: EntriesForIndex | undefined,
): Promise<AnswerCorpus> {
  const corpus: AnswerCorpus = { items: [], entries: new Map(), passages: new Map(), documents: new Map() };
  for (let page = 1; ; page++) {
    const list = await docs.listPublishedForUnit('/', {}, { page, pageSize: BUILD_PAGE_SIZE });
    const rows = await docs.publishedSummaries(list.items.map((d) => d.id));
    for (const d of rows) addDocument(corpus, d);
    if (list.items.length < BUILD_PAGE_SIZE || page * BUILD_PAGE_SIZE >= list.total) break;
  }
  for (const e of (await entries?.publishedForIndex()) ?? []) {
    if (e.sources.length === 0) continue; // never an answer without a source
    const key = `e:${e.id}`;
    corpus.entries.set(key, e);
    corpus.items.push({
      key,
      kind: 'entry',
      unitId: e.unitId,
      publishedOn: e.publishedAt.slice(0, 10),
      title: '',
      question: e.question,
      alt: e.altQuestions.join('\n'),
      text: e.answer,
    });
  }
  return corpus;
}

function addDocument(
  corpus: AnswerCorpus,
  d: {
    id: number;
    unit_id: number;
    title: string;
    doc_number: string | null;
    published_on: string | null;
    published_at: string | null;
    body_html: string;
    summary: string | null;
  },
): void {
  corpus.documents.set(d.id, { id: d.id, title: d.title, docNumber: d.doc_number, unitId: d.unit_id });
  const publishedOn = d.published_on ?? d.published_at?.slice(0, 10) ?? '0000-00-00';
  documentPassages({ title: d.title, summary: d.summary, text: htmlToText(d.body_html) }).forEach((p, n) => {
    const key = `p:${d.id}:${n}`;
    corpus.passages.set(key, { documentId: d.id, article: p.article, text: p.text });
    corpus.items.push({
      key,
      kind: 'passage',
      unitId: d.unit_id,
      publishedOn,
      title: d.doc_number ? `${d.title} ${d.doc_number}` : d.title,
      question: '',
      alt: '',
      text: p.text,
    });
  });
}
