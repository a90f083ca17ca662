/**
 * 在线调查 model: states, question kinds and the pure rules of a questionnaire — what a valid question
 * is (staff side) and what a valid set of answers is (public side). No I/O here.
 */
import type { FieldProblem } from '../../lib/errors.ts';

/** 草稿 → 进行中 → 已结束. */
export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: '草稿',
  open: '进行中',
  closed: '已结束',
};
/** States the public sees (the Payload rule: a query condition in the repository uses this list). */
export const PUBLIC_SURVEY_STATES: readonly SurveyState[] = ['open', 'closed'];

/**
 * The survey's transition table (docs/interaction-surveys.md "States and transitions" shows it, checked by
 * survey.workflow-docs.test.ts). The daily job runs `open` and `close` as the system user.
 */
export const SURVEY_STEPS = {
  edit: { label: '修改基本信息和题目', from: ['draft'], to: 'draft', action: 'survey.manage' },
  open: { label: '开始调查', from: ['draft'], to: 'open', action: 'survey.manage' },
  close: { label: '结束调查', from: ['open'], to: 'closed', action: 'survey.manage' },
  publish_results: { label: '发布调查结果', from: ['closed'], to: 'closed', action: 'survey.publish' },
} as const satisfies Record<
  string,
  { label: string; from: readonly SurveyState[]; to: SurveyState; action: 'survey.manage' | 'survey.publish' }
>;
export type SurveyStep = keyof typeof SURVEY_STEPS;

/** Why `step` cannot start from `state` (null: it can). */
export function stepProblem(step: SurveyStep, state: string): string | null {
  const rule = SURVEY_STEPS[step];
  if ((rule.from as readonly string[]).includes(state)) return null;
  const label = SURVEY_STATE_LABELS[state as SurveyState] ?? state;
  return step === 'publish_results' ? '调查结束后才能发布结果' : `调查${label}，不能${rule.label}`;
}

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  rating: '评分（1–5）',
  text: '文本',
};

/** A rating question has five points (1–5); these labels are used when staff give none. */
export const RATING_POINTS = 5;
export const DEFAULT_RATING_LABELS = ['很不满意', '不满意', '一般', '满意', '很满意'];
/** Upper bounds that keep one response small (abuse) and a question readable. */
export const MAX_OPTIONS = 20;
export const MAX_OPTION_LENGTH = 100;
export const MAX_TITLE_LENGTH = 200;
export const MAX_TEXT_ANSWER = 2000;
export const DEFAULT_TEXT_ANSWER = 500;
export const MAX_QUESTIONS = 50;
export const MAX_CONTACT_LENGTH = 100;

/** A question as the rules see it (the row's JSON already parsed). */
export interface Question {
  id: number;
  position: number;
  kind: QuestionKind;
  title: string;
  help: string;
  required: boolean;
  /** Choice options; for a rating the five point labels; [] for text. */
  options: string[];
  minChoices: number | null;
  maxChoices: number | null;
  maxLength: number | null;
}

export type QuestionInput = Omit<Question, 'id' | 'position'>;

/** One person's answer to one question: option indexes, a rating or a text. */
export type Answer =
  | { kind: 'choice'; options: number[] }
  | { kind: 'rating'; rating: number }
  | { kind: 'text'; text: string };

/** NUL and other C0 controls except tab and newlines never belong in a form text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** An HTML tag or comment: refused in public texts (they are escaped anyway, never rendered as markup). */
const MARKUP = /<\s*[/!]?\s*[a-zA-Z][^>]*>|<!--/;

/** Why a text typed in a public or staff form is refused (null: acceptable). */
export function textProblem(label: string, text: string, max: number): string | null {
  if (CONTROL_CHARS.test(text)) return `${label}含有不可见的控制字符，请删除后重新提交`;
  if (MARKUP.test(text)) return `${label}不能包含网页代码（如 <script>），请改为纯文字`;
  if ([...text].length > max) return `${label}不能超过 ${max} 个字`;
  return null;
}

const splitLines = (v: unknown): string[] =>
  String(v ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const optionalInt = (v: unknown): number | null | 'bad' => {
  const s = String(v ?? '').trim();
  if (s === '') return null;
  return /^\d{1,4}$/.test(s) ? Number(s) : 'bad';
};

/**
 * Parses and checks the staff form of one question (fields kind, title, help, required, options one per
 * line, minChoices, maxChoices, maxLength). Every problem is returned, each naming its field.
 */
export function parseQuestion(
  fields: Record<string, unknown>,
): { ok: true; value: QuestionInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string | null) => {
    if (message) problems.push({ field, message });
  };
  const kind = String(fields.kind ?? '') as QuestionKind;
  if (!QUESTION_KINDS.includes(kind)) add('kind', '请选择题型');
  const title = String(fields.title ?? '').trim();
  if (!title) add('title', '请填写题目');
  else add('title', textProblem('题目', title, MAX_TITLE_LENGTH));
  const help = String(fields.help ?? '').trim();
  add('help', textProblem('填写说明', help, MAX_TITLE_LENGTH));
  const options = splitLines(fields.options);
  const min = optionalInt(fields.minChoices);
  const max = optionalInt(fields.maxChoices);
  const maxLength = optionalInt(fields.maxLength);
  if (kind === 'single' || kind === 'multiple') {
    if (options.length < 2) add('options', '选择题至少需要 2 个选项（每行一个）');
    if (options.length > MAX_OPTIONS) add('options', `选项不能超过 ${MAX_OPTIONS} 个`);
    if (new Set(options).size !== options.length) add('options', '选项不能重复');
    for (const o of options) {
      const p = textProblem('选项', o, MAX_OPTION_LENGTH);
      if (p) {
        add('options', p);
        break;
      }
    }
  }
  if (kind === 'rating' && options.length !== 0 && options.length !== RATING_POINTS)
    add('options', `评分题的刻度说明须为 ${RATING_POINTS} 行（从 1 分到 5 分），或留空使用默认说明`);
  if (kind === 'multiple') {
    if (min === 'bad') add('minChoices', '最少选择项数须为整数');
    if (max === 'bad') add('maxChoices', '最多选择项数须为整数');
    if (typeof min === 'number' && (min < 1 || min > options.length))
      add('minChoices', `最少选择项数须在 1 到 ${options.length} 之间`);
    if (typeof max === 'number' && (max < 1 || max > options.length))
      add('maxChoices', `最多选择项数须在 1 到 ${options.length} 之间`);
    if (typeof min === 'number' && typeof max === 'number' && min > max)
      add('maxChoices', '最多选择项数不能小于最少选择项数');
  }
  if (
    kind === 'text' &&
    (maxLength === 'bad' || (maxLength !== null && (maxLength < 1 || maxLength > MAX_TEXT_ANSWER)))
  )
    add('maxLength', `字数上限须为 1 到 ${MAX_TEXT_ANSWER} 之间的整数`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      kind,
      title,
      help,
      required: fields.required === '1' || fields.required === 'on',
      options:
        kind === 'text'
          ? []
          : kind === 'rating' && options.length === 0
            ? [...DEFAULT_RATING_LABELS]
            : options,
      minChoices: kind === 'multiple' && typeof min === 'number' ? min : null,
      maxChoices: kind === 'multiple' && typeof max === 'number' ? max : null,
      maxLength: kind === 'text' ? (typeof maxLength === 'number' ? maxLength : DEFAULT_TEXT_ANSWER) : null,
    },
  };
}

/** The form field of a question's answer (its first input's id is `f-<name>`). */
export const answerField = (q: Pick<Question, 'id'>) => `q${q.id}`;

const asList = (v: unknown): string[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)];

/** Why one question's answer is refused (null: fine), and the parsed answer when there is one. */
function parseOne(
  q: Question,
  raw: unknown,
  label: string,
): { answer: Answer | null; problem: string | null } {
  const given = asList(raw).filter((s) => s.trim() !== '');
  if (q.kind === 'text') {
    const text = (given[0] ?? '').trim();
    if (!text) return { answer: null, problem: q.required ? `请回答${label}` : null };
    const problem = textProblem(`${label}的回答`, text, q.maxLength ?? DEFAULT_TEXT_ANSWER);
    return problem ? { answer: null, problem } : { answer: { kind: 'text', text }, problem: null };
  }
  if (given.length === 0) return { answer: null, problem: q.required ? `请回答${label}` : null };
  if (q.kind === 'rating') {
    const r = Number(given[0]);
    if (given.length !== 1 || !Number.isInteger(r) || r < 1 || r > RATING_POINTS)
      return { answer: null, problem: `${label}请选择 1 到 ${RATING_POINTS} 分` };
    return { answer: { kind: 'rating', rating: r }, problem: null };
  }
  const idx = given.map(Number);
  if (
    idx.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length) ||
    new Set(idx).size !== idx.length
  )
    return { answer: null, problem: `${label}的选项无效，请重新选择` };
  if (q.kind === 'single' && idx.length !== 1) return { answer: null, problem: `${label}只能选择一项` };
  if (q.kind === 'multiple') {
    if (q.minChoices !== null && idx.length < q.minChoices)
      return { answer: null, problem: `${label}至少选择 ${q.minChoices} 项` };
    if (q.maxChoices !== null && idx.length > q.maxChoices)
      return { answer: null, problem: `${label}最多选择 ${q.maxChoices} 项` };
  }
  return { answer: { kind: 'choice', options: idx.sort((a, b) => a - b) }, problem: null };
}

/** 第 3 题「……」: how a message names its question. */
export function questionLabel(q: Pick<Question, 'title'>, index: number): string {
  return `第 ${index + 1} 题「${q.title}」`;
}

/**
 * Checks a submitted questionnaire against its questions: every problem named with its question (field
 * `q<id>`), or the answers by question id (unanswered optional questions are absent).
 */
export function parseAnswers(
  questions: readonly Question[],
  fields: Record<string, unknown>,
): { ok: true; answers: Map<number, Answer> } | { ok: false; problems: FieldProblem[] } {
  const answers = new Map<number, Answer>();
  const problems: FieldProblem[] = [];
  questions.forEach((q, i) => {
    const { answer, problem } = parseOne(q, fields[answerField(q)], questionLabel(q, i));
    if (problem) problems.push({ field: answerField(q), message: problem });
    else if (answer) answers.set(q.id, answer);
  });
  return problems.length ? { ok: false, problems } : { ok: true, answers };
}
