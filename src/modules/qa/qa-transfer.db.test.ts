/**
 * 问答库 transfers on a real database: the 12345 exchange round trip (export → import into a fresh site →
 * the same items), and the xlsx template import (per-row problems naming row and column, nothing stored;
 * a good file previewed, then imported in one transaction as 待审核 — never published).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../../../test/support/factories.ts';
import { buildStaff, publishDocument } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { ExchangeItem } from './qa-transfer.service.ts';

/** A site with the county, its staff and the document the entries cite. */
async function site() {
  const app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
  const unit = await buildUnit(app, null, { name: '测试县人民政府' });
  const staff = await buildStaff(app, unit);
  await publishDocument(app.publishing, unit, staff, { docNumber: '张政办发〔2026〕3号', validity: 'valid' });
  const clerk = (await buildUser(app, unit, ['clerk'])).ctx;
  const reviewer = (await buildUser(app, unit, ['reviewer'])).ctx;
  const admin = (await buildUser(app, unit, ['disclosure_admin'])).ctx;
  const publishAll = async () => {
    for (const e of await app.db.selectFrom('qa_entries').select(['id', 'state']).execute()) {
      if (e.state === 'draft') await app.qa.entryService.run(admin, e.id, 'submit');
      if (e.state !== 'published') await app.qa.entryService.run(reviewer, e.id, 'publish');
    }
  };
  return { app, unit, clerk, reviewer, admin, publishAll };
}
const strip = (items: ExchangeItem[]) => items.map(({ updatedAt: _u, ...rest }) => rest);

describe(`问答库 transfers on ${ENGINE}`, () => {
  let a: Awaited<ReturnType<typeof site>>;
  let b: Awaited<ReturnType<typeof site>>;
  let clerk: CallContext;

  beforeAll(async () => {
    a = await site();
    b = await site();
    clerk = a.clerk;
    const create = (fields: Record<string, unknown>) =>
      a.app.qa.entryService.create(clerk, { unitId: String(a.unit.id), ...fields });
    await create({
      question: '低保怎么申请？',
      altQuestions: '低保去哪办\n申请低保要什么材料',
      answer: '向户籍所在地乡镇人民政府提出书面申请。',
      topicId: '16',
      audiences: ['individual'],
      region: '测试县',
      validUntil: '2027-12-31',
      s0_doc: '张政办发〔2026〕3号',
      s0_article: '第十条第二款',
      s1_title: '社会救助暂行办法',
      s1_number: '国务院令第649号',
      s1_article: '第十一条',
    });
    await create({
      question: '小微企业有什么税收优惠？',
      answer: '按国家规定享受减免。',
      audiences: ['enterprise'],
      s0_title: '财政部 税务总局公告',
    });
    await a.publishAll();
  }, 120_000);
  afterAll(async () => {
    await a?.app.destroy();
    await b?.app.destroy();
  });

  it('exports published entries as JSON and imports them into a fresh site as the same items', async () => {
    const json = await a.app.qa.transfer.exchangeJson(a.admin);
    const doc = JSON.parse(json);
    expect(doc.format).toBe('gongkai-knowledge/1');
    expect(doc.items[0]).toMatchObject({
      title: '低保怎么申请？',
      category: '民政、扶贫、救灾',
      source:
        '《关于做好2026年农村低保工作的通知》（张政办发〔2026〕3号）第十条第二款；《社会救助暂行办法》（国务院令第649号）第十一条',
      unit: '测试县人民政府',
      audiences: ['个人'],
      altQuestions: ['低保去哪办', '申请低保要什么材料'],
    });
    const r = await b.app.qa.transfer.importExchange(b.admin, 'items.json', Buffer.from(json));
    expect(r).toEqual({ created: 2, updated: 0 });
    const states = await b.app.db
      .selectFrom('qa_entries')
      .select(['state', 'origin', 'external_id'])
      .execute();
    expect(states.every((s) => s.state === 'draft' && s.origin === 'exchange')).toBe(true);
    await b.publishAll();
    expect(strip(await b.app.qa.transfer.exchangeItems(b.admin))).toEqual(strip(doc.items));
    // The platform document was recognised on the fresh site: cited as a document, not as text.
    const src = await b.app.db
      .selectFrom('qa_entry_sources')
      .select(['document_id'])
      .where('position', '=', 1)
      .execute();
    expect(src.filter((s) => s.document_id !== null)).toHaveLength(1);
    // Sent back with a change: the published entry gets a revision (draft); the public text stays.
    doc.items[0].content = '热线更新后的答复。';
    const again = await b.app.qa.transfer.importExchange(
      b.admin,
      'items.json',
      Buffer.from(JSON.stringify(doc)),
    );
    expect(again).toEqual({ created: 0, updated: 2 });
    const rev = await b.app.db
      .selectFrom('qa_entries')
      .select(['answer', 'revision_of', 'state'])
      .where('revision_of', 'is not', null)
      .execute();
    expect(rev.map((x) => x.state)).toEqual(['draft', 'draft']);
    expect(rev.some((x) => x.answer === '热线更新后的答复。')).toBe(true);
  });

  it('refuses a broken exchange file with a clear message', async () => {
    await expect(b.app.qa.transfer.importExchange(b.admin, 'x.json', Buffer.from('{'))).rejects.toMatchObject(
      {
        problems: [{ message: '交换文件：不是有效的 JSON' }],
      },
    );
    const bad = {
      format: 'gongkai-knowledge/1',
      items: [{ id: 'X1', title: '', content: '答复', unit: '不存在的单位' }],
    };
    await expect(
      b.app.qa.transfer.importExchange(b.admin, 'x.json', Buffer.from(JSON.stringify(bad))),
    ).rejects.toMatchObject({
      problems: [{ message: '第 1 条（知识编号 X1）「责任单位」：没有您可导入的单位“不存在的单位”' }],
    });
  });

  it('previews an xlsx import with per-row problems, then imports a good file as 待审核 in one go', async () => {
    const file = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('政策问答库');
      ws.addRow(['所属单位', '问题', '答复内容', '依据']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const before = (await b.app.db.selectFrom('qa_entries').select('id').execute()).length;
    const bad = await b.app.qa.transfer.preview(
      b.admin,
      'q.xlsx',
      await file([
        ['测试县人民政府', '公租房怎么申请', '', '张政办发〔2026〕3号|十条'],
        ['其他县', '医保怎么交', '按年缴纳。', ''],
      ]),
    );
    expect(bad.token).toBeNull();
    expect(bad.problems).toEqual([
      '第 2 行「答复内容」：请填写答复内容',
      '第 2 行「依据」：第 1 项依据的条款应写作“第X条”，可加“第X款”“第X项”，例如 第二十条、第3条第二款',
      '第 3 行「所属单位」：没有您可导入的单位“其他县”',
    ]);
    await expect(
      b.app.qa.transfer.preview(b.admin, 'q.xlsx', Buffer.from('not a spreadsheet')),
    ).rejects.toMatchObject({
      code: 'validation',
    });
    const good = await b.app.qa.transfer.preview(
      b.admin,
      'q.xlsx',
      await file([['测试县人民政府', '公租房怎么申请', '向住建局申请。', '张政办发〔2026〕3号|第十条']]),
    );
    expect(good.problems).toEqual([]);
    expect(await b.app.qa.transfer.confirm(b.admin, good.token!, 'in_review')).toBe(1);
    await expect(b.app.qa.transfer.confirm(b.admin, `${good.token!}x`, 'draft')).rejects.toMatchObject({
      code: 'validation',
    });
    const rows = await b.app.db
      .selectFrom('qa_entries')
      .select(['state', 'origin'])
      .where('origin', '=', 'import')
      .execute();
    expect(rows).toEqual([{ state: 'in_review', origin: 'import' }]);
    expect((await b.app.db.selectFrom('qa_entries').select('id').execute()).length).toBe(before + 1);
    const xlsx = await b.app.qa.transfer.exportXlsx(b.admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).values).toContain('依据');
  });
});
