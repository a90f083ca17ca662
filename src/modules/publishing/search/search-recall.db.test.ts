import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import { publishDocument, publishingFor } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Publishing } from '../publishing.services.ts';

describe(`search recall on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  const ids = { business: 0, project: 0, dibao: 0, words: 0, apart: 0, phrase: 0, article: 0 };

  beforeAll(async () => {
    app = await createTestApp();
    pub = publishingFor(app);
    const { county } = await buildCounty(app);
    const staff = {
      clerk: (await buildUser(app, county, ['clerk'])).ctx,
      confidentiality: (await buildUser(app, county, ['confidentiality_reviewer'])).ctx,
      reviewer: (await buildUser(app, county, ['reviewer'])).ctx,
    };
    const publish = (title: string, bodyHtml: string) =>
      publishDocument(pub, county, staff, { title, bodyHtml, docNumber: '', keywords: '', summary: title });
    ids.business = await publish(
      '关于进一步优化营商环境的若干措施',
      '<p>持续优化營商環境，压缩企业开办时间。</p>',
    );
    ids.project = await publish('2026年重大建设项目清单', '<p>列入重大建设项目的共56个。</p>');
    ids.dibao = await publish('最低生活保障审核确认办法', '<p>申请最低生活保障，以家庭为单位。</p>');
    ids.words = await publish('市场监管工作通知', '<p>推进“双随机、一公开”监管全覆盖。</p>');
    ids.apart = await publish('环境整治与营商服务', '<p>改善人居环境；提升营商服务水平。</p>');
    ids.phrase = await publish('营商环境评价', '<p>开展营商环境评价。</p>');
    ids.article = await publish('实施细则', '<p>依照本细则第3条、第13条的规定执行。</p>');
  });
  afterAll(async () => app.destroy());

  const find = async (q: string) => (await pub.search.search({ q, pageSize: 50 })).hits.map((h) => h.id);

  it('finds a word inside a longer indexed word', async () => {
    expect(await find('营商环境')).toEqual(expect.arrayContaining([ids.business, ids.phrase]));
    expect(await find('营商环境')).not.toContain(ids.apart);
    expect(await find('建设项目')).toEqual([ids.project]);
    expect(await find('营商')).toEqual(expect.arrayContaining([ids.business, ids.apart, ids.phrase]));
  });

  it('matches abbreviations, traditional characters and punctuation-free phrases', async () => {
    expect(await find('低保')).toEqual([ids.dibao]);
    expect(await find('營商環境')).toEqual(expect.arrayContaining([ids.business, ids.phrase]));
    expect(await find('双随机一公开')).toEqual([ids.words]);
    expect(await find('“双随机、一公开”')).toEqual([ids.words]);
    expect(await find('双随机')).toEqual([ids.words]);
  });

  it('keeps numbers with their characters', async () => {
    expect(await find('第3条')).toEqual([ids.article]);
    expect(await find('第13条')).toEqual([ids.article]);
    expect(await find('第4条')).toEqual([]);
    expect(await find('56个')).toEqual([ids.project]);
  });

  it('puts documents with the exact phrase before those with the words apart', async () => {
    const r = await find('营商 环境');
    expect(r).toEqual(expect.arrayContaining([ids.business, ids.apart, ids.phrase]));
    expect(r.indexOf(ids.apart)).toBeGreaterThan(r.indexOf(ids.phrase));
    expect(r.indexOf(ids.apart)).toBeGreaterThan(r.indexOf(ids.business));
  });

  it('highlights the synonym that matched', async () => {
    const r = await pub.search.search({ q: '低保' });
    expect(r.hits[0]!.snippetHtml).toContain('<mark>最低生活保障</mark>');
  });

  it('treats FTS and tsquery syntax as text', async () => {
    for (const q of [
      '营商 OR 低保',
      'NEAR(营商 低保)',
      '"营商',
      "营商' | '低保",
      '营商:*',
      '*',
      '!低保',
      '<->',
    ])
      await expect(find(q), q).resolves.toEqual(expect.any(Array));
    expect(await find('营商 OR 低保')).toEqual([]);
  });
});
