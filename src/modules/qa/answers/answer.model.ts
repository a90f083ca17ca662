/**
 * The 问答 box's answers (issue 14 item 3): what an answer is made of — ranked items, each with its
 * citations (title, 文号, 条款 and the validity on the day asked) — and the named constants that decide
 * when there is no good answer. Plain data: the retrieval (answer-index.ts), the service
 * (answer.service.ts), the page and the API share these shapes.
 */

/**
 * "No good answer" threshold: the share of the question's content words (question words such as 怎么 /
 * 如何 / 吗 left out, see answer-query.ts) that the best item matches, directly or through a synonym, each
 * word weighted by the square root of its inverse document frequency (answer-retriever.ts), so matching
 * only a common word (办理, 材料) of "怎么办理护照" is not an answer. Below it the box says it has no good
 * answer and offers to send the question to the unit. Chosen on the evaluation set (bench/answers.ts,
 * BENCH_THRESHOLDS; figures in docs/qa-answers.md): 0.3 answers a quarter of the unanswerable questions,
 * 0.45 and above decline more of them but lose answerable ones (recall@3 83 % at 0.4, 77 % at 0.45).
 */
export const ANSWER_MIN_COVERAGE = 0.4;
/** Items shown for one question (page and API default), and the most the API returns. */
export const ANSWER_DEFAULT_LIMIT = 8;
export const ANSWER_MAX_LIMIT = 20;
/** Candidates read from the index before validity filtering (enough to fill a page after drops). */
export const ANSWER_CANDIDATES = 60;
/** Characters of an entry's answer shown in a result (the whole answer is on /qa/:id). */
export const ANSWER_SHORT_LENGTH = 160;
/** Characters of a passage's highlighted excerpt. */
export const PASSAGE_EXCERPT_LENGTH = 160;
/** The most characters one passage holds before it is cut in two (an article is one passage up to this). */
export const PASSAGE_MAX_LENGTH = 300;

/** A citation's validity on the day asked: the ledger's state, else the document's 有效性 mark. */
export interface CitationValidity {
  /** A policies ValidityState, a documents.validity mark, or 'unmarked' / 'external' / 'withdrawn'. */
  state: string;
  /** Chinese label: 现行有效（截至 2026-03-02）, 已废止（2025-06-01 起）, 未标注有效性 … */
  label: string;
  /** True only for states in which the text applies (never for repealed / expired / withdrawn). */
  inForce: boolean;
  /** Repealed, expired or withdrawn: never shown as an answer unless history is asked for. */
  final: boolean;
  /** Where the state comes from. */
  source: 'ledger' | 'mark' | 'none';
}

export interface Citation {
  /** The platform document (null: a source named by title and 文号 only). */
  documentId: number | null;
  title: string;
  docNumber: string | null;
  /** 条款, e.g. 第三条 (null: the document as a whole). */
  article: string | null;
  validity: CitationValidity;
  /** Link to the document page (null for an external source). */
  href: string | null;
}

interface ItemBase {
  score: number;
  /** Share of the question's content words this item matched (see ANSWER_MIN_COVERAGE). */
  coverage: number;
  citations: Citation[];
}

/** A published 问答库 entry: its question, a short answer and its sources. */
export interface EntryItem extends ItemBase {
  kind: 'entry';
  entryId: number;
  question: string;
  answerShort: string;
  /** 待更新: a source changed since publication. */
  stale: boolean;
  href: string;
}

/** A passage (an article or paragraph) of a published document. */
export interface PassageItem extends ItemBase {
  kind: 'passage';
  documentId: number;
  title: string;
  docNumber: string | null;
  article: string | null;
  /** Escaped HTML with the matched words in <mark>. */
  excerptHtml: string;
  excerpt: string;
  href: string;
}

export type AnswerItem = EntryItem | PassageItem;

export interface AnswerRequest {
  q: string;
  /** Only items of this unit and its subtree. */
  unitId?: number | undefined;
  limit?: number | undefined;
  /** The day validity is evaluated for (default today, China time); later documents are left out. */
  asOf?: string | undefined;
  /** Also return passages of repealed / expired documents, under 历史文件. */
  includeHistory?: boolean | undefined;
  /** Overrides ANSWER_MIN_COVERAGE (the evaluation bench compares thresholds; not offered by the routes). */
  minCoverage?: number | undefined;
}

export interface AnswerResult {
  /** The question as used (cleaned, cut to QA_LIMITS.askLength). */
  question: string;
  /** Why there is nothing to look up (only punctuation, empty): a message for the asker. */
  problem: string | null;
  /** The question was cut to QA_LIMITS.askLength characters. */
  truncated: boolean;
  asOf: string;
  /** The words looked up (with their synonyms), for highlighting and the API. */
  words: string[];
  /** A good enough answer exists (best coverage ≥ ANSWER_MIN_COVERAGE and it has a source). */
  answered: boolean;
  /** The best item's coverage (stored with a question sent to the unit). */
  bestScore: number | null;
  /** Items in force or without a final state, best first. Empty when not answered. */
  items: AnswerItem[];
  /** Passages of repealed / expired documents (only with includeHistory). */
  history: AnswerItem[];
}
