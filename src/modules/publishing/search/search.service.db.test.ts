import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import { publishDocument, publishingFor, type Staff } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import type { Publishing } from '../publishing.services.ts';

describe(`search on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let dept: Unit;
  let other: Unit;
  const ids = { dibao: 0, village: 0, finance: 0, gone: 0 };
  let columnId: number;

  beforeAll(async () => {
    app = await createTestApp();
    pub = publishingFor(app);
    ({ county, dept, other } = await buildCounty(app));
    const staffOf = async (u: Unit): Promise<Staff> => ({
      clerk: (await buildUser(app, u, ['clerk'])).ctx,
      confidentiality: (await buildUser(app, u, ['confidentiality_reviewer'])).ctx,
      reviewer: (await buildUser(app, u, ['reviewer'])).ctx,
    });
    const [sc, sd, so] = [await staffOf(county), await staffOf(dept), await staffOf(other)];
    columnId = (await pub.columns.listForUnit(dept.id)).find((c) => c.template_key === 'art20_11')!.id;
    ids.dibao = await publishDocument(pub, dept, sd, {
      title: '关于提高城乡低保标准的通知',
      docNumber: '张民发〔2025〕7号',
      columnIds: [String(columnId)],
    });
    app.clock.set(new Date('2026-04-01T02:00:00Z'));
    ids.village = await publishDocument(pub, county, sc, {
      title: '全面推进乡村振兴实施意见',
      genre: '意见',
      topicId: '5',
      docNumber: '张政办发〔2022〕14号',
      keywords: '乡村振兴',
      summary: '产业兴旺。',
      bodyHtml: '<p>实施乡村振兴战略，做好<script>x</script>农业工作。</p>',
    });
    ids.finance = await publishDocument(pub, other, so, {
      title: '财政预算公开说明',
      keywords: '预算',
      summary: '预算',
      bodyHtml: '<p>县级预算</p>',
      docNumber: '',
    });
    ids.gone = await publishDocument(pub, other, so, { title: '已撤回的低保名单', keywords: '低保' });
    await pub.review.withdraw(so.reviewer, ids.gone, { reason: 'publishing_error' });
  });
  afterAll(async () => app.destroy());

  const find = async (
    q: string,
    extra: Parameters<Publishing['search']['search']>[0] extends infer R ? Partial<R> : never = {},
  ) => (await pub.search.search({ q, ...extra })).hits.map((h) => h.id);

  it('finds a 2-character word (低保) and never a withdrawn item', async () => {
    expect(await find('低保')).toEqual([ids.dibao]);
  });

  it('finds a 4-character word (乡村振兴) with a highlighted, escaped snippet', async () => {
    const r = await pub.search.search({ q: '乡村振兴' });
    expect(r.hits.map((h) => h.id)).toEqual([ids.village]);
    expect(r.hits[0]!.titleHtml).toContain('<mark>乡村振兴</mark>');
    expect(r.hits[0]!.snippetHtml).toContain('<mark>乡村振兴</mark>');
    expect(r.hits[0]!.snippetHtml).not.toContain('<script');
  });

  it.each(['张政办发〔2022〕14号', '张政办发[2022]14号', '张政办发（2022）第14号', '张政办发 2022年14号'])(
    'finds a document by its 发文字号 typed as %s',
    async (q) => {
      expect(await find(q)).toEqual([ids.village]);
    },
  );

  it('filters by unit subtree, column, 主题分类, 文种 and year', async () => {
    expect((await find('通知 意见 说明 低保', {})).length).toBe(0);
    expect(await find('低保', { filters: { unitPath: county.path } })).toEqual([ids.dibao]);
    expect(await find('低保', { filters: { unitPath: other.path } })).toEqual([]);
    expect(await find('低保', { filters: { columnId } })).toEqual([ids.dibao]);
    expect(await find('乡村振兴', { filters: { topicId: 5 } })).toEqual([ids.village]);
    expect(await find('乡村振兴', { filters: { topicId: 1 } })).toEqual([]);
    expect(await find('乡村振兴', { filters: { genre: '意见' } })).toEqual([ids.village]);
    expect(await find('乡村振兴', { filters: { genre: '通知' } })).toEqual([]);
    expect(await find('低保', { filters: { year: 2026 } })).toEqual([ids.dibao]);
    expect(await find('低保', { filters: { year: 2025 } })).toEqual([]);
  });

  it('sorts by date and pages', async () => {
    const r = await pub.search.search({ q: '通知 说明', sort: 'date' });
    expect(r.total).toBe(0);
    const all = await pub.search.search({ q: '县', sort: 'date', pageSize: 1, page: 1 });
    const second = await pub.search.search({ q: '县', sort: 'date', pageSize: 1, page: 2 });
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.hits[0]!.id).not.toBe(second.hits[0]!.id);
  });

  it('suggests shorter queries when nothing matches, and treats FTS syntax as text', async () => {
    const r = await pub.search.search({ q: '乡村振兴 火星' });
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([{ query: '乡村振兴', total: 1, totalCapped: false }]);
    expect(await find('低保" OR "预算')).toEqual([]);
    expect(await find('NEAR(低保 预算) *')).toEqual([]);
  });

  it('serves the public read scopes with filters and paging', async () => {
    const inColumn = await pub.publicDocuments.listPublishedInColumn(columnId, {}, { page: 1, pageSize: 10 });
    expect(inColumn.items.map((d) => d.id)).toEqual([ids.dibao]);
    const forCounty = await pub.publicDocuments.listPublishedForUnit(
      county.path,
      { year: 2026 },
      { page: 1, pageSize: 10 },
    );
    expect(forCounty.items.map((d) => d.id)).toEqual([ids.finance, ids.village, ids.dibao]);
    const page2 = await pub.publicDocuments.listPublishedForUnit(county.path, {}, { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.items.map((d) => d.id)).toEqual([ids.dibao]);
    expect(
      (
        await pub.publicDocuments.listPublishedForUnit(
          county.path,
          { genre: '意见', topicId: 5 },
          { page: 1, pageSize: 10 },
        )
      ).total,
    ).toBe(1);
    expect((await pub.publicDocuments.latestPublished(1)).map((d) => d.id)).toEqual([ids.finance]);
    const page = await pub.publicDocuments.getPublished(ids.village);
    expect(page).toMatchObject({
      title: '全面推进乡村振兴实施意见',
      topic_name: '农业、林业、水利',
      issuers: ['测试县人民政府办公室'],
    });
    const draft = await pub.documents.createDraft((await buildUser(app, county, ['clerk'])).ctx, county.id, {
      title: '草稿',
      disclosureMode: 'proactive',
    });
    expect(await pub.publicDocuments.getPublished(draft.id)).toBeUndefined();
  });
});
