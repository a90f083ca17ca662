/** Migration 0030 rebuilds the search index of published documents with the bigram tokenizer. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/db/dialect.ts';
import { up } from '../../src/db/migrations/0030-search-bigrams.ts';
import { buildCounty, buildUser } from '../support/factories.ts';
import { publishDocument, publishingFor } from '../support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`0030 search bigrams on ${ENGINE}`, () => {
  let app: TestApp;
  let id: number;

  beforeAll(async () => {
    app = await createTestApp();
    const { county } = await buildCounty(app);
    const staff = {
      clerk: (await buildUser(app, county, ['clerk'])).ctx,
      confidentiality: (await buildUser(app, county, ['confidentiality_reviewer'])).ctx,
      reviewer: (await buildUser(app, county, ['reviewer'])).ctx,
    };
    id = await publishDocument(publishingFor(app), county, staff, {
      title: '关于优化营商环境的通知',
      bodyHtml: '<p>持续优化营商环境。</p>',
      keywords: '',
      summary: '优化营商环境',
      docNumber: '',
    });
  });
  afterAll(async () => app.destroy());

  const found = async (q: string) => (await app.publishing.search.search({ q })).hits.map((h) => h.id);

  it('replaces word tokens written before it, so a word inside a longer word is found', async () => {
    // The index as the jieba-word tokenizer wrote it: 优化营商环境 was one word.
    const old = '关于 优化营商环境 通知 持续 优化营商环境';
    if (isPostgres(app.db))
      await sql`update document_search set tsv = to_tsvector('simple', ${old}) where document_id = ${id}`.execute(
        app.db,
      );
    else await sql`update document_fts set tokens = ${old} where rowid = ${id}`.execute(app.db);
    expect(await found('营商环境')).toEqual([]);
    await up(app.db);
    expect(await found('营商环境')).toEqual([id]);
    expect(await found('优化营商环境')).toEqual([id]);
  });
});
