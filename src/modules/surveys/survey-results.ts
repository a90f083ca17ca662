/**
 * Results of a survey from its responses (pure): per question the number who answered (n), counts and
 * shares per option, for ratings the distribution and the mean, for texts the answers. Every figure
 * carries a sentence saying how it was computed, shown under its chart and table.
 */
import { type Answer, type Question, questionLabel, RATING_POINTS } from './survey.model.ts';

export interface ResponseRecord {
  id: number;
  submittedAt: string;
  /** Answers by question id; a skipped optional question is absent. */
  answers: ReadonlyMap<number, Answer>;
}

export interface OptionCount {
  label: string;
  count: number;
  /** Percent of the n who answered the question, one decimal (half up). */
  share: number;
}

interface ResultBase {
  question: Question;
  /** 第 i 题「…」 */
  label: string;
  /** Responses that answered this question. */
  answered: number;
  /** Responses that skipped it (optional questions). */
  skipped: number;
  /** How the figures were computed, in one Chinese sentence. */
  method: string;
}

export type QuestionResult =
  | (ResultBase & { kind: 'single' | 'multiple'; options: OptionCount[] })
  | (ResultBase & { kind: 'rating'; options: OptionCount[]; mean: number | null })
  | (ResultBase & { kind: 'text'; texts: string[] });

export interface SurveyResults {
  /** Every response counted (all submitted responses of the survey). */
  total: number;
  questions: QuestionResult[];
}

/** count / n as a percent with one decimal, half up; 0 when n is 0. */
export function percent(count: number, n: number): number {
  return n === 0 ? 0 : Math.round((count * 1000) / n) / 10;
}

/** The label of rating point `p` (1–5) with its words. */
export const ratingLabel = (q: Question, p: number) => `${p} 分（${q.options[p - 1] ?? ''}）`;

function counted(labels: string[], counts: number[], n: number): OptionCount[] {
  return labels.map((label, i) => ({ label, count: counts[i] ?? 0, share: percent(counts[i] ?? 0, n) }));
}

function resultOf(q: Question, index: number, responses: readonly ResponseRecord[]): QuestionResult {
  const given = responses.map((r) => r.answers.get(q.id)).filter((a): a is Answer => a !== undefined);
  const n = given.length;
  const base = { question: q, label: questionLabel(q, index), answered: n, skipped: responses.length - n };
  const basis = `共 ${responses.length} 份答卷，其中 ${n} 份回答了本题（n = ${n}）`;
  if (q.kind === 'text') {
    const texts = given.flatMap((a) => (a.kind === 'text' ? [a.text] : []));
    return { ...base, kind: 'text', texts, method: `${basis}；按提交先后列出全部回答。` };
  }
  if (q.kind === 'rating') {
    const counts = Array.from({ length: RATING_POINTS }, () => 0);
    let sum = 0;
    for (const a of given)
      if (a.kind === 'rating') {
        counts[a.rating - 1] = (counts[a.rating - 1] ?? 0) + 1;
        sum += a.rating;
      }
    const labels = counts.map((_, i) => ratingLabel(q, i + 1));
    const mean = n === 0 ? null : Math.round((sum * 100) / n) / 100;
    return {
      ...base,
      kind: 'rating',
      options: counted(labels, counts, n),
      mean,
      method: `${basis}；占比 = 选该分值的答卷数 ÷ n，平均分 = 各答卷评分之和 ÷ n（保留两位小数）。`,
    };
  }
  const counts = q.options.map(() => 0);
  for (const a of given) if (a.kind === 'choice') for (const i of a.options) counts[i] = (counts[i] ?? 0) + 1;
  const rule =
    q.kind === 'multiple'
      ? '占比 = 选择该项的答卷数 ÷ n（多选题各项占比之和可超过 100%）'
      : '占比 = 选择该项的答卷数 ÷ n';
  return { ...base, kind: q.kind, options: counted(q.options, counts, n), method: `${basis}；${rule}。` };
}

/** The results of `questions` (in their order) over every response of the survey. */
export function computeResults(
  questions: readonly Question[],
  responses: readonly ResponseRecord[],
): SurveyResults {
  const ordered = [...questions].sort((a, b) => a.position - b.position);
  return { total: responses.length, questions: ordered.map((q, i) => resultOf(q, i, responses)) };
}
