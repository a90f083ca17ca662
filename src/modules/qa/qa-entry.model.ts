/**
 * Entries of the 政策问答库 (issue 14 item 2): the form's input as the service stores it, the 条款 pattern,
 * the review interval and the public state group. Pure: no database.
 */
import type { FieldProblem } from '../../lib/errors.ts';
import { QA_AUDIENCES, QA_LIMITS, type QaAudience, type QaState } from './qa.model.ts';

/** What the public sees: a WHERE clause in the repository (revisions are never published themselves). */
export const QA_PUBLIC_STATES: readonly QaState[] = ['published'];

/**
 * 复核日期: an entry is checked again this many months after publication (a setting). No national rule
 * fixes the interval for a 政策问答库; the inspection indicators (国办秘函〔2019〕19号, regulations §8)
 * deduct for service content left out of date, so a yearly check is the local default here.
 */
export const DEFAULT_REVIEW_MONTHS = 12;

/** Most source rows the form shows. */
export const SOURCE_ROWS_MIN = 3;

/** A number in a 条款 reference: Arabic digits or Chinese numerals. */
const NUM = '(?:[0-9]+|[一二三四五六七八九十百千零〇两]+)';
/** One 条款: 第X条, optionally 第X款 and 第X项 (also 第（X）项). */
const ONE_ARTICLE = `第${NUM}条(?:第${NUM}款)?(?:第[（(]?${NUM}[)）]?项)?`;
const ARTICLE = new RegExp(`^${ONE_ARTICLE}(?:、${ONE_ARTICLE})*$`);

/** Whether `v` is a 条款 reference such as 第二十条、第3条第二款、第五条第一款第（三）项. */
export function isArticle(v: string): boolean {
  return ARTICLE.test(v.replace(/\s+/g, ''));
}

/** A source row as typed: a platform document (by 文号 or title) or an external one (title + 文号). */
export interface SourceRowInput {
  /** 文号 or exact title of a published platform document. */
  doc: string | null;
  /** An external source: its title and 文号. */
  title: string | null;
  number: string | null;
  article: string | null;
  excerpt: string | null;
}

/** The entry form, checked (sources not yet resolved to documents). */
export interface EntryInput {
  unitId: number;
  question: string;
  altQuestions: string[];
  answer: string;
  topicId: number | null;
  audiences: QaAudience[];
  matter: string | null;
  tags: string[];
  region: string | null;
  validUntil: string | null;
  sources: SourceRowInput[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MARKUP = /<\s*\/?\s*[a-zA-Z!][^>]*>/;

/** Why `v` cannot be stored in a field called `label` (null: fine). */
export function textProblem(label: string, v: string, max: number): string | null {
  if (CONTROL.test(v)) return `${label}含有不可见的控制字符，请删除后重新提交`;
  if (MARKUP.test(v)) return `${label}不能包含网页标记（如 <script>、<a> 等尖括号标签），请改为纯文字`;
  if (Array.from(v).length > max) return `${label}不能超过 ${max} 个字符`;
  return null;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]).map(String);

/** Form field names of source row `i`. */
export const sourceField = (i: number, part: keyof SourceRowInput) => `s${i}_${part}`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads and checks the entry form. Every problem names its field (the form's field names); the unit is
 * checked by the service (the user's units only).
 */
export function parseEntryForm(raw: Record<string, unknown>): {
  input: EntryInput;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const text = (field: string, label: string, max: number, required: boolean): string | null => {
    const v = str(raw[field]);
    if (!v) {
      if (required) add(field, `请填写${label}`);
      return null;
    }
    const p = textProblem(label, v, max);
    if (p) add(field, p);
    return v;
  };
  const question = text('question', '问题', QA_LIMITS.question, true) ?? '';
  const answer = text('answer', '答复内容', QA_LIMITS.answer, true) ?? '';
  const altRaw = str(raw.altQuestions);
  const altQuestions = [
    ...new Set(
      altRaw
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (altQuestions.length > QA_LIMITS.altQuestions)
    add('altQuestions', `其他问法最多 ${QA_LIMITS.altQuestions} 条（每行一条）`);
  const altBad = altQuestions.map((q) => textProblem('其他问法', q, QA_LIMITS.altQuestion)).find(Boolean);
  if (altBad) add('altQuestions', `${altBad}（每行一条）`);
  const topic = str(raw.topicId);
  const topicId = topic === '' ? null : Number(topic);
  if (topicId !== null && !(Number.isInteger(topicId) && topicId > 0)) add('topicId', '请选择主题');
  const audiences = list(raw.audiences).filter((a): a is QaAudience =>
    (QA_AUDIENCES as readonly string[]).includes(a),
  );
  if (list(raw.audiences).length !== audiences.length) add('audiences', '服务对象选择有误');
  const matter = text('matter', '事项', 100, false);
  const tagsText = text('tags', '标签', 200, false) ?? '';
  const tags = [...new Set(tagsText.split(/[,，、;；\s]+/).filter(Boolean))];
  const region = text('region', '适用地区', 100, false);
  const validUntil = text('validUntil', '有效期至', 10, false);
  if (validUntil && !DAY.test(validUntil)) add('validUntil', '有效期至应为日期，例如 2027-12-31');
  const sources = parseSources(raw, add);
  const unitId = Number(str(raw.unitId)) || 0;
  return {
    input: {
      unitId,
      question,
      altQuestions,
      answer,
      topicId: Number.isInteger(topicId) ? topicId : null,
      audiences: [...new Set(audiences)],
      matter,
      tags,
      region,
      validUntil,
      sources,
    },
    problems,
  };
}

function parseSources(raw: Record<string, unknown>, add: (field: string, message: string) => void) {
  const rows: SourceRowInput[] = [];
  for (let i = 0; i < QA_LIMITS.sources + SOURCE_ROWS_MIN; i++) {
    const get = (part: keyof SourceRowInput) => str(raw[sourceField(i, part)]) || null;
    const row = {
      doc: get('doc'),
      title: get('title'),
      number: get('number'),
      article: get('article'),
      excerpt: get('excerpt'),
    };
    if (!row.doc && !row.title && !row.number && !row.article && !row.excerpt) continue;
    const n = rows.length + 1;
    const check = (part: keyof SourceRowInput, label: string, max: number) => {
      const v = row[part];
      const p = v ? textProblem(`第 ${n} 项依据的${label}`, v, max) : null;
      if (p) add(sourceField(i, part), p);
    };
    check('doc', '平台文件', 200);
    check('title', '文件名称', 200);
    check('number', '文号', 60);
    check('excerpt', '摘录', QA_LIMITS.excerpt);
    if (!row.doc && !row.title)
      add(sourceField(i, 'doc'), `第 ${n} 项依据：请填写平台文件的文号或标题，或填写外部文件的名称`);
    if (row.doc && (row.title || row.number))
      add(sourceField(i, 'title'), `第 ${n} 项依据：平台文件与外部文件只填一种`);
    if (row.article && !isArticle(row.article))
      add(
        sourceField(i, 'article'),
        `第 ${n} 项依据的条款应写作“第X条”，可加“第X款”“第X项”，例如 第二十条、第3条第二款`,
      );
    rows.push(row);
  }
  if (rows.length > QA_LIMITS.sources) add(sourceField(0, 'doc'), `依据最多 ${QA_LIMITS.sources} 项`);
  return rows;
}

/** The form values of stored sources (rows `0…n-1`). */
export function sourceFormValues(
  sources: readonly {
    documentId: number | null;
    title: string;
    docNumber: string | null;
    article: string | null;
    excerpt: string | null;
  }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  sources.forEach((s, i) => {
    if (s.documentId !== null) out[sourceField(i, 'doc')] = s.docNumber ?? s.title;
    else {
      out[sourceField(i, 'title')] = s.title;
      out[sourceField(i, 'number')] = s.docNumber ?? '';
    }
    out[sourceField(i, 'article')] = s.article ?? '';
    out[sourceField(i, 'excerpt')] = s.excerpt ?? '';
  });
  return out;
}

/** 'YYYY-MM-DD' plus `months` calendar months (the last day of a shorter month). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
