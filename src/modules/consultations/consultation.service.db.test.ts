/**
 * 意见征集 through the real services on a real database (SQLite and PostgreSQL): the window minimum and
 * its reason, the workflow and the daily job (idempotent), comments (anti-abuse, encryption, refused after
 * closing), moderation, 采纳 with its reasons and groups, the feedback report through 主动公开, and the
 * check that keeps the final policy unpublished until its feedback is published and linked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, SYSTEM } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { issueFormToken } from '../../lib/form-abuse.ts';
import type { Consultations } from './consultations.services.ts';

const DRAFT =
  '某县城市绿化管理办法（征求意见稿）\n第一条 为了加强城市绿化管理，制定本办法。\n第二条 本办法适用于本县城区。\n第三条 本办法自发布之日起施行。';
const input = (over: Record<string, unknown> = {}) => ({
  title: '关于《某县城市绿化管理办法（征求意见稿）》公开征求意见的公告',
  basis: 'rule_draft',
  summary: '',
  draftText: DRAFT,
  opensOn: '2026-03-02',
  closesOn: '2026-04-01',
  shortReason: '',
  ...over,
});

describe(`意见征集 on ${ENGINE}`, () => {
  let app: TestApp;
  let c: Consultations;
  let county: Unit;
  let staff: Staff;
  const audits = async (action: string) =>
    (await app.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;
  const problems = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e) => (e.problems?.length ? e.problems : e.message),
    );
  const at = (day: string) => app.clock.set(new Date(`${day}T02:00:00Z`));
  /** The fields of a person who loaded the form 5 seconds ago. */
  const comment = (over: Record<string, unknown> = {}) => ({
    formStarted: issueFormToken(app.config.SESSION_SECRET, app.clock.now().getTime() - 5_000),
    website: '',
    body: '建议增加古树名木保护的条款。',
    ...over,
  });
  const openOne = async (over: Record<string, unknown> = {}) => {
    const id = await c.service.create(staff.clerk, county.id, input(over));
    await c.service.publish(staff.clerk, id);
    return id;
  };

  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' });
    c = app.consultations;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  it('refuses a window shorter than its basis without a reason, and keeps the reason when given', async () => {
    const short = input({ closesOn: '2026-03-22' });
    expect(await problems(c.service.create(staff.clerk, county.id, short))).toEqual([
      {
        field: 'shortReason',
        message: expect.stringContaining('征集期限为20日，少于规章草案的最短期限30日'),
      },
    ]);
    expect(await app.db.selectFrom('consultations').select('id').execute()).toEqual([]);
    expect(
      await problems(c.service.create(staff.clerk, county.id, input({ closesOn: '2026-03-01', title: '' }))),
    ).toEqual([
      { field: 'title', message: '请填写标题' },
      { field: 'closesOn', message: '截止日期不能早于开始日期' },
    ]);
    const id = await c.service.create(staff.clerk, county.id, { ...short, shortReason: '汛期前须完成修订' });
    expect((await c.service.getForStaff(staff.clerk, id)).row.short_reason).toBe('汛期前须完成修订');
    // 30 days after the opening day is enough; 其他 has no minimum by default.
    expect(
      await c.service.create(staff.clerk, county.id, input({ basis: 'other', closesOn: '2026-03-03' })),
    ).toBeGreaterThan(0);
    expect((await c.service.articles(id)).map((a) => a.number)).toEqual([null, '第一条', '第二条', '第三条']);
  });

  it('publishes, opens and closes by the daily job, idempotently, with audit events', async () => {
    const now = await openOne();
    const later = await c.service.create(
      staff.clerk,
      county.id,
      input({ opensOn: '2026-03-05', closesOn: '2026-04-10' }),
    );
    expect(await c.service.publish(staff.clerk, later)).toBe('scheduled');
    expect(await problems(c.service.publish(staff.clerk, later))).toContain('意见征集当前为“待开始”');
    expect(await problems(c.service.update(staff.clerk, now, input()))).toContain('不能修改草稿');
    expect(await c.service.runDaily('2026-03-05')).toEqual({ opened: 1, closed: 0 });
    expect(await c.service.runDaily('2026-03-05')).toEqual({ opened: 0, closed: 0 });
    expect(await c.service.runDaily('2026-04-01')).toEqual({ opened: 0, closed: 0 });
    expect(await c.service.runDaily('2026-04-02')).toEqual({ opened: 0, closed: 1 });
    expect(await c.service.runDaily('2026-04-02')).toEqual({ opened: 0, closed: 0 });
    expect((await c.service.getForStaff(SYSTEM, now)).row.state).toBe('closed');
    expect((await c.service.getForStaff(SYSTEM, later)).row.state).toBe('open');
    expect([await audits('consultation.publish'), await audits('consultation.schedule')]).toEqual([1, 1]);
    expect([await audits('consultation.open'), await audits('consultation.close')]).toEqual([1, 1]);
    expect((await c.publicView.list()).map((r) => r.id)).toEqual([later, now]);
  });

  it('takes comments (encrypted, masked, anti-abuse), moderates them and refuses them after closing', async () => {
    const id = await openOne();
    const art = (await c.service.articles(id))[2]!;
    expect(await problems(c.comments.submit(SYSTEM, id, comment({ contact: '123', body: '' })))).toEqual([
      { field: 'contact', message: '联系方式：请填写正确的电话号码或电子邮箱' },
      { field: 'body', message: '请填写意见内容' },
    ]);
    expect(await problems(c.comments.submit(SYSTEM, id, comment({ website: 'http://spam' })))).toEqual([
      { field: '_', message: '提交未通过校验，请刷新页面后重新填写' },
    ]);
    expect(await problems(c.comments.submit(SYSTEM, id, comment({ body: 'a\u0000b' })))).toEqual([
      { field: 'body', message: '意见内容含有无法识别的字符，请删除后重新填写' },
    ]);
    const one = await c.comments.submit(
      SYSTEM,
      id,
      comment({
        articleId: String(art.id),
        name: '朱小明',
        contact: '13812345678',
        body: '<script>x</script>第二条应写明城区范围。',
      }),
    );
    const two = await c.comments.submit(SYSTEM, id, comment({ body: '与本办法无关的广告' }));
    const stored = await app.db
      .selectFrom('consultation_comments')
      .selectAll()
      .where('id', '=', one)
      .executeTakeFirstOrThrow();
    expect(stored.name_masked).toBe('朱**');
    expect(`${stored.name_enc}${stored.contact_enc}`).not.toMatch(/朱小明|13812345678/);
    expect(JSON.stringify(await app.db.selectFrom('audit_events').selectAll().execute())).not.toMatch(
      /朱小明|13812345678/,
    );
    expect((await c.publicView.view(id)).comments).toEqual([]);
    // 信息员 cannot moderate; the reason is required.
    expect(await c.comments.moderate(staff.clerk, one, 'show').catch((e) => e.code)).toBe('forbidden');
    expect(await problems(c.comments.moderate(staff.reviewer, two, 'hide', { reason: '' }))).toEqual([
      { field: 'reason', message: '请填写不予显示的理由' },
    ]);
    await c.comments.moderate(staff.reviewer, one, 'show');
    await c.comments.moderate(staff.reviewer, two, 'hide', { reason: '与征集内容无关' });
    expect(await problems(c.comments.moderate(staff.reviewer, two, 'hide', { reason: '再次' }))).toContain(
      '不能不予显示',
    );
    const shown = (await c.publicView.view(id)).comments;
    expect(shown).toEqual([expect.objectContaining({ id: one, articleId: art.id, nameMasked: '朱**' })]);
    expect([await audits('consultation.comment_show'), await audits('consultation.comment_hide')]).toEqual([
      1, 1,
    ]);
    // After the closing day the comment is refused, even before the job has run.
    at('2026-04-02');
    expect(await problems(c.comments.submit(SYSTEM, id, comment()))).toEqual([
      { field: '_', message: '本次意见征集已于 2026-04-01 截止，不再接收意见' },
    ]);
    expect(await app.db.selectFrom('consultation_comments').select('id').execute()).toHaveLength(2);
  });

  it('records 采纳 (reason required, groups), publishes the feedback, and only then the final policy', async () => {
    const id = await openOne();
    const ids = [];
    for (const body of ['意见甲', '意见乙', '意见丙'])
      ids.push(await c.comments.submit(SYSTEM, id, comment({ body, name: '张三丰' })));
    const pending = await c.comments.submit(SYSTEM, id, comment({ body: '未审核的意见' }));
    for (const cid of ids) await c.comments.moderate(staff.reviewer, cid, 'show');
    expect(
      await problems(c.comments.decide(staff.clerk, id, { commentIds: [ids[0]], adoption: 'adopted' })),
    ).toContain('征集截止后');
    at('2026-04-02');
    await c.service.runDaily('2026-04-02');
    expect(
      await problems(
        c.comments.decide(staff.clerk, id, {
          commentIds: [String(ids[0])],
          adoption: 'rejected',
          reason: '',
        }),
      ),
    ).toEqual([{ field: 'reason', message: '部分采纳或未采纳的，请填写理由' }]);
    expect(
      await problems(
        c.comments.decide(staff.clerk, id, { commentIds: [String(pending)], adoption: 'adopted' }),
      ),
    ).toEqual([{ field: 'commentIds', message: '只能对已显示的意见记录采纳情况' }]);
    await c.comments.decide(staff.clerk, id, {
      commentIds: [String(ids[0]), String(ids[1])],
      adoption: 'adopted',
      reason: '',
    });
    expect(await problems(c.feedback.generate(staff.clerk, id, {}))).toContain(
      '还有 1 条意见待审核；还有 1 条已显示的意见未记录采纳情况',
    );
    await c.comments.moderate(staff.reviewer, pending, 'hide', { reason: '重复提交' });
    await c.comments.decide(staff.clerk, id, {
      commentIds: String(ids[2]),
      adoption: 'partly',
      reason: '部分内容已有规定',
    });

    // The final policy is recorded before the feedback exists: it cannot be published.
    const pub = app.publishing;
    const final = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ title: '某县城市绿化管理办法' }),
    );
    await c.service.recordFinal(staff.clerk, id, { documentId: String(final.id) });
    const refused = await pub.review.submit(staff.clerk, final.id).catch((e) => e);
    expect(refused.code).toBe('invalid_transition');
    expect(refused.message).toContain('须先发布该征集的意见采纳情况反馈并与本文件关联（反馈报告尚未生成）');

    const fbId = await c.feedback.generate(staff.clerk, id, {});
    const doc = await pub.documentRepo.findById(fbId);
    expect(doc?.kind).toBe('consultation_feedback');
    expect(doc?.body_html).toContain('共收到意见4条（其中1条');
    expect(doc?.body_html).toContain('<td>1</td><td>张**、张**</td><td>意见甲<br>意见乙</td><td>采纳</td>');
    expect(doc?.body_html).toContain('<td>部分采纳</td><td>部分内容已有规定</td>');
    expect(await problems(pub.review.submit(staff.clerk, final.id))).toContain('（反馈报告尚未发布）');
    expect(
      await problems(
        c.comments.decide(staff.clerk, id, { commentIds: [String(ids[0])], adoption: 'adopted' }),
      ),
    ).toContain('反馈报告已生成');

    await pub.review.reviewConfidentiality(staff.confidentiality, fbId, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, fbId);
    expect((await c.service.getForStaff(SYSTEM, id)).row.state).toBe('answered');
    expect((await c.publicView.view(id)).feedback?.report.rows).toHaveLength(2);
    expect((await pub.relations.publicRelationsOf(final.id)).incoming).toEqual([
      expect.objectContaining({ type: 'feedback_on', documentId: fbId }),
    ]);
    await pub.review.submit(staff.clerk, final.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, final.id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, final.id);
    expect((await pub.documentRepo.findById(final.id))?.state).toBe('published');
    expect(await audits('consultation.answer')).toBe(1);
    expect((await c.recentPublic(5))[0]).toEqual({
      title: input().title,
      href: `/consultations/${id}`,
      date: '2026-03-02',
      note: '已反馈采纳情况',
    });
  });
});
