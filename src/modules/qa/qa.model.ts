/**
 * The 政策问答库 contract (issue 14): states, tags, origins, the unanswered queue's states, the 12345
 * exchange fields and lengths. Written first so the entries, the answer box, the queue and the demo can be
 * built against it at the same time.
 */

/** drafted → in_review → published; published → withdrawn; in_review → draft (退回). */
export const QA_STATES = ['draft', 'in_review', 'published', 'withdrawn'] as const;
export type QaState = (typeof QA_STATES)[number];
export const QA_STATE_LABELS: Record<QaState, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
};

/** 对象 tags. */
export const QA_AUDIENCES = ['enterprise', 'individual'] as const;
export type QaAudience = (typeof QA_AUDIENCES)[number];
export const QA_AUDIENCE_LABELS: Record<QaAudience, string> = { enterprise: '企业', individual: '个人' };

/** Where an entry came from. */
export const QA_ORIGINS = ['manual', 'import', 'queue', 'letter', 'exchange'] as const;
export type QaOrigin = (typeof QA_ORIGINS)[number];
export const QA_ORIGIN_LABELS: Record<QaOrigin, string> = {
  manual: '人工编写',
  import: '表格导入',
  queue: '未答问题转入',
  letter: '咨询来信转入',
  exchange: '12345知识库交换',
};

/** The unanswered queue. */
export const QA_QUESTION_SOURCES = ['ask', 'letter'] as const;
export type QaQuestionSource = (typeof QA_QUESTION_SOURCES)[number];
export const QA_QUESTION_STATES = ['open', 'answered', 'promoted', 'closed'] as const;
export type QaQuestionState = (typeof QA_QUESTION_STATES)[number];
export const QA_QUESTION_STATE_LABELS: Record<QaQuestionState, string> = {
  open: '待答复',
  answered: '已答复',
  promoted: '已转入问答库',
  closed: '已关闭',
};

/** Lengths (characters). A question box question is cut, not refused, beyond MAX_ASK_LENGTH. */
export const QA_LIMITS = {
  question: 300,
  answer: 10_000,
  altQuestion: 300,
  altQuestions: 20,
  sources: 20,
  excerpt: 500,
  askLength: 300,
} as const;

/** One source an answer rests on (qa_entry_sources). */
export interface QaSource {
  documentId: number | null;
  title: string;
  docNumber: string | null;
  /** 条款, e.g. 第二十条. */
  article: string | null;
  excerpt: string | null;
}

/**
 * The fields of a 12345 knowledge item, following GB/T 44191-2024 政务服务便民热线知识库建设指南 where known:
 * 标题, 内容, 分类, 适用地区, 来源, 有效期, 更新时间, 责任单位 — plus the id and alternative questions so a
 * round trip keeps them. Key = JSON field name of the exchange file; value = xlsx column header.
 */
export const EXCHANGE_FIELDS = {
  id: '知识编号',
  title: '标题',
  content: '内容',
  category: '分类',
  region: '适用地区',
  source: '来源',
  validUntil: '有效期',
  updatedAt: '更新时间',
  unit: '责任单位',
  altQuestions: '相似问法',
  audiences: '服务对象',
} as const;

/**
 * A demo entry (src/db/seeds/demo-qa.data.ts): sources name demo documents by 文号 or exact title (the
 * seeder resolves them to ids and fails loudly when one is missing), the unit by its demo name (县民政局, 城关镇人民政府 …).
 */
export interface DemoQaEntry {
  /** Demo unit name as in demo-units.ts (县民政局). */
  unit: string;
  question: string;
  altQuestions: string[];
  answer: string;
  topic: string | null;
  audiences: QaAudience[];
  matter: string | null;
  sources: { docNumber?: string; title?: string; article?: string; excerpt?: string }[];
  /** 'published' unless given. */
  state?: QaState;
}

/** A demo unanswered question. */
export interface DemoQaQuestion {
  unit: string | null;
  question: string;
}
