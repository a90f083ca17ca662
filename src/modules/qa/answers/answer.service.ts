/**
 * The 问答 box: a question → the best 问答 entries and document passages, each with citations that are
 * true on the day asked (answer-validity.ts). Repealed / expired sources are never answers: their
 * passages go to `history`, shown only when asked for. Below ANSWER_MIN_COVERAGE nothing is an answer
 * and the page offers to send the question to the unit.
 */
import { todayInShanghai } from '../../../lib/calendar/dates.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { PublishingApi } from '../../publishing/publishing.api.ts';
import { snippet } from '../../publishing/search/highlight.ts';
import {
  ANSWER_CANDIDATES,
  ANSWER_DEFAULT_LIMIT,
  ANSWER_MAX_LIMIT,
  ANSWER_MIN_COVERAGE,
  ANSWER_SHORT_LENGTH,
  type AnswerItem,
  type AnswerRequest,
  type AnswerResult,
  type Citation,
  type CitationValidity,
  PASSAGE_EXCERPT_LENGTH,
} from './answer.model.ts';
import { type AnswerCorpus, buildAnswerCorpus, type EntriesForIndex } from './answer-corpus.ts';
import { EMPTY_QUESTION_MESSAGE, parseQuestion, wordsToHighlight } from './answer-query.ts';
import { type AnswerRetriever, Bm25Retriever, type RetrievedHit } from './answer-retriever.ts';
import { EXTERNAL_VALIDITY, GONE_VALIDITY, ledgerValidity, markValidity } from './answer-validity.ts';
import type { AnswersDeps } from './answers-deps.ts';

/** At most this many passages of one document in one answer (demo and real sites repeat a text yearly). */
const MAX_PASSAGES_PER_DOCUMENT = 2;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AnswerServiceDeps {
  clock: Clock;
  units: Pick<AnswersDeps['units'], 'activeUnits'>;
  publishing: Pick<PublishingApi, 'publicDocuments'>;
  policies: AnswersDeps['policies'];
  /** The entries part's reads, when it is there (read at every check: it may be wired after this). */
  entries: () => EntriesForIndex | undefined;
  retriever?: AnswerRetriever;
}

export class AnswerService {
  private readonly retriever: AnswerRetriever;
  private built: { key: string; corpus: Promise<AnswerCorpus> } | null = null;
  private validityCache = new Map<string, Promise<CitationValidity>>();

  constructor(private readonly d: AnswerServiceDeps) {
    this.retriever = d.retriever ?? new Bm25Retriever();
  }

  /** The public content generation and the entries' generation: the index is valid while both stay. */
  private async generation(): Promise<string> {
    const docs = await this.d.publishing.publicDocuments.contentGeneration();
    return `${docs}|${(await this.d.entries()?.generation()) ?? ''}`;
  }

  /** The corpus and index of the current generation (built on first use after a change, shared in flight). */
  async corpus(): Promise<AnswerCorpus> {
    const key = await this.generation();
    if (this.built?.key !== key) {
      const corpus = buildAnswerCorpus(this.d.publishing.publicDocuments, this.d.entries()).then((c) => {
        this.retriever.build(c.items);
        return c;
      });
      corpus.catch(() => {
        if (this.built?.corpus === corpus) this.built = null;
      });
      this.built = { key, corpus };
      this.validityCache = new Map();
    }
    return this.built.corpus;
  }

  /** Answers a question (never throws on what was typed; a bad unit or day is a field error). */
  async ask(req: AnswerRequest): Promise<AnswerResult> {
    const parsed = parseQuestion(req.q);
    const asOf = req.asOf ?? todayInShanghai(this.d.clock.now());
    if (!DAY.test(asOf)) throw AppError.validation([{ field: 'asOf', message: '日期应为 YYYY-MM-DD' }]);
    const limit = Math.min(Math.max(1, Math.trunc(req.limit ?? ANSWER_DEFAULT_LIMIT)), ANSWER_MAX_LIMIT);
    const unitIds = await this.subtree(req.unitId);
    const words = wordsToHighlight(parsed.groups);
    const base = { question: parsed.question, truncated: parsed.truncated, asOf, words };
    const none = { answered: false, bestScore: null, items: [], history: [] };
    if (!parsed.groups.some((g) => g.content))
      return { ...base, ...none, problem: parsed.groups.length ? null : EMPTY_QUESTION_MESSAGE };
    const corpus = await this.corpus();
    const hits = this.retriever.search({ groups: parsed.groups, unitIds, asOf, limit: ANSWER_CANDIDATES });
    const items: AnswerItem[] = [];
    const history: AnswerItem[] = [];
    const perDocument = new Map<number, number>();
    const seenTexts = new Set<string>();
    for (const hit of hits) {
      if (hit.coverage < (req.minCoverage ?? ANSWER_MIN_COVERAGE)) continue;
      const built = await this.item(corpus, hit, words, asOf);
      if (!built) continue;
      const docCitations = built.citations.filter((c) => c.documentId !== null);
      const allFinal = docCitations.length > 0 && docCitations.every((c) => c.validity.final);
      const target = allFinal ? history : items;
      if (built.kind === 'passage') {
        const n = perDocument.get(built.documentId) ?? 0;
        // The same text in another document (a notice re-issued every year) adds nothing: the best
        // scored copy stands for all its copies in the answers (and in 历史文件 separately).
        const text = `${allFinal}:${built.excerpt.replace(/\s+/g, '')}`;
        if (n >= MAX_PASSAGES_PER_DOCUMENT || seenTexts.has(text)) continue;
        perDocument.set(built.documentId, n + 1);
        seenTexts.add(text);
      }
      if (target.length < limit) target.push(built);
      if (items.length >= limit && (!req.includeHistory || history.length >= limit)) break;
    }
    const bestScore = hits.length ? Math.max(...hits.map((h) => h.coverage)) : 0;
    return {
      ...base,
      problem: null,
      answered: items.length > 0,
      bestScore,
      items,
      history: req.includeHistory ? history : [],
    };
  }

  /** Ids of a unit and its subtree (undefined: no unit filter). */
  private async subtree(unitId: number | undefined): Promise<Set<number> | undefined> {
    if (unitId === undefined) return undefined;
    const units = await this.d.units.activeUnits();
    const unit = units.find((u) => u.id === unitId);
    if (!unit) throw AppError.validation([{ field: 'unit', message: '单位：请选择列表中的单位' }]);
    return new Set(units.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id));
  }

  private async item(
    corpus: AnswerCorpus,
    hit: RetrievedHit,
    words: string[],
    asOf: string,
  ): Promise<AnswerItem | null> {
    const score = Math.round(hit.score * 1000) / 1000;
    const coverage = Math.round(hit.coverage * 1000) / 1000;
    const entry = corpus.entries.get(hit.key);
    if (entry) {
      const citations = await Promise.all(entry.sources.map((s) => this.citation(s, asOf)));
      if (citations.length === 0) return null;
      const short = [...entry.answer];
      return {
        kind: 'entry',
        entryId: entry.id,
        question: entry.question,
        answerShort:
          short.length > ANSWER_SHORT_LENGTH
            ? `${short.slice(0, ANSWER_SHORT_LENGTH).join('')}…`
            : entry.answer,
        stale: entry.stale,
        href: `/qa/${entry.id}`,
        score,
        coverage,
        citations,
      };
    }
    const passage = corpus.passages.get(hit.key);
    const doc = passage && corpus.documents.get(passage.documentId);
    if (!passage || !doc) return null;
    const citation = await this.citation(
      {
        documentId: doc.id,
        title: doc.title,
        docNumber: doc.docNumber,
        article: passage.article,
        excerpt: null,
      },
      asOf,
    );
    return {
      kind: 'passage',
      documentId: doc.id,
      title: doc.title,
      docNumber: doc.docNumber,
      article: passage.article,
      excerpt: passage.text,
      excerptHtml: snippet(passage.text, words, PASSAGE_EXCERPT_LENGTH),
      href: `/documents/${doc.id}`,
      score,
      coverage,
      citations: [citation],
    };
  }

  private async citation(
    s: {
      documentId: number | null;
      title: string;
      docNumber: string | null;
      article: string | null;
      excerpt: string | null;
    },
    asOf: string,
  ): Promise<Citation> {
    const validity = s.documentId === null ? EXTERNAL_VALIDITY : await this.validityOf(s.documentId, asOf);
    return {
      documentId: s.documentId,
      title: s.title,
      docNumber: s.docNumber,
      article: s.article,
      validity,
      href: s.documentId === null || validity.state === 'withdrawn' ? null : `/documents/${s.documentId}`,
    };
  }

  /** The validity of a document on `day` (cached for the generation: events and marks are audited). */
  private validityOf(documentId: number, day: string): Promise<CitationValidity> {
    const key = `${documentId}@${day}`;
    let v = this.validityCache.get(key);
    if (!v) {
      v = this.lookUpValidity(documentId, day);
      this.validityCache.set(key, v);
      v.catch(() => this.validityCache.delete(key));
    }
    return v;
  }

  private async lookUpValidity(documentId: number, day: string): Promise<CitationValidity> {
    const doc = await this.d.publishing.publicDocuments.getPublished(documentId);
    if (doc?.state !== 'published') return GONE_VALIDITY;
    const state = (await this.d.policies?.ledger.stateOn(documentId, day)) ?? null;
    return state ? ledgerValidity(state, day) : markValidity(doc, day);
  }
}
