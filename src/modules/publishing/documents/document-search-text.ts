/**
 * What the full-text index holds for a document: jieba tokens of title, 发文字号 (with its search key),
 * 发文机关, keywords, 内容概述 and body text (segmenter.ts), read inside the caller's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { htmlToText } from '../checks/html-text.ts';
import { tokensForIndex } from '../search/segmenter.ts';

/** The index text of a document as it stands in `trx`. */
export async function searchTokensOf(trx: Transaction<DB>, id: number): Promise<string> {
  const doc = await trx
    .selectFrom('documents')
    .select(['title', 'doc_number', 'doc_number_key', 'keywords_json', 'summary', 'body_html'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const issuers = await trx
    .selectFrom('document_issuers')
    .select('name')
    .where('document_id', '=', id)
    .execute();
  const keywords = JSON.parse(doc.keywords_json) as string[];
  const text = [
    doc.title,
    doc.doc_number ?? '',
    issuers.map((i) => i.name).join(' '),
    keywords.join(' '),
    doc.summary ?? '',
    htmlToText(doc.body_html),
  ].join('\n');
  return [tokensForIndex(text), doc.doc_number_key ?? ''].join(' ').trim();
}
