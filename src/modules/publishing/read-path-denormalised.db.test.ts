/**
 * The copies of a document's values on the rows the public read path reads (migration 0013): column
 * placements carry published_at while the document is published; on PostgreSQL the search row carries
 * title, dates, unit, topic and genre. They must follow publish, scheduled publication, correction and
 * withdrawal in the same transaction, and the migration back-fills them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { migrateDown, migrateUp, migrationStatus } from '../../db/migrator.ts';
import type { Unit } from '../../db/schema.ts';
import type { Publishing } from './publishing.services.ts';
import { searchProviderFor } from './search/index.ts';

describe(`denormalised read-path values on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  let columns: number[];
  beforeEach(async () => {
    app = await createTestApp();
    pub = app.publishing;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
    columns = (await pub.columns.listForUnit(county.id)).filter((c) => c.kind === 'list').map((c) => c.id);
  });
  afterEach(async () => app.destroy());

  const placements = async (documentId: number) =>
    app.database.db
      .selectFrom('document_columns')
      .select(['column_id', 'published_at'])
      .where('document_id', '=', documentId)
      .orderBy('column_id')
      .execute();
  const publishedAt = async (id: number) => (await pub.documentRepo.findById(id))!.published_at;
  const recent = async (columnId: number) =>
    (await pub.publicDocuments.recentInColumn(columnId, 10)).map((d) => d.id);
  const found = async (q: string, filters: Record<string, unknown> = {}) =>
    (await pub.search.search({ q, filters, sort: 'date' })).hits.map((h) => h.id);

  it('placements carry published_at from publication, follow a correction and are cleared on withdrawal', async () => {
    const [a, b] = [columns[0]!, columns[1]!];
    const draft = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ columnIds: [String(a)] }),
    );
    expect(await placements(draft.id)).toEqual([{ column_id: a, published_at: null }]);
    await pub.review.submit(staff.clerk, draft.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, draft.id);
    const at = await publishedAt(draft.id);
    expect(at).toBe('2026-03-02T02:00:00.000Z');
    expect(await placements(draft.id)).toEqual([{ column_id: a, published_at: at }]);
    expect(await recent(a)).toEqual([draft.id]);

    // A correction that moves the document to another column keeps its publication time.
    app.clock.set(new Date('2026-03-05T03:00:00Z'));
    await pub.documents.correctPublished(
      staff.reviewer,
      draft.id,
      documentInput({ columnIds: [String(b)] }),
      '栏目有误',
    );
    expect(await placements(draft.id)).toEqual([{ column_id: b, published_at: at }]);
    expect(await recent(a)).toEqual([]);
    expect(await recent(b)).toEqual([draft.id]);
    expect((await pub.publicDocuments.listPublishedInColumn(b, {}, { page: 1, pageSize: 20 })).total).toBe(1);

    await pub.review.withdraw(staff.reviewer, draft.id, { reason: 'publishing_error' });
    expect(await placements(draft.id)).toEqual([{ column_id: b, published_at: null }]);
    expect(await recent(b)).toEqual([]);
  });

  it('a column lists its documents by the publication time on the placement, scheduled ones when due', async () => {
    const a = columns[0]!;
    // Created first (smaller id), published last: the newest despite its id.
    const late = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ title: '较晚发布', columnIds: [String(a)] }),
    );
    const early = await publishDocument(pub, county, staff, { title: '较早发布', columnIds: [String(a)] });
    await pub.review.submit(staff.clerk, late.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, late.id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, late.id, { scheduledAt: '2026-03-03T01:00:00Z' });
    expect(await placements(late.id)).toEqual([{ column_id: a, published_at: null }]);
    expect(await recent(a)).toEqual([early]);

    app.clock.set(new Date('2026-03-03T01:00:00Z'));
    expect(await pub.review.publishDue()).toBe(1);
    expect(await placements(late.id)).toEqual([{ column_id: a, published_at: '2026-03-03T01:00:00.000Z' }]);
    expect(await recent(a)).toEqual([late.id, early]);
    const page = await pub.publicDocuments.listPublishedInColumn(a, {}, { page: 2, pageSize: 1 });
    expect(page.items.map((d) => d.id)).toEqual([early]);
    expect(page.total).toBe(2);
  });

  it('search filters and title order follow a correction of title, topic and genre, and withdrawal', async () => {
    const oldest = await publishDocument(pub, county, staff, {
      title: '关于最低生活保障的报告',
      topicId: '2',
      genre: '报告',
      keywords: '低保',
    });
    const id = await publishDocument(pub, county, staff, {
      title: '关于城乡居民补助的通知',
      topicId: '1',
      genre: '通知',
      keywords: '低保',
    });
    app.clock.set(new Date('2026-03-03T02:00:00Z'));
    const newer = await publishDocument(pub, county, staff, {
      title: '关于社会救助的公告',
      topicId: '1',
      genre: '公告',
      keywords: '低保',
    });
    expect(await found('低保', { topicId: 1, genre: '通知' })).toEqual([id]);
    expect(await found('低保', { unitPath: county.path, year: 2026 })).toEqual([newer, id, oldest]);
    // Beyond the count cap (2 here) the newest 2 matches, by relevance: title hits first.
    const capped = searchProviderFor(app.database.db, 2);
    const byRelevance = async () =>
      (await capped.search({ tokens: ['低保'], filters: {}, sort: 'relevance', limit: 10, offset: 0 })).ids;

    await pub.documents.correctPublished(
      staff.reviewer,
      id,
      documentInput({ title: '关于提高低保标准的意见', topicId: '5', genre: '意见', keywords: '低保' }),
      '标题和分类有误',
    );
    expect(await found('低保', { topicId: 1 })).toEqual([newer]);
    expect(await found('低保', { topicId: 5, genre: '意见' })).toEqual([id]);
    expect(await found('低保', { genre: '通知' })).toEqual([]);
    expect(await byRelevance()).toEqual([id, newer]);

    await pub.review.withdraw(staff.reviewer, id, { reason: 'publishing_error' });
    expect(await found('低保')).toEqual([newer, oldest]);
    expect(await found('低保', { topicId: 5 })).toEqual([]);
  });

  it('migration 0013 back-fills the copies of existing documents (down and up again)', async () => {
    const a = columns[0]!;
    const shown = await publishDocument(pub, county, staff, {
      title: '关于低保资金的通知',
      genre: '通知',
      columnIds: [String(a)],
    });
    const gone = await publishDocument(pub, county, staff, {
      title: '撤回的低保名单',
      columnIds: [String(a)],
    });
    await pub.review.withdraw(staff.reviewer, gone, { reason: 'publishing_error' });
    const draft = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ columnIds: [String(a)] }),
    );

    // Down to before 0013 (and any later migration), then up again.
    const applied = async () =>
      (await migrationStatus(app.database.db)).find((s) => s.name === '0013-read-path-denormalised')
        ?.executedAt;
    while (await applied()) await migrateDown(app.database.db);
    await migrateUp(app.database.db);
    expect(await applied()).toBeTruthy();

    expect(await placements(shown)).toEqual([{ column_id: a, published_at: await publishedAt(shown) }]);
    expect(await placements(gone)).toEqual([{ column_id: a, published_at: null }]);
    expect(await placements(draft.id)).toEqual([{ column_id: a, published_at: null }]);
    expect(await recent(a)).toEqual([shown]);
    expect(await found('低保', { genre: '通知', year: 2026, unitPath: county.path })).toEqual([shown]);
    expect(await found('低保', { year: 2025 })).toEqual([]);
  });
});
