/**
 * The unanswered queue on a real database: routing an unrouted question, closing with a reason, and
 * 转入问答库 in one transaction — the entry (origin queue, 待审核, reviewed by someone else), the question
 * promoted, both audit records and the answer e-mailed to the asker — or nothing at all on bad input.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { buildStaff, publishDocument } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';

const MAIL_ENV = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: '示范县 <gk@example.gov.cn>' };

describe(`unanswered queue on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  let unit: Unit;
  let clerk: { ctx: CallContext; username: string };
  let reviewer: CallContext;
  const ask = async (question: string, unitId: number | null, contact: string | null = null) => {
    const now = app.clock.now().toISOString();
    const r = await app.db
      .insertInto('qa_questions')
      .values({
        question,
        unit_id: unitId,
        source: 'ask',
        contact_enc: contact ? new FieldCipher(app.config.dataEncryptionKey).encrypt(contact) : null,
        state: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  };
  const question = (id: number) =>
    app.db.selectFrom('qa_questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const audits = async (action: string) =>
    (await app.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z', env: MAIL_ENV });
    unit = await buildUnit(app, null, { name: '测试县民政局' });
    const staff = await buildStaff(app, unit);
    await publishDocument(app.publishing, unit, staff, { docNumber: '张民发〔2025〕5号', validity: 'valid' });
    const c = await buildUser(app, unit, ['clerk']);
    clerk = { ctx: c.ctx, username: c.username };
    reviewer = (await buildUser(app, unit, ['reviewer'])).ctx;
    server = await startTestServer(app);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('routes an unrouted question and closes another with a reason', async () => {
    const a = await ask('城乡居民医保怎么交', null);
    const b = await ask('广告广告广告', unit.id);
    expect((await app.qa.queue.list(clerk.ctx)).map((q) => q.id)).toEqual([b]);
    expect((await app.qa.queue.list(reviewer)).map((q) => q.id)).toEqual([a, b]);
    await expect(app.qa.queue.route(reviewer, a, { unitId: '' })).rejects.toMatchObject({
      problems: [{ field: 'unitId', message: '请选择承办单位' }],
    });
    await app.qa.queue.route(reviewer, a, { unitId: String(unit.id) });
    expect((await question(a)).unit_id).toBe(unit.id);
    await expect(app.qa.queue.close(clerk.ctx, b, {})).rejects.toMatchObject({
      problems: [{ field: 'closeReason', message: '请选择关闭理由' }],
    });
    await app.qa.queue.close(clerk.ctx, b, { closeReason: 'spam' });
    expect(await question(b)).toMatchObject({ state: 'closed', close_reason: 'spam' });
    expect([await audits('qa.question.route'), await audits('qa.question.close')]).toEqual([1, 1]);
  });

  it('promotes an answer into the 问答库 in one step, reviewed by someone else, and mails the asker', async () => {
    const id = await ask('低保多久能批下来', unit.id, 'asker@example.com');
    // Bad input: nothing changes (no entry, question still open, no mail).
    await expect(
      app.qa.queue.promote(clerk.ctx, id, { answer: '30个工作日。', s0_doc: '不存在的文件' }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect((await question(id)).state).toBe('open');
    expect(await app.db.selectFrom('qa_entries').select('id').execute()).toHaveLength(0);
    const entryId = await app.qa.queue.promote(clerk.ctx, id, {
      question: '低保申请多久能审批？',
      answer: '乡镇人民政府自受理之日起30个工作日内完成审核确认。',
      s0_doc: '张民发〔2025〕5号',
      s0_article: '第十二条',
    });
    const entry = await app.db
      .selectFrom('qa_entries')
      .selectAll()
      .where('id', '=', entryId)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      state: 'in_review',
      origin: 'queue',
      origin_ref: String(id),
      question: '低保申请多久能审批？',
    });
    expect(await question(id)).toMatchObject({ state: 'promoted', entry_id: entryId });
    expect([await audits('qa.entry.create'), await audits('qa.question.promote')]).toEqual([1, 1]);
    const mails = await app.db.selectFrom('mail_outbox').select(['kind', 'recipient_masked']).execute();
    expect(mails).toEqual([
      { kind: 'qa.question.answer', recipient_masked: expect.stringContaining('@example.com') },
    ]);
    await expect(app.qa.entryService.run(clerk.ctx, entryId, 'publish')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await app.qa.entryService.run(reviewer, entryId, 'publish');
    expect((await app.qa.publicEntries.entry(entryId))?.question).toBe('低保申请多久能审批？');
  });

  it('shows the queue and a question to staff, without JavaScript', async () => {
    const id = await ask('残疾人两项补贴标准', unit.id);
    const b = new Browser(server);
    expect((await b.login(clerk.username, PASSWORD)).statusCode).toBe(303);
    const list = await b.get('/admin/qa/questions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('残疾人两项补贴标准');
    const bad = await b.post(
      `/admin/qa/questions/${id}/answer`,
      { answer: '' },
      { csrfFrom: `/admin/qa/questions/${id}` },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写答复内容');
    const ok = await b.post(
      `/admin/qa/questions/${id}/answer`,
      { answerOnly: '按省定标准发放。' },
      { csrfFrom: `/admin/qa/questions/${id}` },
    );
    expect(ok.statusCode).toBe(303);
    expect((await question(id)).state).toBe('answered');
  });
});
