/**
 * The public side of the 政策问答库: the list per unit and topic with a search box (every word of the
 * query, or one of its synonyms, must occur), one entry with its sources and their validity as of today,
 * and the read functions other parts use (publishedSince for 政策找人, publishedForIndex and generation
 * for the answer box). Everything goes through the repository's published-only scopes.
 */
import { queryWordsOf } from '../publishing/search/segmenter.ts';
import { synonymsOf } from '../publishing/search/synonyms.ts';
import type { QaAudience, QaSource } from './qa.model.ts';
import type { QaEntriesService, SourceRow } from './qa-entries.service.ts';
import { toSource } from './qa-entries.service.ts';
import { type SourceValidity, SourceValidityReader } from './qa-validity.ts';

/** Longest query read (a longer one is cut, not refused). */
export const MAX_QUERY_LENGTH = 100;
/** Most words of a query that must all match. */
const MAX_QUERY_WORDS = 8;
/** Question words that carry no subject: dropped from a list search (not from the answer box's). */
const QUESTION_FILLERS = new Set([
  '怎么',
  '怎样',
  '如何',
  '什么',
  '哪些',
  '哪里',
  '多少',
  '吗',
  '呢',
  '吧',
  '要',
  '需要',
  '可以',
  '能',
  '能否',
  '是否',
  '请问',
  '我',
  '我们',
  '想',
  '办',
  '一下',
]);
export const PUBLIC_PAGE_SIZE = 20;

export interface PublicListQuery {
  unitId?: number | undefined;
  topicId?: number | undefined;
  q?: string | undefined;
  page: number;
}

/** A cited source as the public page shows it. */
export interface SourceView extends QaSource {
  href: string | null;
  validity: SourceValidity | null;
}

const parse = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

/** The words a list search must find, each with its synonyms; empty when the query has none. */
export function searchWords(q: string): string[][] {
  const words = queryWordsOf(q.slice(0, MAX_QUERY_LENGTH));
  const meaningful = words.filter((w) => !QUESTION_FILLERS.has(w));
  return (meaningful.length ? meaningful : words)
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => [w, ...synonymsOf(w, 'answers')]);
}

export class QaPublicService {
  readonly validity: SourceValidityReader;

  constructor(private readonly s: QaEntriesService) {
    this.validity = new SourceValidityReader(s.repo, s.d.policies);
  }

  private async names() {
    const units = new Map((await this.s.d.units.activeUnits()).map((u) => [u.id, u.name] as const));
    const topics = new Map((await this.s.d.publishing.topics.list()).map((t) => [t.id, t.name] as const));
    return { units, topics };
  }

  /** The 政策问答 list: filters, the search words found, the page. */
  async list(query: PublicListQuery) {
    const q = (query.q ?? '').trim();
    const words = q ? searchWords(q) : [];
    const page = Math.max(1, Math.min(1000, Math.trunc(query.page) || 1));
    const { rows, total } =
      q && !words.length
        ? { rows: [], total: 0 }
        : await this.s.repo.listPublished(
            { unitId: query.unitId, topicId: query.topicId, words },
            page,
            PUBLIC_PAGE_SIZE,
          );
    const { units, topics } = await this.names();
    const withEntries = new Set(await this.s.repo.publishedUnitIds());
    return {
      items: rows.map((r) => ({
        id: r.id,
        question: r.question,
        unitName: units.get(r.unit_id) ?? '',
        topicName: r.topic_id ? (topics.get(r.topic_id) ?? null) : null,
        stale: r.stale === 1,
        publishedOn: (r.published_at ?? '').slice(0, 10),
      })),
      total,
      page,
      noWords: q !== '' && !words.length,
      units: [...units].filter(([id]) => withEntries.has(id)).map(([id, name]) => ({ id, name })),
      topics: [...topics].map(([id, name]) => ({ id, name })),
    };
  }

  /** One published entry with its sources' validity as of today; null when not public. */
  async entry(id: number) {
    const row = await this.s.repo.getPublished(id);
    if (!row) return null;
    const { units, topics } = await this.names();
    const sources = await this.sourceViews(await this.s.repo.sources(id));
    return {
      id: row.id,
      question: row.question,
      altQuestions: parse(row.alt_questions),
      answer: row.answer,
      unitId: row.unit_id,
      unitName: units.get(row.unit_id) ?? '',
      topicName: row.topic_id ? (topics.get(row.topic_id) ?? null) : null,
      audiences: parse(row.audiences) as QaAudience[],
      matter: row.matter,
      stale: row.stale === 1,
      publishedOn: (row.published_at ?? '').slice(0, 10),
      reviewOn: row.review_on,
      sources,
      today: this.s.today(),
    };
  }

  /** Sources with links and validity as of today (external ones: no validity). */
  async sourceViews(rows: readonly SourceRow[]): Promise<SourceView[]> {
    const today = this.s.today();
    const ids = rows.flatMap((r) => (r.document_id === null ? [] : [r.document_id]));
    const facts = await this.validity.of(ids, today);
    return rows.map((r) => {
      const f = r.document_id === null ? undefined : facts.get(r.document_id);
      return {
        ...toSource(r),
        href: f && f.facts.state === 'published' ? `/documents/${f.facts.id}` : null,
        validity: f ? f.validity : null,
      };
    });
  }

  /** Entries published after `sinceIso`, oldest first (政策找人). */
  async publishedSince(sinceIso: string, limit: number) {
    const rows = await this.s.repo.publishedSince(sinceIso, Math.max(1, Math.min(limit, 1000)));
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      unitId: r.unit_id,
      topicId: r.topic_id,
      audiences: parse(r.audiences),
      publishedAt: r.published_at ?? '',
      href: `/qa/${r.id}`,
    }));
  }

  /** Every published entry with its sources (the answer box's index). */
  async publishedForIndex() {
    const rows = await this.s.repo.publishedAll();
    const sources = await this.s.repo.sourcesOf(rows.map((r) => r.id));
    const byEntry = new Map<number, QaSource[]>();
    for (const s of sources) byEntry.set(s.entry_id, [...(byEntry.get(s.entry_id) ?? []), toSource(s)]);
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      question: r.question,
      altQuestions: parse(r.alt_questions),
      answer: r.answer,
      topicId: r.topic_id,
      audiences: parse(r.audiences),
      stale: r.stale === 1,
      publishedAt: r.published_at ?? '',
      sources: byEntry.get(r.id) ?? [],
    }));
  }

  generation(): Promise<string> {
    return this.s.repo.generation();
  }
}
