/**
 * Publication of replies on the real database: only an answered letter whose writer consented, never a closed
 * one; the reviewer sees the masked texts, edits them and publishes; the public scope shows only what is
 * published; unpublishing needs a reason; every change writes its letter_events row and audit event, and a
 * refused one changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { insertChannel, insertLetter, insertReply } from './letter-outputs.test-support.ts';
import { LetterPublicationService } from './letter-publication.service.ts';

const problems = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (x: unknown) => x,
  )) as { code?: string; problems?: { field: string; message: string }[]; message?: string } | null;
  expect(e).not.toBeNull();
  return {
    code: e?.code,
    text: `${e?.message ?? ''} ${(e?.problems ?? []).map((x) => x.message).join(' ')}`,
  };
};

describe(`publication of replies on ${ENGINE}`, () => {
  let app: TestApp;
  let svc: LetterPublicationService;
  let dept: Unit;
  let other: Unit;
  let reviewer: CallContext;
  let outsider: CallContext;
  let clerk: CallContext;
  let channelId: number;

  const letterRow = (id: number) =>
    app.db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const events = (id: number) =>
    app.db
      .selectFrom('letter_events')
      .select(['kind', 'note'])
      .where('letter_id', '=', id)
      .orderBy('id')
      .execute();
  const audits = (id: number) =>
    app.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('target_type', '=', 'letter')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-09-10T02:00:00Z' });
    ({ dept, other } = await buildCounty(app));
    reviewer = (await buildUser(app, dept, ['reviewer'])).ctx;
    outsider = (await buildUser(app, other, ['reviewer'])).ctx;
    clerk = (await buildUser(app, dept, ['clerk'])).ctx;
    channelId = await insertChannel(app.db, other.id);
    svc = new LetterPublicationService(app).withNames(async () => ['张三']);
  }, 60_000);
  afterAll(async () => app.destroy());

  it('proposes the masked texts and publishes the reviewed version', async () => {
    const id = await insertLetter(app.db, {
      channelId,
      unitId: dept.id,
      title: '张三咨询公租房',
      body: '我是张三，电话13800001234，住人民路12号3栋。',
      followUp: '还需要什么材料？',
    });
    await insertReply(app.db, id, dept.id, { body: '张三您好，请致电0796-8123456咨询。' });
    await insertReply(app.db, id, dept.id, {
      round: 2,
      body: '需要户口簿。',
      sentAt: '2026-09-05T03:00:00.000Z',
    });
    const d = await svc.draft(reviewer, id);
    expect(d.blockers).toEqual([]);
    expect(d.title).toBe('张*咨询公租房');
    expect(d.body).toBe('我是张*，电话138****1234，住人民路**号。\n\n【追问】\n还需要什么材料？');
    expect(d.reply).toBe('张*您好，请致电0796-***3456咨询。\n\n【追问答复】\n需要户口簿。');
    expect(d.found).toMatchObject({ mobile: 1, landline: 1, house: 1, name: 3 });

    await svc.publish(reviewer, id, {
      title: d.title,
      body: `${d.body}（已核）`,
      reply: d.reply,
      revision: d.revision,
    });
    const row = await letterRow(id);
    expect(row.published_at).toBe('2026-09-10T02:00:00.000Z');
    expect(row.public_body).toBe(`${d.body}（已核）`);
    expect(row.body).toContain('13800001234'); // the original stays as it was
    expect(await events(id)).toEqual([{ kind: 'published', note: null }]);
    expect((await audits(id)).map((a) => a.action)).toEqual(['letter.publish']);

    const pub = await svc.findPublished(id);
    expect(pub).toMatchObject({ public_title: '张*咨询公租房', unit_name: dept.name });
    expect(JSON.stringify(pub)).not.toContain('13800001234');
    const list = await svc.listPublished({ page: 1, perPage: 10 });
    expect(list.rows.map((r) => r.id)).toContain(id);
    expect(await svc.recentPublic(5)).toContainEqual({
      title: '张*咨询公租房',
      href: `/letters/replies/${id}`,
      date: '2026-09-10',
      note: `${dept.name}已答复`,
    });
  });

  it('refuses a letter without consent, one not yet answered and a closed one, changing nothing', async () => {
    const noConsent = await insertLetter(app.db, { channelId, unitId: dept.id, consent: false });
    await insertReply(app.db, noConsent, dept.id);
    const open = await insertLetter(app.db, { channelId, unitId: dept.id, status: 'assigned' });
    const closed = await insertLetter(app.db, {
      channelId,
      unitId: dept.id,
      status: 'closed',
      closedAt: '2026-09-02T01:00:00.000Z',
    });
    const input = { title: '标题', body: '内容', reply: '答复', revision: 1 };
    expect((await problems(svc.publish(reviewer, noConsent, input))).text).toContain('来信人未同意公开');
    expect((await problems(svc.publish(reviewer, open, input))).text).toContain('尚未答复');
    expect((await problems(svc.publish(reviewer, closed, input))).text).toContain('已关闭');
    expect((await svc.draft(reviewer, closed)).blockers).toEqual(['该来信已关闭（无效来信），不予公开']);
    for (const id of [noConsent, open, closed]) {
      expect((await letterRow(id)).published_at).toBeNull();
      expect(await events(id)).toEqual([]);
      expect(await audits(id)).toEqual([]);
    }
  });

  it('refuses bad input with field messages, and staff without letter.review on the unit or the box', async () => {
    const id = await insertLetter(app.db, { channelId, unitId: dept.id });
    await insertReply(app.db, id, dept.id);
    const bad = await problems(
      svc.publish(reviewer, id, { title: '', body: 'a\u0000b', reply: 'x'.repeat(30_000), revision: 1 }),
    );
    expect(bad.code).toBe('validation');
    expect(bad.text).toContain('请填写公开标题');
    expect(bad.text).toContain('公开的来信内容不能包含控制字符');
    expect(bad.text).toContain('公开的答复内容不能超过');
    const input = { title: '标题', body: '内容', reply: '答复', revision: 1 };
    expect((await problems(svc.publish(clerk, id, input))).code).toBe('forbidden');
    // The box belongs to `other`: its reviewer (the 政务公开办) may publish; a clerk may not.
    await svc.publish(outsider, id, input);
    expect((await letterRow(id)).published_at).not.toBeNull();
  });

  it('a stale revision is refused; unpublishing needs a reason and hides the letter', async () => {
    const id = await insertLetter(app.db, { channelId, unitId: dept.id });
    await insertReply(app.db, id, dept.id);
    await svc.publish(reviewer, id, { title: '标题', body: '内容', reply: '答复', revision: 1 });
    expect(
      (await problems(svc.publish(reviewer, id, { title: 'x', body: 'y', reply: 'z', revision: 1 }))).code,
    ).toBe('conflict');
    expect((await problems(svc.unpublish(reviewer, id, { reason: ' ', revision: 2 }))).text).toContain(
      '请填写撤下原因',
    );
    await svc.unpublish(reviewer, id, { reason: '来信人要求撤下', revision: 2 });
    expect(await svc.findPublished(id)).toBeUndefined();
    expect(await events(id)).toEqual([
      { kind: 'published', note: null },
      { kind: 'unpublished', note: '来信人要求撤下' },
    ]);
    expect((await audits(id)).map((a) => a.action)).toEqual(['letter.publish', 'letter.unpublish']);
    expect((await problems(svc.unpublish(reviewer, id, { reason: '再次', revision: 3 }))).text).toContain(
      '尚未公开',
    );
  });

  it('the public scope never shows a closed or unconsented letter, even with published_at set', async () => {
    const id = await insertLetter(app.db, { channelId, unitId: dept.id, consent: false });
    await app.db
      .updateTable('letters')
      .set({ published_at: '2026-09-03T00:00:00.000Z', public_title: 't' })
      .where('id', '=', id)
      .execute();
    expect(await svc.findPublished(id)).toBeUndefined();
    const closed = await insertLetter(app.db, { channelId, unitId: dept.id, status: 'closed' });
    await app.db
      .updateTable('letters')
      .set({ published_at: '2026-09-03T00:00:00.000Z', public_title: 't' })
      .where('id', '=', closed)
      .execute();
    expect(await svc.findPublished(closed)).toBeUndefined();
    const { rows } = await svc.listPublished({ page: 1, perPage: 100 });
    expect(rows.map((r) => r.id)).not.toContain(id);
    expect(rows.map((r) => r.id)).not.toContain(closed);
  });
});
