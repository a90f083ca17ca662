/** Composition of the 问答 box inside the qa module: one AnswerService and one AskQuestionService per Qa. */

import { AnswerService } from './answer.service.ts';
import type { EntriesForIndex } from './answer-corpus.ts';
import type { AnswersDeps } from './answers-deps.ts';
import { AskQuestionService } from './ask-question.service.ts';

export interface Answers {
  box: AnswerService;
  questions: AskQuestionService;
}

const built = new WeakMap<object, Answers>();

/** The entries part's index reads, when that part provides them (read structurally). */
function entriesOf(qa: object): EntriesForIndex | undefined {
  const e = (qa as unknown as { entries?: Partial<EntriesForIndex> }).entries;
  return typeof e?.publishedForIndex === 'function' && typeof e.generation === 'function'
    ? (e as EntriesForIndex)
    : undefined;
}

/** The answers of `qa`, built on first use. */
export function answersOf(qa: object, d: AnswersDeps): Answers {
  let a = built.get(qa);
  if (!a) {
    const box = new AnswerService({
      clock: d.clock,
      units: d.units,
      publishing: d.publishing,
      policies: d.policies,
      entries: () => entriesOf(qa),
    });
    a = { box, questions: new AskQuestionService(d, box) };
    built.set(qa, a);
  }
  return a;
}
