/** The JSON shape of GET /api/v1/answers (documented in answers.openapi.ts). */
import type { AnswerItem, AnswerResult, Citation } from './answer.model.ts';

const presentCitation = (c: Citation) => ({
  documentId: c.documentId,
  title: c.title,
  docNumber: c.docNumber,
  article: c.article,
  validity: { state: c.validity.state, label: c.validity.label, inForce: c.validity.inForce },
  url: c.href,
});

const presentItem = (i: AnswerItem) =>
  i.kind === 'entry'
    ? {
        kind: 'entry' as const,
        id: i.entryId,
        question: i.question,
        answer: i.answerShort,
        stale: i.stale,
        url: i.href,
        score: i.score,
        citations: i.citations.map(presentCitation),
      }
    : {
        kind: 'passage' as const,
        documentId: i.documentId,
        title: i.title,
        docNumber: i.docNumber,
        article: i.article,
        excerpt: i.excerpt,
        url: i.href,
        score: i.score,
        citations: i.citations.map(presentCitation),
      };

export function presentAnswer(r: AnswerResult) {
  return {
    question: r.question,
    truncated: r.truncated,
    asOf: r.asOf,
    answered: r.answered,
    message: r.answered ? null : '暂未找到能可靠回答这个问题的内容，可将问题转交有关单位（/ask）',
    data: r.items.map(presentItem),
    history: r.history.map(presentItem),
  };
}
