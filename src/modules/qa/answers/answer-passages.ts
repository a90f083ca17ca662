/**
 * A published document's text → the passages the 问答 box retrieves and cites: its articles (第X条, found
 * by the consultations module's splitter, which only counts a marker that continues the sequence, so a
 * cross-reference stays in its article), else its paragraphs; any passage longer than PASSAGE_MAX_LENGTH
 * is cut at sentence ends. Pure.
 */
import { splitDraftArticles } from '../../consultations/draft-articles.ts';
import { PASSAGE_MAX_LENGTH } from './answer.model.ts';

export interface PassageText {
  /** 第三条 for a 规章 / 规范性文件 article; null for a preamble or a paragraph. */
  article: string | null;
  text: string;
}

const NUM = '[一二三四五六七八九十百千零〇两\\d]+';
/**
 * An article marker after white space or a sentence end starts a line: texts pasted as one paragraph
 * ("…执行。 第一条 为规范…") are split like texts with one article per paragraph. A marker inside a
 * sentence ("依照本办法第五条规定") follows a character and stays where it is.
 */
const INLINE_ARTICLE = new RegExp(`(^|[\\s\\u3000。；;：:])(第${NUM}条)`, 'g');
const SENTENCE_END = /(?<=[。；;！!？?])/;
/** Fragments shorter than this (a stray date or signature line) answer nothing. */
const MIN_PASSAGE_LENGTH = 4;

/** Cuts `text` at sentence ends into pieces of at most `max` characters (a longer sentence is cut hard). */
export function cutText(text: string, max = PASSAGE_MAX_LENGTH): string[] {
  const out: string[] = [];
  let current = '';
  for (const sentence of text.split(SENTENCE_END)) {
    for (let s = sentence; s !== ''; s = s.slice(max)) {
      const piece = s.slice(0, max);
      if (current.length + piece.length > max && current !== '') {
        out.push(current.trim());
        current = '';
      }
      current += piece;
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** The passages of a document's plain text (one line per paragraph, as htmlToText gives it). */
export function passagesOf(text: string): PassageText[] {
  const lined = text
    .split('\n')
    .map((l) => l.replace(INLINE_ARTICLE, '$1\n$2'))
    .join('\n');
  const split = splitDraftArticles(lined);
  const parts: PassageText[] =
    split.style === 'article'
      ? split.articles
          .filter((a) => !a.number?.endsWith('章') && !a.number?.endsWith('节'))
          .map((a) => ({ article: a.number, text: a.text }))
      : paragraphsOf(split.articles.map((a) => (a.number ? `${a.number}${a.text}` : a.text)).join('\n'));
  return parts.flatMap((p) =>
    cutText(p.text.replace(/\s*\n\s*/g, ' ').trim())
      .filter((t) => t.length >= MIN_PASSAGE_LENGTH)
      .map((t) => ({ article: p.article, text: t })),
  );
}

/** Consecutive short paragraphs joined up to PASSAGE_MAX_LENGTH (a list of one-line items stays one passage). */
function paragraphsOf(text: string): PassageText[] {
  const out: PassageText[] = [];
  let current = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '') continue;
    if (current !== '' && current.length + line.length > PASSAGE_MAX_LENGTH) {
      out.push({ article: null, text: current });
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') out.push({ article: null, text: current });
  return out;
}

/**
 * The passages of a published document: those of its text, or — a document with no usable text (a body
 * that is only an attachment link) — its summary or title, so that every published document stays citable.
 */
export function documentPassages(doc: {
  title: string;
  summary: string | null;
  text: string;
}): PassageText[] {
  const found = passagesOf(doc.text);
  if (found.length) return found;
  const fallback = (doc.summary ?? '').trim() || doc.title;
  return [{ article: null, text: fallback }];
}
