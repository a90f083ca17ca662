import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { createRequestsTestApp } from '../../../test/support/requests.ts';
import { ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { ANONYMOUS, type CallContext, NO_REQUEST } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { InfoRequestJobs } from './info-request.jobs.ts';
import type { InfoRequestRepository } from './info-request.repository.ts';
import { type InfoRequestService, maskApplicant } from './info-request.service.ts';
import type { InfoRequestTransitions } from './info-request.transitions.ts';
import type { InfoRequestLetterService } from './info-request-letters.service.ts';
import type { Requests } from './requests.services.ts';

const KEY = Buffer.alloc(32, 42);
const PUBLIC: CallContext = { actor: ANONYMOUS, meta: NO_REQUEST };
const FORM = {
  applicantKind: 'citizen',
  name: '张三丰',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  address: '测试县人民路 8 号',
  postcode: '100000',
  phone: '13800138000',
  email: 'zsf@example.com',
  infoName: '2025 年城区道路改造项目批复',
  deliveryMethod: 'email',
  carrier: 'electronic',
};
/** Sets the test clock to 10:00 China time on `date`. */
const at = (app: TestApp, date: string) => app.clock.set(new Date(`${date}T02:00:00Z`));

describe(`info requests on ${ENGINE}`, () => {
  let app: TestApp;
  let service: InfoRequestService;
  let transitions: InfoRequestTransitions;
  let jobs: InfoRequestJobs;
  /** The reply letter must exist before answering (issue 4 §4). */
  let letters: InfoRequestLetterService;
  let repo: InfoRequestRepository;
  let dept: Unit;
  let other: Unit;
  let clerk: CallContext;
  let admin: CallContext;
  let reviewer: CallContext;

  beforeEach(async () => {
    let requests: Requests;
    ({ app, requests } = await createRequestsTestApp({ now: '2026-03-02T02:00:00Z', encryptionKey: KEY }));
    ({ repo, service, transitions, jobs } = requests);
    letters = requests.extras.letters;
    ({ dept, other } = await buildCounty(app));
    clerk = (await buildUser(app, dept, ['clerk'])).ctx;
    admin = (await buildUser(app, dept, ['disclosure_admin'])).ctx;
    reviewer = (await buildUser(app, dept, ['reviewer'])).ctx;
  });
  afterEach(async () => app.destroy());

  const row = async (id: number) => (await repo.findById(id))!;
  const actions = async () => (await app.auditRepo.list({}, 200)).map((e) => e.action).reverse();

  it('says for every event whether it is available now, and why not, without guessing input', async () => {
    const { id } = await service.submitOnline(PUBLIC, dept.id, FORM);
    const byEvent = async (ctx: CallContext) =>
      Object.fromEntries((await transitions.availability(ctx, id)).map((a) => [a.event, a]));
    const forClerk = await byEvent(clerk);
    // Confirming needs the receipt date, which the form asks for: it is available before it is typed.
    expect(forClerk.confirm).toMatchObject({ inState: true, offered: true, available: true, reasons: [] });
    expect(forClerk.transfer).toMatchObject({ inState: true, available: true });
    expect(forClerk.answer).toMatchObject({
      inState: false,
      available: false,
      reasons: ['“待确认”状态的申请不能执行“答复”', '尚未拟定处理结果'],
    });
    expect(forClerk.correction_overdue).toMatchObject({
      offered: false,
      reasons: ['“待确认”状态的申请不能执行“逾期未补正，不再处理”', '此操作只能由系统任务执行'],
    });
    const outsider = (await buildUser(app, other, ['clerk'])).ctx;
    expect((await byEvent(outsider)).confirm).toMatchObject({
      available: false,
      reasons: ['您没有办理此操作的权限'],
    });
    await transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-02' });
    const after = await byEvent(clerk);
    expect([after.confirm?.available, after.request_correction?.available]).toEqual([false, true]);
  });

  it('numbers applications per unit and year and keeps personal data encrypted', async () => {
    const a = await service.submitOnline(PUBLIC, dept.id, FORM);
    const b = await service.submitOnline(PUBLIC, dept.id, FORM);
    const c = await service.submitOnline(PUBLIC, other.id, FORM);
    expect([a.reference, b.reference, c.reference]).toEqual([
      `${dept.code}-2026-00001`,
      `${dept.code}-2026-00002`,
      `${other.code}-2026-00001`,
    ]);
    const stored = JSON.stringify(await row(a.id));
    for (const secret of [
      '张三丰',
      '11010519491231002X',
      '13800138000',
      'zsf@example.com',
      '人民路',
      a.lookupCode,
    ]) {
      expect(stored).not.toContain(secret);
    }
    expect((await row(a.id)).state).toBe('pending_confirmation');
    expect(await actions()).toContain('request.submit');
  });

  it('a double submit with one idempotency key creates one application, even concurrently', async () => {
    const form = { ...FORM, idempotencyKey: 'k-123' };
    const first = await service.submitOnline(PUBLIC, dept.id, form);
    const again = await service.submitOnline(PUBLIC, dept.id, form);
    expect(again).toEqual({ ...first, created: false });
    const both = await Promise.all([
      service.submitOnline(PUBLIC, dept.id, { ...FORM, idempotencyKey: 'k-456' }),
      service.submitOnline(PUBLIC, dept.id, { ...FORM, idempotencyKey: 'k-456' }),
    ]);
    expect(both[0].reference).toBe(both[1].reference);
    expect((await service.list(admin)).items).toHaveLength(2);
  });

  it('refuses bad input with every field named and writes nothing', async () => {
    const err = await service
      .submitOnline(PUBLIC, dept.id, { ...FORM, idNumber: '110105194912310021', postcode: '1', infoName: '' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).problems.map((p) => p.field).sort()).toEqual([
      'idNumber',
      'infoDescription',
      'postcode',
    ]);
    expect((await service.list(admin)).items).toHaveLength(0);
  });

  it('the public lookup needs both numbers and never shows personal data', async () => {
    const s = await service.submitOnline(PUBLIC, dept.id, FORM);
    const status = await service.lookupStatus(s.reference.toLowerCase(), s.lookupCode.toLowerCase());
    expect(status.stateLabel).toBe('待确认');
    expect(status.timeline.map((t) => t.note)).toEqual(['已在网上提交申请，待工作人员确认收到']);
    expect(JSON.stringify(status)).not.toMatch(/张三丰|13800138000|zsf@/);
    await expect(service.lookupStatus(s.reference, 'WRONGCODE2')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.lookupStatus('X-2026-00009', s.lookupCode)).rejects.toMatchObject({
      message: '受理编号或查询码不正确',
    });
  });

  it('staff intake fixes the date of receipt; only staff of the unit may do it', async () => {
    const s = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'registered_mail',
      receivedOn: '2026-02-27',
    });
    const r = await row(s.id);
    expect([r.state, r.received_on, r.due_date]).toEqual(['accepted', '2026-02-27', '2026-03-26']); // 2/28 (Sat) is a 调休 working day
    const err = await service
      .intake(clerk, dept.id, { ...FORM, channel: 'fax', receivedOn: '2026-03-03' })
      .catch((e: AppError) => e.problems);
    expect(err).toEqual([{ field: 'receivedOn', message: '双方确认日期不能晚于今天' }]);
    await expect(
      service.intake(PUBLIC, dept.id, { ...FORM, channel: 'fax', receivedOn: '2026-03-02' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('walks a case through 补正, consultation, extension, review and answer', async () => {
    const { id, reference, lookupCode } = await service.submitOnline(PUBLIC, dept.id, FORM);
    await transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-02' });
    expect((await row(id)).due_date).toBe('2026-03-30');
    at(app, '2026-03-03');
    await transitions.run(clerk, id, 'request_correction', { periodWorkingDays: '10' });
    expect(await row(id)).toMatchObject({
      state: 'awaiting_correction',
      due_date: null,
      correction_period_end: '2026-03-17',
    });
    at(app, '2026-03-16');
    await transitions.run(clerk, id, 'receive_correction', { receivedOn: '2026-03-16' });
    expect((await row(id)).due_date).toBe('2026-04-14');
    at(app, '2026-03-18');
    await transitions.run(clerk, id, 'start_consultation', {
      partyKind: 'third_party',
      partyName: '某公司',
      sentOn: '2026-03-18',
    });
    at(app, '2026-03-23');
    await transitions.run(clerk, id, 'end_consultation', { repliedOn: '2026-03-23' });
    expect(await row(id)).toMatchObject({ state: 'accepted', due_date: '2026-04-17' });
    at(app, '2026-03-24');
    await expect(
      transitions.run(clerk, id, 'extend', { extensionWorkingDays: '5', reason: '数量大' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await transitions.run(admin, id, 'extend', { extensionWorkingDays: '5', reason: '需要检索的档案数量大' });
    expect(await row(id)).toMatchObject({ state: 'extended', due_date: '2026-04-24' });
    await transitions.run(clerk, id, 'draft_reply', { decision: 'partial' });
    await transitions.run(clerk, id, 'submit_review');
    await expect(transitions.run(clerk, id, 'pass_review')).rejects.toMatchObject({ code: 'forbidden' });
    await transitions.run(reviewer, id, 'pass_review');
    at(app, '2026-04-01');
    await letters.issue(clerk, id, { kind: 'partial_disclosure_notice' });
    await transitions.run(clerk, id, 'answer', { deliveryMethod: 'email', answeredOn: '2026-04-01' });
    await transitions.run(clerk, id, 'close');
    expect(await row(id)).toMatchObject({
      state: 'closed',
      decision: 'partial',
      reply_type: 'art37',
      due_date: '2026-04-24',
    });

    const handling = await service.getForHandling(clerk, id);
    expect(handling.applicant.name).toBe('张三丰');
    expect(handling.clock).toBeNull();
    const status = await service.lookupStatus(reference, lookupCode);
    expect(status.stateLabel).toBe('已办结');
    expect(status.timeline).toHaveLength(12);
    expect(await actions()).toEqual(
      expect.arrayContaining([
        'request.confirm',
        'request.receive_correction',
        'request.extend',
        'request.answer',
        'request.close',
      ]),
    );
  });

  it('explains the due date to the handler and refuses skipped states with every reason', async () => {
    const { id } = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'in_person',
      receivedOn: '2026-03-02',
    });
    const h = await service.getForHandling(clerk, id);
    expect(h.clock?.dueDate).toBe('2026-03-30');
    expect(h.clock?.lines[0]?.text).toContain('2026-03-02 收到申请');
    const err = (await transitions.run(clerk, id, 'answer', {}).catch((e) => e)) as AppError;
    expect(err.code).toBe('invalid_transition');
    expect(err.problems.map((p) => p.message)).toEqual([
      '“已受理”状态的申请不能执行“答复”',
      '尚未拟定处理结果',
      '请选择送达方式',
      '请填写答复日期',
    ]);
    await expect(service.getForHandling({ ...clerk, actor: ANONYMOUS }, id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('masks personal data in the list for anyone but the handler; other units see nothing', async () => {
    const { id } = await service.submitOnline(PUBLIC, dept.id, FORM);
    await transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-02' });
    const mine = (await service.list(clerk)).items[0]!;
    expect([mine.applicantName, mine.applicantPhone, mine.masked]).toEqual(['张三丰', '13800138000', false]);
    const theirs = await service.list(admin);
    expect(theirs.items[0]).toMatchObject({ applicantName: '张**', masked: true, clockStatus: 'normal' });
    expect(theirs.items[0]?.applicantPhone).not.toBe('13800138000');
    expect(theirs.counts).toEqual({ accepted: 1 });
    const outsider = (await buildUser(app, other, ['disclosure_admin'])).ctx;
    expect((await service.list(outsider)).items).toEqual([]);
    const masked = maskApplicant((await service.getForHandling(clerk, id)).applicant);
    expect(JSON.stringify(masked)).not.toMatch(/张三丰|13800138000|11010519491231002X|zsf@/);
  });

  it('the daily job closes expired 补正, marks overdue and reminds once, also with two processes', async () => {
    const late = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'in_person',
      receivedOn: '2026-03-02',
    });
    const waiting = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'in_person',
      receivedOn: '2026-03-02',
    });
    await transitions.run(clerk, waiting.id, 'request_correction', { periodWorkingDays: '5' });
    at(app, '2026-03-09');
    const soon = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'in_person',
      receivedOn: '2026-03-09',
    });
    at(app, '2026-03-31'); // late was due 03-30; soon is due 04-07 (清明 4/6): 4 WD left → not yet 临期
    const [r1, r2] = await Promise.all([jobs.runDaily(), jobs.runDaily()]);
    expect([r1.ran, r2.ran].sort()).toEqual([false, true]);
    const ran = (r1.ran ? r1 : r2) as { ran: true; result: unknown };
    expect(ran.result).toEqual({ correctionsExpired: 1, markedOverdue: 1, reminders: 1, feesLapsed: 0 });
    expect(await row(waiting.id)).toMatchObject({ state: 'closed', decision: 'other_correction_overdue' });
    expect((await row(late.id)).overdue_since).toBe('2026-03-31');
    expect(await jobs.sweep('2026-03-31')).toEqual({
      correctionsExpired: 0,
      markedOverdue: 0,
      reminders: 0,
      feesLapsed: 0,
    });
    at(app, '2026-04-01'); // soon: 4/2, 4/3, 4/7 → 3 WD left → 临期
    const next = await jobs.runDaily();
    expect(next).toEqual({
      ran: true,
      result: { correctionsExpired: 0, markedOverdue: 0, reminders: 1, feesLapsed: 0 },
    });
    expect((await repo.reminders(soon.id)).map((r) => r.kind)).toEqual(['due_soon']);
    expect((await repo.reminders(late.id)).map((r) => r.kind)).toEqual(['overdue']);
    expect(await actions()).toContain('request.overdue');
  });

  it('checks each event’s own input and lists the problems by field', async () => {
    const { id } = await service.submitOnline(PUBLIC, dept.id, FORM);
    const fields = (p: Promise<unknown>) =>
      p.then(
        () => [],
        (e: AppError) => e.problems,
      );
    expect(await fields(transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-01' }))).toEqual([
      { field: 'receivedOn', message: '收到申请的日期不能早于提交日期' },
    ]);
    await transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-02' });
    expect(await fields(transitions.run(clerk, id, 'transfer', { targetUnitId: String(dept.id) }))).toEqual([
      { field: 'targetUnitId', message: '不能转给本单位' },
    ]);
    expect(
      await fields(transitions.run(clerk, id, 'draft_reply', { decision: 'granted', replyType: 'art37' })),
    ).toEqual([{ field: 'replyType', message: '答复类型与处理结果不符' }]);
    await transitions.run(clerk, id, 'start_consultation', {
      partyKind: 'agency',
      partyName: '某局',
      sentOn: '2026-03-02',
    });
    expect(await fields(transitions.run(clerk, id, 'end_consultation', {}))).toEqual([
      { field: 'repliedOn', message: '征求意见期限至 2026-03-23 尚未届满，请填写收到意见的日期' },
    ]);
    at(app, '2026-03-24'); // silence after 15 WD: for a co-producing agency that means consent
    await transitions.run(clerk, id, 'end_consultation', {});
    expect((await row(id)).due_date).toBe('2026-04-21'); // 3/3–3/23 paused (15 WD)
  });

  it('非本机关: names the agency, sets the 第三十六条第（五）项 decision, then answers', async () => {
    const { id } = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'email',
      receivedOn: '2026-03-02',
    });
    await transitions.run(clerk, id, 'mark_not_this_agency', { responsibleAgency: '某市自然资源和规划局' });
    await letters.issue(clerk, id, { kind: 'not_this_agency_notice' });
    await transitions.run(clerk, id, 'answer', { deliveryMethod: 'email', answeredOn: '2026-03-02' });
    expect(await row(id)).toMatchObject({
      state: 'answered',
      decision: 'unavailable_not_held',
      reply_type: 'art36_5',
      responsible_agency: '某市自然资源和规划局',
    });
  });

  it('two people confirming at once: one wins, the other is told to refresh', async () => {
    const { id, reference, lookupCode } = await service.submitOnline(PUBLIC, dept.id, FORM);
    const results = await Promise.allSettled([
      transitions.run(clerk, id, 'confirm', { receivedOn: '2026-03-02' }),
      transitions.run(admin, id, 'confirm', { receivedOn: '2026-03-02' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'invalid_transition' });
    expect((await service.lookupStatus(reference, lookupCode)).timeline).toHaveLength(2);
  });

  it('the system actor cannot be impersonated by staff for the 补正 expiry', async () => {
    const { id } = await service.intake(clerk, dept.id, {
      ...FORM,
      channel: 'in_person',
      receivedOn: '2026-03-02',
    });
    await transitions.run(clerk, id, 'request_correction', { periodWorkingDays: '5' });
    await expect(transitions.run(admin, id, 'correction_overdue')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await transitions.run(SYSTEM, id, 'correction_overdue');
    expect((await row(id)).state).toBe('closed');
  });
});
