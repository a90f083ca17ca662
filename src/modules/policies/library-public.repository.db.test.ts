/** The public library's queries on a real database: published only, filters, subtree, 在某日有效. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUnit } from '../../../test/support/factories.ts';
import { publishPolicy, recordEvent } from '../../../test/support/library-entries.ts';
import { buildStaff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { type LibraryPublicService, parseLibraryQuery } from './library-public.service.ts';

describe(`public library queries on ${ENGINE}`, () => {
  let app: TestApp;
  let lib: LibraryPublicService;
  let units: Unit[];
  let county: Unit;
  let dept: Unit;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp(); // today is 2026-03-02
    lib = app.policies.library;
    const c = await buildCounty(app);
    county = c.county;
    dept = c.dept;
    const town = await buildUnit(app, county, { kind: 'township', name: '测试镇人民政府' });
    const [cs, ds, os, ts] = await Promise.all([county, dept, c.other, town].map((u) => buildStaff(app, u)));
    ids.a = await publishPolicy(app, county, cs!, {
      title: '关于促进就业的若干措施',
      docNumber: '张政规〔2024〕1号',
      registrationNumber: 'HHCR-2024-01001',
      publishedOn: '2024-01-10',
      effectiveOn: '2024-02-01',
      topicId: 2,
    });
    ids.c = await publishPolicy(app, dept, ds!, {
      title: '关于废止部分规范性文件的决定',
      docNumber: '张发改规〔2025〕9号',
      publishedOn: '2025-11-20',
      effectiveOn: '2025-11-20',
    });
    ids.b = await publishPolicy(app, dept, ds!, {
      title: '价格监测工作规定',
      docNumber: '张发改规〔2025〕2号',
      publishedOn: '2025-03-01',
      effectiveOn: '2025-03-01',
    });
    await recordEvent(app, ids.b, { type: 'repealed', occursOn: '2025-12-01', sourceDocumentId: ids.c });
    ids.d = await publishPolicy(app, c.other, os!, {
      kind: 'regulation',
      title: '城市管理办法',
      docNumber: '张财规〔2023〕1号',
      publishedOn: '2023-05-01',
      effectiveOn: '2023-05-01',
      expiresOn: '2025-05-01',
    });
    ids.e = await publishPolicy(app, town, ts!, {
      kind: 'policy',
      title: '镇村环境整治方案',
      publishedOn: '2026-02-01',
      effectiveOn: '2026-04-01',
    });
    ids.gone = await publishPolicy(app, dept, ds!, { title: '已撤回的规定', publishedOn: '2025-01-01' });
    await app.publishing.review.withdraw(ds!.reviewer, ids.gone, { reason: 'expired' });
    units = await app.units.activeUnits();
  });
  afterAll(async () => {
    await app?.destroy();
  });

  const list = async (raw: Record<string, string>, base: Unit | null = null) => {
    const q = parseLibraryQuery(raw);
    const f = lib.sqlFilters(q, base, units);
    return { q, r: await lib.list(q, f, 1, 50) };
  };
  const idsOf = (r: { items: { document_id: number }[] }) => r.items.map((i) => i.document_id);

  it('lists published entries of every unit, newest 公布 first, never a withdrawn one, with state counts', async () => {
    const { r } = await list({});
    expect(idsOf(r)).toEqual([ids.e, ids.c, ids.b, ids.a, ids.d]);
    expect(r.counts).toEqual({ in_force: 2, repealed: 1, expired: 1, not_yet_effective: 1 });
    expect(await lib.entry(ids.gone!)).toBeUndefined();
  });

  it('aggregates a county with its departments and townships; a department shows only its own', async () => {
    expect(idsOf((await list({}, county)).r).sort()).toEqual([ids.a, ids.b, ids.c, ids.d, ids.e].sort());
    expect(idsOf((await list({}, dept)).r)).toEqual([ids.c, ids.b]);
    expect(idsOf((await list({ unit: String(dept.id) }, county)).r)).toEqual([ids.c, ids.b]);
    const outside = await list({ unit: String(county.id) }, dept);
    expect(outside.q.problems.map((p) => p.field)).toEqual(['unit']);
    expect(idsOf(outside.r)).toEqual([ids.c, ids.b]);
  });

  it('filters by kind, state, issuer, year, topic and 文号 (any bracket form, or a part)', async () => {
    expect(idsOf((await list({ kind: 'regulation' })).r)).toEqual([ids.d]);
    expect(idsOf((await list({ state: 'repealed' })).r)).toEqual([ids.b]);
    expect(idsOf((await list({ issuer: dept.name.slice(3, 8) })).r)).toEqual([ids.c, ids.b]);
    expect(idsOf((await list({ year: '2025' })).r)).toEqual([ids.c, ids.b]);
    expect(idsOf((await list({ topic: '2' })).r)).toEqual([ids.a]);
    expect(idsOf((await list({ docNumber: '张政规[2024]1号' })).r)).toEqual([ids.a]);
    expect(idsOf((await list({ docNumber: '张政规（2024）第1号' })).r)).toEqual([ids.a]);
    expect(idsOf((await list({ docNumber: '发改规' })).r)).toEqual([ids.c, ids.b]);
    expect(idsOf((await list({ docNumber: '100%_' })).r)).toEqual([]);
  });

  it('在某日有效: the entries in force on that day, derived from their dates and events', async () => {
    // 2025-04-01: A in force, B in force, D not yet expired; C not yet published, E not yet effective.
    expect(idsOf((await list({ asOf: '2025-04-01' })).r)).toEqual([ids.b, ids.a, ids.d]);
    // 2025-06-01: D expired (有效期至 2025-05-01).
    expect(idsOf((await list({ asOf: '2025-06-01' })).r)).toEqual([ids.b, ids.a]);
    // 2026-01-01: B repealed on 2025-12-01; C in force.
    const r = (await list({ asOf: '2026-01-01' })).r;
    expect(idsOf(r)).toEqual([ids.c, ids.a]);
    expect(r.counts).toEqual({ in_force: 2 });
    expect(idsOf((await list({ asOf: '2026-01-01' }, dept)).r)).toEqual([ids.c]);
  });

  it('refuses bad filter values by name, ignores them and keeps what was typed', async () => {
    const { q, r } = await list({
      asOf: '2026-13-01',
      year: '20x5',
      kind: 'law',
      state: 'maybe',
      topic: '-1',
    });
    expect(q.problems.map((p) => p.field).sort()).toEqual(['asOf', 'kind', 'state', 'topic', 'year']);
    expect(q.problems.find((p) => p.field === 'asOf')?.message).toContain('在某日有效');
    expect(q.values).toMatchObject({ asOf: '2026-13-01', year: '20x5', kind: 'law' });
    expect(r.total).toBe(5);
  });

  it('gives an entry its standing history with the source document when it is published', async () => {
    const found = await lib.entry(ids.b!);
    expect(found?.entry).toMatchObject({ state: 'repealed', state_since: '2025-12-01' });
    expect(found?.history).toEqual([
      expect.objectContaining({
        event_type: 'repealed',
        occurs_on: '2025-12-01',
        source_document_id: ids.c,
        source_public_title: '关于废止部分规范性文件的决定',
      }),
    ]);
    const changes = await lib.repo.recentChanges(dept.path, ['normative'], 10);
    expect(changes.map((c) => [c.document_id, c.event_type])).toEqual([[ids.b, 'repealed']]);
  });
});
