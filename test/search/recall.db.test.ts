/**
 * The search recall set (test/data/search-recall.json): queries as people type them over the demo
 * documents — words inside longer words, abbreviations, 双随机、一公开, numbers and 文号 in any brackets,
 * traditional characters, several words — each with the published documents it must return (by title)
 * and, for some, documents it must not. Runs on both engines through the public search service.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

interface RecallCase {
  q: string;
  kind: string;
  mustInclude: string[];
  mustExclude?: string[];
}

const CASES = JSON.parse(
  readFileSync(new URL('../data/search-recall.json', import.meta.url), 'utf8'),
) as RecallCase[];

/** Pages read per query: every expected document must be among the first 200 results. */
const PAGES = 4;

describe(`search recall set on ${ENGINE}`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {});
  }, 900_000);
  afterAll(async () => {
    await app?.destroy();
  });

  async function titlesFor(q: string): Promise<Set<string>> {
    const titles = new Set<string>();
    for (let page = 1; page <= PAGES; page++) {
      const r = await app.publishing.search.search({ q, page, pageSize: 50 });
      for (const h of r.hits) titles.add(h.title);
      if (page * 50 >= r.total) break;
    }
    return titles;
  }

  it('has queries of every kind the set promises', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('returns every expected document and none of the excluded ones', async () => {
    const published = new Set(
      (await app.db.selectFrom('documents').select('title').where('state', '=', 'published').execute()).map(
        (d) => d.title,
      ),
    );
    const failures: string[] = [];
    for (const c of CASES) {
      for (const t of [...c.mustInclude, ...(c.mustExclude ?? [])])
        if (c.mustInclude.includes(t) && !published.has(t))
          failures.push(`${c.q}: 演示数据中没有已发布的《${t}》`);
      const found = await titlesFor(c.q);
      const missing = c.mustInclude.filter((t) => published.has(t) && !found.has(t));
      const unwanted = (c.mustExclude ?? []).filter((t) => found.has(t));
      if (missing.length) failures.push(`${c.q} [${c.kind}] 漏检: ${missing.join('；')}`);
      if (unwanted.length) failures.push(`${c.q} [${c.kind}] 误检: ${unwanted.join('；')}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
