/**
 * The letter workflow on both engines: route → draft → submit → review (退回 / 发送) → rate → follow-up,
 * each event with its timeline row and audit record; refusals with their Chinese reasons; the clock
 * across a transfer (not reset unless the setting says so), 简单咨询 and the follow-up's round 2, and over
 * the 国庆 holidays with the 调休 Saturday.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { buildChannel, letterForm } from '../../../test/support/letters.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { ANONYMOUS, NO_REQUEST } from '../../lib/actor.ts';
import { isAppError } from '../../lib/errors.ts';
import { TRANSFER_RESETS_CLOCK } from './letter-settings.ts';

const PUBLIC = { actor: ANONYMOUS, meta: NO_REQUEST };
const DAY = 24 * 3600_000;

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e))
      return { code: e.code, message: [e.message, ...e.problems.map((x) => x.message)].join('；') };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe(`letter workflow on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Unit;
  let dept: Unit;
  let other: Unit;

  const setUp = async (now?: string) => {
    app = await createTestApp(now ? { now } : {});
    ({ county, dept, other } = await buildCounty(app));
    const office = await buildUser(app, county, ['disclosure_admin']);
    const clerk = await buildUser(app, dept, ['clerk']);
    const reviewer = await buildUser(app, dept, ['reviewer']);
    const box = await buildChannel(app, office.ctx, county);
    const receipt = await app.letters.letters.submit(PUBLIC, box.id, letterForm(app));
    const t = app.letters.transitions;
    return { office, clerk, reviewer, box, receipt, t };
  };
  afterEach(async () => app?.destroy());
  const row = async (id: number) => (await app.letters.repo.findById(id))!;
  const kinds = async (id: number) => (await app.letters.repo.events(id)).map((e) => e.kind);
  const audits = async (id: number) =>
    (
      await app.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_type', '=', 'letter')
        .where('target_id', '=', String(id))
        .orderBy('id')
        .execute()
    ).map((a) => a.action);

  it('runs the whole path with a timeline row and an audit record for every event', async () => {
    const { office, clerk, reviewer, receipt, t } = await setUp();
    const id = receipt.id;
    expect((await refusal(t.run(clerk.ctx, id, 'route', { unitId: dept.id }))).code).toBe('forbidden');
    await t.run(office.ctx, id, 'route', { unitId: String(dept.id) });
    expect(await row(id)).toMatchObject({ status: 'assigned', unit_id: dept.id });

    await t.saveDraft(clerk.ctx, id, { body: '停车收费标准已在县发改局网站公开。' });
    expect((await app.letters.repo.currentReply(id, 1))?.status).toBe('draft');
    await t.run(clerk.ctx, id, 'submit_reply', {});
    expect((await row(id)).status).toBe('in_review');

    const noNote = await refusal(t.run(reviewer.ctx, id, 'return_reply', {}));
    expect(noNote.message).toContain('请填写理由');
    await t.run(reviewer.ctx, id, 'return_reply', { reason: '请补充文件的网址' });
    expect(await app.letters.repo.currentReply(id, 1)).toMatchObject({
      status: 'returned',
      review_note: '请补充文件的网址',
    });
    await t.run(clerk.ctx, id, 'submit_reply', { body: '收费标准见县发改局网站“价格公示”栏目。' });
    await t.run(reviewer.ctx, id, 'send_reply', {});
    expect(await row(id)).toMatchObject({ status: 'answered', answered_on: '2026-03-02' });
    expect(await app.letters.repo.currentReply(id, 1)).toMatchObject({
      status: 'sent',
      body: '收费标准见县发改局网站“价格公示”栏目。',
      reviewed_by: reviewer.id,
    });

    await t.runAsWriter(PUBLIC, receipt.reference, receipt.lookupCode, 'rate', { rating: 'satisfied' });
    const again = await refusal(
      t.runAsWriter(PUBLIC, receipt.reference, receipt.lookupCode, 'rate', { rating: 'dissatisfied' }),
    );
    expect(again.message).toContain('您已评价过该答复，每件来信只能评价一次');
    expect((await row(id)).rating).toBe('satisfied');

    expect(await kinds(id)).toEqual([
      'received',
      'routed',
      'reply_submitted',
      'reply_returned',
      'reply_submitted',
      'reply_sent',
      'rated',
    ]);
    expect(await audits(id)).toEqual([
      'letter.receive',
      'letter.route',
      'letter.draft_save',
      'letter.submit_reply',
      'letter.return_reply',
      'letter.submit_reply',
      'letter.send_reply',
      'letter.rate',
    ]);
  });

  it('refuses a reviewer who drafted the reply, and a staff member acting as the writer', async () => {
    const { office, reviewer, receipt, t } = await setUp();
    await t.run(office.ctx, receipt.id, 'route', { unitId: dept.id });
    await t.run(reviewer.ctx, receipt.id, 'submit_reply', { body: '答复内容' });
    const own = await refusal(t.run(reviewer.ctx, receipt.id, 'send_reply', {}));
    expect(own.message).toContain('起草答复的人不能审核自己的答复');
    expect((await refusal(t.run(office.ctx, receipt.id, 'rate', { rating: 'satisfied' }))).message).toContain(
      '只有来信人凭编号和查询码才能执行此操作',
    );
    const wrong = await refusal(
      t.runAsWriter(PUBLIC, receipt.reference, 'WRONGCODE2', 'rate', { rating: 'satisfied' }),
    );
    expect(wrong.message).toContain('编号或查询码不正确');
  });

  it('a follow-up starts round 2 from its day, once; the clock explains it', async () => {
    const { office, clerk, reviewer, receipt, t } = await setUp();
    await t.run(office.ctx, receipt.id, 'route', { unitId: dept.id });
    await t.run(clerk.ctx, receipt.id, 'submit_reply', { body: '第一次答复' });
    await t.run(reviewer.ctx, receipt.id, 'send_reply', {});
    app.clock.advance(4 * DAY); // Friday 2026-03-06
    await t.runAsWriter(PUBLIC, receipt.reference, receipt.lookupCode, 'follow_up', {
      text: '收费标准何时调整？',
    });
    const r = await row(receipt.id);
    expect(r).toMatchObject({
      status: 'assigned',
      clock_started_on: '2026-03-06',
      due_on: '2026-03-13',
      follow_up: '收费标准何时调整？',
    });
    expect((await app.letters.letters.dueOf(r)).lines[0]).toContain('2026-03-06 来信人追问');
    await t.run(clerk.ctx, receipt.id, 'submit_reply', { body: '第二次答复' });
    expect((await app.letters.repo.currentReply(receipt.id, 2))?.body).toBe('第二次答复');
    await t.run(reviewer.ctx, receipt.id, 'send_reply', {});
    const twice = await refusal(
      t.runAsWriter(PUBLIC, receipt.reference, receipt.lookupCode, 'follow_up', { text: '再问' }),
    );
    expect(twice.message).toContain('每件来信只能追问一次');
  });

  it('a transfer keeps the clock (default) or restarts it when the setting says so; a reason is required', async () => {
    const { office, clerk, receipt, t, box } = await setUp();
    await t.run(office.ctx, receipt.id, 'route', { unitId: dept.id });
    app.clock.advance(2 * DAY); // Wednesday 2026-03-04
    const noReason = await refusal(t.run(clerk.ctx, receipt.id, 'transfer', { unitId: other.id }));
    expect(noReason.message).toContain('请填写理由');
    await t.run(clerk.ctx, receipt.id, 'transfer', { unitId: other.id, reason: '属财政局职责' });
    expect(await row(receipt.id)).toMatchObject({
      unit_id: other.id,
      clock_started_on: '2026-03-02',
      due_on: '2026-03-09',
    });
    const ev = (await app.letters.repo.events(receipt.id)).at(-1);
    expect(ev).toMatchObject({
      kind: 'transferred',
      from_unit_id: dept.id,
      to_unit_id: other.id,
      note: '属财政局职责',
    });

    await app.letters.deps.settings.write(
      office.ctx,
      { v: TRANSFER_RESETS_CLOCK },
      { v: true },
      {
        audit: { action: 'settings.update', summary: '转办重新计时' },
      },
    );
    const second = await app.letters.letters.submit(PUBLIC, box.id, letterForm(app));
    await t.run(office.ctx, second.id, 'route', { unitId: dept.id });
    await t.run(clerk.ctx, second.id, 'transfer', { unitId: other.id, reason: '属财政局职责' });
    expect(await row(second.id)).toMatchObject({ clock_started_on: '2026-03-04', due_on: '2026-03-11' });
  });

  it('marking 简单咨询 recomputes the due date from the same start', async () => {
    const { office, clerk, receipt, t } = await setUp();
    await t.run(office.ctx, receipt.id, 'route', { unitId: dept.id });
    app.clock.advance(DAY);
    await t.run(clerk.ctx, receipt.id, 'mark_simple', {});
    expect(await row(receipt.id)).toMatchObject({
      simple: 1,
      due_on: '2026-03-05',
      limit_working_days: 3,
      clock_started_on: '2026-03-02',
    });
    expect((await refusal(t.run(clerk.ctx, receipt.id, 'mark_simple', {}))).message).toContain(
      '已标记为简单咨询',
    );
  });

  it('hand-back needs a reason and returns the letter to the office', async () => {
    const { office, clerk, receipt, t } = await setUp();
    await t.run(office.ctx, receipt.id, 'route', { unitId: dept.id });
    expect((await refusal(t.run(clerk.ctx, receipt.id, 'hand_back', {}))).message).toContain('请填写理由');
    await t.run(clerk.ctx, receipt.id, 'hand_back', { reason: '不属本单位职责' });
    expect(await row(receipt.id)).toMatchObject({ status: 'received', unit_id: null });
  });

  it('closes a duplicate with the earlier 编号; nothing more can be done on a closed letter', async () => {
    const { office, clerk, receipt, t, box } = await setUp();
    const dup = await app.letters.letters.submit(PUBLIC, box.id, letterForm(app));
    const noRef = await refusal(
      t.run(office.ctx, dup.id, 'close', { closeReason: 'duplicate', reason: '重复' }),
    );
    expect(noRef.message).toContain('重复来信请填写此前来信的编号');
    const unknown = await refusal(
      t.run(office.ctx, dup.id, 'close', {
        closeReason: 'duplicate',
        duplicateOf: 'XX2026-000099',
        reason: '重复',
      }),
    );
    expect(unknown.message).toContain('找不到编号为 XX2026-000099 的此前来信');
    await t.run(office.ctx, dup.id, 'close', {
      closeReason: 'duplicate',
      duplicateOf: receipt.reference,
      reason: '与此前来信相同',
    });
    expect(await row(dup.id)).toMatchObject({
      status: 'closed',
      close_reason: 'duplicate',
      duplicate_of: receipt.id,
    });
    const reply = await refusal(t.saveDraft(clerk.ctx, dup.id, { body: '答复' }));
    expect(reply.message).toBe('该来信已关闭，不能答复');
    const submit = await refusal(t.run(clerk.ctx, dup.id, 'submit_reply', { body: '答复' }));
    expect(submit.message).toContain('该来信已关闭，不能提交审核');
  });

  it('counts over the 国庆 holidays and the 调休 Saturday (received 2026-09-30 → due 2026-10-13)', async () => {
    const { receipt } = await setUp('2026-09-30T02:00:00Z');
    expect(receipt.dueOn).toBe('2026-10-13');
    const due = await app.letters.letters.dueOf(await row(receipt.id));
    expect(due.makeupDays).toEqual(['2026-10-10']);
    expect(due.lines.join('\n')).toContain('计入调休上班日：2026-10-10');
  });
});
