/**
 * Retrieval for the 问答 box, behind one interface (like publishing's SearchProvider): the default is an
 * embedded BM25+ index (MiniSearch, docs/adr/0011-answer-retrieval.md) over jieba words with the synonym
 * table; a deployer who brings local model files may add a dense-vector retriever with the same shape.
 * Nothing here downloads anything.
 */
import MiniSearch, { type Query } from 'minisearch';
import { wordsOf } from '../../publishing/search/segmenter.ts';
import { isQuestionWord, type QueryGroup } from './answer-query.ts';

/** One retrievable item: a published 问答 entry or a passage of a published document. */
export interface CorpusItem {
  /** 'e:<entry id>' or 'p:<document id>:<n>'. */
  key: string;
  kind: 'entry' | 'passage';
  unitId: number;
  /** Day of publication ('YYYY-MM-DD'); items published after the day asked are left out. */
  publishedOn: string;
  /** The document's title (passages) — every passage of a document matches its title's words. */
  title: string;
  /** The entry's question and alternative phrasings. */
  question: string;
  alt: string;
  /** The entry's answer or the passage's text. */
  text: string;
}

export interface RetrievalQuery {
  groups: readonly QueryGroup[];
  /** Only items of these units (a unit and its subtree); undefined: every unit. */
  unitIds?: ReadonlySet<number> | undefined;
  asOf: string;
  limit: number;
}

export interface RetrievedHit {
  key: string;
  /** The retriever's relevance score (comparable within one query only). */
  score: number;
  /** Share of the question's content words matched, directly or through a synonym (0–1). */
  coverage: number;
}

export interface AnswerRetriever {
  readonly name: string;
  /** Replaces the index with `items`. */
  build(items: readonly CorpusItem[]): void;
  search(q: RetrievalQuery): RetrievedHit[];
}

/** Field weights: the question people ask is the best evidence, then its other phrasings, a title, the text. */
const FIELD_BOOST = { question: 3, alt: 2, title: 1.5, text: 1 } as const;
/** Curated 问答 entries are preferred over a passage with the same words. */
const ENTRY_BOOST = 1.3;
/** Question words (怎么, 如何 …) still count a little: "怎么申请" should prefer a text about 申请程序. */
const QUESTION_WORD_BOOST = 0.2;

/**
 * Share of the content words of `groups` whose group (or a joined group covering it) matched, each word
 * weighted by `weight` (default 1; the retriever passes √idf, so matching only
 * 办理 of "怎么办理护照" — a common word, while 护照 occurs nowhere — covers little).
 */
export function coverageOf(
  groups: readonly QueryGroup[],
  matched: ReadonlySet<string>,
  weight: (g: QueryGroup) => number = () => 1,
): number {
  const content = groups.filter((g) => g.content);
  const total = content.reduce((sum, g) => sum + weight(g), 0);
  if (total === 0) return 0;
  const hit = (g: QueryGroup) => g.variants.some((v) => v.every((w) => matched.has(w)));
  const covered = new Set(groups.filter(hit).flatMap((g) => g.covers));
  return content.filter((g) => covered.has(g.word)).reduce((sum, g) => sum + weight(g), 0) / total;
}

/** Fields an item is indexed by; each is tokenized once (wordsOf) for the index and the word counts. */
const FIELDS = ['question', 'alt', 'title', 'text'] as const;

/** Embedded BM25+ (MiniSearch) with a jieba tokenizer; the default AnswerRetriever. */
export class Bm25Retriever implements AnswerRetriever {
  readonly name = 'bm25';
  private index = Bm25Retriever.empty();
  /** In how many items each word occurs (for the coverage weights). */
  private documentFrequency = new Map<string, number>();
  private itemCount = 0;

  private static empty() {
    return new MiniSearch<CorpusItem>({
      idField: 'key',
      fields: [...FIELDS],
      storeFields: ['kind', 'unitId', 'publishedOn'],
      // Fields arrive tokenized (build): words joined by spaces.
      tokenize: (text) => (text === '' ? [] : text.split(' ')),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => [text],
        processTerm: (term) => term,
        boost: { ...FIELD_BOOST },
      },
    });
  }

  build(items: readonly CorpusItem[]): void {
    const index = Bm25Retriever.empty();
    const df = new Map<string, number>();
    for (const item of items) {
      const tokenized = { ...item };
      const seen = new Set<string>();
      for (const f of FIELDS) {
        const words = wordsOf(item[f]);
        tokenized[f] = words.join(' ');
        for (const w of words) seen.add(w);
      }
      for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
      index.add(tokenized);
    }
    this.index = index;
    this.documentFrequency = df;
    this.itemCount = items.length;
  }

  /**
   * Coverage weight of a word group: the square root of the inverse document frequency of its most
   * frequent variant (a phrase: its rarest word). The root keeps a colloquial word the texts never use
   * (岁数, 咋) from outweighing the rest of the question; measured in docs/qa-answers.md.
   */
  private idf(g: QueryGroup): number {
    const df = Math.max(
      ...g.variants.map((v) => Math.min(...v.map((w) => this.documentFrequency.get(w) ?? 0))),
    );
    return Math.sqrt(Math.log(1 + this.itemCount / (1 + df)));
  }

  search(q: RetrievalQuery): RetrievedHit[] {
    if (q.groups.length === 0) return [];
    const query: Query = {
      combineWith: 'OR',
      queries: q.groups.map((g) => ({
        combineWith: 'OR',
        queries: g.variants.map((v) => (v.length === 1 ? v[0]! : { combineWith: 'AND', queries: v })),
      })),
    };
    const results = this.index.search(query, {
      boostTerm: (term) => (isQuestionWord(term) ? QUESTION_WORD_BOOST : 1),
      boostDocument: (_id, _term, stored) => (stored?.kind === 'entry' ? ENTRY_BOOST : 1),
      filter: (r) =>
        String(r.publishedOn) <= q.asOf && (q.unitIds === undefined || q.unitIds.has(Number(r.unitId))),
    });
    return results
      .map((r) => {
        const coverage = coverageOf(q.groups, new Set(r.queryTerms), (g) => this.idf(g));
        // Relevance weighted by coverage: many repeats of one word do not beat an item that has them all.
        return { key: String(r.id), score: r.score * (0.25 + coverage), coverage };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, q.limit);
  }
}
