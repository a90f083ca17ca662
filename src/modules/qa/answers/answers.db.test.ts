/**
 * The 问答 box on a small built site (both databases): the valid 审核确认办法 is cited as in force, the
 * repealed 实施办法 never is (only under 历史文件 when asked), an unanswerable question is declined, bad
 * input never fails, the API returns citations, and "send to the unit" files one question with its audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUnit } from '../../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../../test/support/http.ts';
import { formToken } from '../../../../test/support/letters.ts';
import { recordEvent } from '../../../../test/support/library-entries.ts';
import { buildStaff, publishDocument } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import type { AnswerItem } from './answer.model.ts';
import { AnswerService } from './answer.service.ts';
import type { IndexEntry } from './answer-corpus.ts';

const REPEALED = '示范县最低生活保障实施办法';
const VALID = '示范县最低生活保障审核确认办法';
const p = (lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');

describe(`问答 box on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Unit;
  let town: Unit;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const c = await buildCounty(app);
    county = c.county;
    town = await buildUnit(app, county, { kind: 'township', name: '测试镇人民政府' });
    const [cs, ts] = await Promise.all([buildStaff(app, county), buildStaff(app, town)]);
    const normative = (title: string, docNumber: string, publishedOn: string, body: string[]) => ({
      kind: 'normative',
      title,
      docNumber,
      issuers: county.name,
      'meta.registrationNumber': '',
      'meta.interpretationPlan': '由起草单位同步起草文字解读。',
      'meta.publishedOn': publishedOn,
      'meta.effectiveOn': publishedOn,
      bodyHtml: p(body),
    });
    ids.repealed = await publishDocument(
      app.publishing,
      county,
      cs!,
      normative(REPEALED, '示政发〔2022〕1号', '2022-03-03', [
        `${REPEALED}`,
        '第一条 为规范最低生活保障的申请、审核确认和管理，结合本县实际，制定本办法。',
        '第二条 本办法适用于本县行政区域内的最低生活保障的申请、审核确认和管理。',
        '第三条 最低生活保障审核确认由乡镇人民政府负责，县民政局备案。',
      ]),
    );
    ids.valid = await publishDocument(
      app.publishing,
      county,
      cs!,
      normative(VALID, '示政发〔2025〕1号', '2025-05-12', [
        `${VALID}`,
        '第一条 为规范最低生活保障的审核确认，结合本县实际，制定本办法。',
        '第二条 本办法适用于本县行政区域内的最低生活保障的审核确认。',
        '第三条 最低生活保障审核确认实行“县级审核确认、乡镇受理、村级协助”。',
      ]),
    );
    await recordEvent(app, ids.repealed, {
      type: 'repealed',
      occursOn: '2025-06-01',
      sourceDocumentId: ids.valid,
    });
    // A document outside the library, marked 废止 by its own 有效性 mark, in the township.
    ids.marked = await publishDocument(app.publishing, town, ts!, {
      issuers: town.name,
      title: '测试镇农村危房改造补助办法',
      docNumber: '测镇发〔2023〕2号',
      writtenOn: '2023-01-10',
      formedOn: '2023-01-11',
      validity: 'repealed',
      effectiveOn: '2023-02-01',
      repealedOn: '2026-01-01',
      bodyHtml: p(['第一条 农村危房改造补助标准为每户一万元。', '第二条 补助资金由镇财政所发放。']),
    });
  });
  afterAll(async () => {
    await app?.destroy();
  });

  const titlesOf = (items: AnswerItem[]) => items.flatMap((i) => i.citations.map((c) => c.title));

  it('cites the valid 审核确认办法 as in force, with its article, and never the repealed 实施办法', async () => {
    const r = await app.qa.answers.box.ask({ q: '低保由谁审核确认' });
    expect(r.answered).toBe(true);
    const first = r.items[0]!;
    expect(first.citations[0]).toMatchObject({
      title: VALID,
      docNumber: '示政发〔2025〕1号',
      article: expect.stringMatching(/^第[一二三]条$/),
      validity: { inForce: true, label: '现行有效（截至 2026-03-02）', source: 'ledger' },
      href: `/documents/${ids.valid}`,
    });
    expect(titlesOf(r.items)).not.toContain(REPEALED);
    expect(r.items.every((i) => i.citations.every((c) => c.validity.inForce))).toBe(true);
    expect(r.history).toEqual([]);
  });

  it('shows the repealed one only under 历史文件, labelled 已废止 with its date, never as in force', async () => {
    const r = await app.qa.answers.box.ask({ q: '低保由谁审核确认', includeHistory: true });
    const old = r.history.flatMap((i) => i.citations).filter((c) => c.title === REPEALED);
    expect(old.length).toBeGreaterThan(0);
    for (const c of old)
      expect(c.validity).toMatchObject({
        state: 'repealed',
        label: '已废止（2025-06-01 起）',
        inForce: false,
      });
    expect(titlesOf(r.items)).not.toContain(REPEALED);
  });

  it('evaluates validity for the day asked and leaves out what was not yet published then', async () => {
    const later = await app.qa.answers.box.ask({ q: '低保由谁审核确认', asOf: '2026-12-31' });
    expect(later.items[0]?.citations[0]).toMatchObject({
      title: VALID,
      validity: { inForce: true, label: '现行有效（截至 2026-12-31）' },
    });
    // Published on the platform on 2026-03-02 (the test's today): not there the day before.
    const before = await app.qa.answers.box.ask({ q: '低保由谁审核确认', asOf: '2026-03-01' });
    expect(before).toMatchObject({ answered: false, items: [] });
    await expect(app.qa.answers.box.ask({ q: '低保', asOf: '2026-3-1' })).rejects.toMatchObject({
      problems: [{ field: 'asOf', message: '日期应为 YYYY-MM-DD' }],
    });
  });

  it('uses a document’s own 有效性 mark outside the library, and the unit filter covers the subtree only', async () => {
    const r = await app.qa.answers.box.ask({ q: '危房改造补助多少钱', includeHistory: true });
    expect(titlesOf(r.items)).not.toContain('测试镇农村危房改造补助办法');
    expect(r.history[0]?.citations[0]?.validity).toMatchObject({
      state: 'repealed',
      source: 'mark',
      inForce: false,
    });
    const inTown = await app.qa.answers.box.ask({ q: '低保审核确认', unitId: town.id });
    expect(inTown.items).toEqual([]);
    const inCounty = await app.qa.answers.box.ask({ q: '低保审核确认', unitId: county.id });
    expect(inCounty.items.length).toBeGreaterThan(0);
  });

  it('declines what nothing answers, and treats bad input as text', async () => {
    const box = app.qa.answers.box;
    const weather = await box.ask({ q: '明天天气怎么样' });
    expect(weather).toMatchObject({ answered: false, items: [], problem: null });
    expect((await box.ask({ q: '？？！！……' })).problem).toBe('请输入要咨询的问题');
    expect((await box.ask({ q: '' })).problem).toBe('请输入要咨询的问题');
    const long = await box.ask({ q: `低保审核确认${'的'.repeat(3000)}` });
    expect(long).toMatchObject({ truncated: true, answered: true });
    expect([...long.question].length).toBe(300);
    const ops = await box.ask({ q: '"低保" AND NEAR(审核*, 确认) OR <script>x</script>' });
    expect(ops.answered).toBe(true);
  });

  it('answers /ask without JavaScript, escapes markup, and the API returns citations', async () => {
    const server = await startTestServer(app);
    try {
      const b = new Browser(server);
      const empty = await b.get('/ask');
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain('name="q"');
      const page = await b.get(`/ask?q=${encodeURIComponent('低保由谁审核确认<b>x</b>')}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(VALID);
      expect(page.body).toContain('现行有效（截至 2026-03-02）');
      expect(page.body).not.toContain('<b>x</b>');
      const punct = await b.get(`/ask?q=${encodeURIComponent('？！。')}`);
      expect(punct.statusCode).toBe(200);
      expect(punct.body).toContain('请输入要咨询的问题');
      const badUnit = await b.get('/ask?q=低保&unit=abc');
      expect(badUnit.statusCode).toBe(200);
      expect(badUnit.body).toContain('单位：请选择列表中的单位');
      const api = await server.inject({
        method: 'GET',
        url: `/api/v1/answers?q=${encodeURIComponent('低保由谁审核确认')}&limit=3`,
      });
      expect(api.statusCode).toBe(200);
      const body = api.json();
      expect(body.answered).toBe(true);
      expect(body.data.length).toBeLessThanOrEqual(3);
      expect(body.data[0].citations[0]).toMatchObject({ title: VALID, validity: { inForce: true } });
      const bad = await server.inject({ method: 'GET', url: '/api/v1/answers?q=%EF%BC%9F' });
      expect(bad.statusCode).toBe(422);
      const badLimit = await server.inject({ method: 'GET', url: '/api/v1/answers?q=低保&limit=999' });
      expect(badLimit.statusCode).toBe(422);
    } finally {
      await server.close();
    }
  });

  it('sends an unanswered question to the unit: one row, contact encrypted, audited without personal data', async () => {
    const server = await startTestServer(app);
    try {
      const b = new Browser(server);
      const q = '我家的狗走丢了怎么找回';
      const page = await b.get(`/ask?q=${encodeURIComponent(q)}`);
      expect(page.body).toContain('转交有关单位答复');
      const bad = await b.post(
        '/ask/send',
        { ...formToken(app), question: q, toUnit: '99999', contact: 'not-an-email', consent: '' },
        { csrfFrom: `/ask?q=${encodeURIComponent(q)}` },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('单位：请选择列表中的单位');
      expect(bad.body).toContain('联系邮箱：');
      expect(bad.body).toContain('同意：');
      expect(bad.body).toContain(q); // what was typed is kept
      expect(await app.db.selectFrom('qa_questions').select('id').execute()).toEqual([]);
      const ok = await b.post(
        '/ask/send',
        {
          ...formToken(app),
          question: q,
          toUnit: String(town.id),
          contact: 'Asker@Example.COM',
          consent: '1',
        },
        { csrfFrom: `/ask?q=${encodeURIComponent(q)}` },
      );
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain('转交测试镇人民政府');
      const rows = await app.db.selectFrom('qa_questions').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ question: q, unit_id: town.id, source: 'ask', state: 'open' });
      expect(rows[0]!.contact_enc).not.toContain('Asker');
      expect(rows[0]!.contact_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof rows[0]!.best_score).toBe('number');
      const audit = await app.db
        .selectFrom('audit_events')
        .select(['summary', 'after_json'])
        .where('action', '=', 'qa.question.ask')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toMatch(/狗|asker|example/i);
    } finally {
      await server.close();
    }
  });

  it('rebuilds the index when public content changes', async () => {
    const box = app.qa.answers.box;
    const before = await box.corpus();
    expect(await box.corpus()).toBe(before); // same generation: not rebuilt
    const staff = await buildStaff(app, county);
    await publishDocument(app.publishing, county, staff, {
      title: '测试县养犬管理规定',
      docNumber: '测政发〔2026〕9号',
      bodyHtml: p(['第一条 走失犬只可向县公安局城区派出所查询认领。']),
    });
    expect(await box.corpus()).not.toBe(before);
    const r = await box.ask({ q: '犬只走失怎么认领' });
    expect(titlesOf(r.items)).toContain('测试县养犬管理规定');
  });
});

describe(`问答 entries in the box on ${ENGINE}`, () => {
  let app: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    const { county } = await buildCounty(app);
    const staff = await buildStaff(app, county);
    ids.valid = await publishDocument(app.publishing, county, staff, {
      title: VALID,
      docNumber: '示政发〔2025〕1号',
      validity: 'valid',
      bodyHtml: p(['第三条 最低生活保障审核确认实行“县级审核确认、乡镇受理、村级协助”。']),
    });
    ids.repealed = await publishDocument(app.publishing, county, staff, {
      title: REPEALED,
      docNumber: '示政发〔2022〕1号',
      writtenOn: '2022-03-01',
      formedOn: '2022-03-02',
      validity: 'repealed',
      effectiveOn: '2022-03-03',
      repealedOn: '2025-06-01',
      bodyHtml: p(['第五条 残疾人家庭可以单独申请。']),
    });
    ids.county = county.id;
  });
  afterAll(async () => {
    await app?.destroy();
  });

  /** A box over the entries part's reads (stubbed: that part is built beside this one). */
  const boxWith = (read: () => IndexEntry[], generation: () => string = () => '1') =>
    new AnswerService({
      clock: app.clock,
      units: app.units,
      publishing: app.publishing,
      policies: null,
      entries: () => ({ publishedForIndex: async () => read(), generation: async () => generation() }),
    });
  const entry = (over: Partial<IndexEntry>): IndexEntry => ({
    id: 1,
    unitId: ids.county!,
    question: '低保由谁审核确认？',
    altQuestions: ['低保谁来批'],
    answer: '最低生活保障实行县级审核确认、乡镇受理、村级协助。',
    topicId: null,
    audiences: ['individual'],
    stale: false,
    publishedAt: '2026-01-05T02:00:00.000Z',
    sources: [
      {
        documentId: ids.valid!,
        title: VALID,
        docNumber: '示政发〔2025〕1号',
        article: '第三条',
        excerpt: null,
      },
    ],
    ...over,
  });

  it('puts a matching entry first, linking /qa/:id, with its sources as citations (the mark outside the library)', async () => {
    const r = await boxWith(() => [entry({})]).ask({ q: '低保谁来批' });
    expect(r.items[0]).toMatchObject({
      kind: 'entry',
      entryId: 1,
      href: '/qa/1',
      citations: [{ title: VALID, article: '第三条', validity: { inForce: true, source: 'mark' } }],
    });
  });

  it('moves an entry whose only source is repealed to 历史文件, and never indexes one without a source', async () => {
    const repealedOnly = entry({
      id: 2,
      question: '残疾人家庭能单独申请低保吗',
      altQuestions: [],
      stale: true,
      sources: [
        { documentId: ids.repealed!, title: REPEALED, docNumber: null, article: '第五条', excerpt: null },
      ],
    });
    const sourceless = entry({ id: 3, question: '残疾人家庭申请低保要什么', sources: [] });
    const box = boxWith(() => [repealedOnly, sourceless]);
    const r = await box.ask({ q: '残疾人家庭能单独申请低保吗', includeHistory: true });
    expect(r.items.some((i) => i.kind === 'entry')).toBe(false);
    expect(r.history.find((i) => i.kind === 'entry')).toMatchObject({
      entryId: 2,
      stale: true,
      citations: [{ validity: { state: 'repealed', label: '已废止（2025-06-01 起）', inForce: false } }],
    });
    expect((await box.corpus()).entries.has('e:3')).toBe(false);
  });

  it('rebuilds when the entries part reports a new generation', async () => {
    let generation = 'a';
    let list: IndexEntry[] = [];
    const box = boxWith(
      () => list,
      () => generation,
    );
    expect((await box.ask({ q: '低保谁来批' })).items.some((i) => i.kind === 'entry')).toBe(false);
    list = [entry({})];
    expect((await box.ask({ q: '低保谁来批' })).items.some((i) => i.kind === 'entry')).toBe(false);
    generation = 'b';
    expect((await box.ask({ q: '低保谁来批' })).items[0]?.kind).toBe('entry');
  });
});
