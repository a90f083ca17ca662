/**
 * Letters e-mailed to the applicant (issue 4: "visible to the applicant on the status page once
 * sent, and e-mailed when SMTP is configured") on both engines, against a real SMTP server:
 * marking a letter sent enqueues the mail in the same transaction; the delivery job sends the
 * letter as HTML with the .docx attached; the case page shows the mail's state.
 */
import type { FastifyInstance } from 'fastify';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCounty, buildUser, PASSWORD } from '../../../test/support/factories.ts';
import { Browser, startTestServer } from '../../../test/support/http.ts';
import { readMessage, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { requestExtras } from './requests.services.ts';

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
  channel: 'in_person',
  receivedOn: '2026-03-02',
};
const FROM = '测试县人民政府办公室 <gkb@example.gov.cn>';

describe(`letters e-mailed to the applicant on ${ENGINE}`, () => {
  let smtp: TestSmtpServer;
  let app: TestApp;
  let dept: Unit;
  let clerk: Awaited<ReturnType<typeof buildUser>>;

  const setUp = async (env: Record<string, string>) => {
    app = await createTestApp({ env });
    ({ dept } = await buildCounty(app));
    clerk = await buildUser(app, dept, ['clerk']);
  };
  /** A case with one issued 补正通知书, as the clerk who handles it. */
  const caseWithLetter = async (form: Record<string, string> = FORM) => {
    const { id } = await app.requests.service.intake(clerk.ctx, dept.id, form);
    const letter = await requestExtras(app).letters.issue(clerk.ctx, id, { kind: 'correction_notice' });
    return { id, letter };
  };
  const outbox = () => app.database.db.selectFrom('mail_outbox').selectAll().execute();

  beforeEach(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(async () => {
    await app?.destroy();
    await smtp.close();
  });

  it('e-mails a letter marked sent as HTML with the .docx attached, and shows the state on the case page', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    const server: FastifyInstance = await startTestServer(app);
    try {
      const { id, letter } = await caseWithLetter();
      const b = new Browser(server);
      await b.login(clerk.username, PASSWORD);
      const sent = await b.post(
        `/admin/requests/letters/${letter.id}/sent`,
        {},
        { csrfFrom: `/admin/requests/${id}` },
      );
      expect(sent.statusCode).toBe(303);

      const [queued] = await outbox();
      expect(queued).toMatchObject({ status: 'pending', ref_type: 'info_request_letter', ref_id: letter.id });
      expect(JSON.stringify(queued)).not.toContain('zsf@');
      expect(JSON.stringify(queued)).not.toContain('张三丰');
      expect((await b.get(`/admin/requests/${id}`)).body).toContain('电子邮件待发送（z***@example.com）');
      const [audit] = await app.auditRepo.list({ action: 'request.letter_sent' }, 1);
      expect(audit?.summary).toContain('已于 2026-03-02 送达，并以电子邮件发送至 z***@example.com');

      expect(smtp.received).toEqual([]); // nothing leaves before the delivery job runs
      expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const got = smtp.received[0]!;
      expect(got.to).toEqual(['zsf@example.com']);
      const mail = await readMessage(got.raw);
      expect(mail.subject).toBe(`补正通知书（${letter.number}）——政府信息公开申请 ${dept.code}-2026-00001`);
      const html = mail.html;
      expect(html).toContain(letter.number);
      expect(html).toContain('张三丰');
      expect(html).not.toContain('{申请人}');
      const docx = mail.attachments.find((p) => p.filename?.endsWith('.docx'));
      expect(docx?.filename).toBe(`补正通知书（${letter.number}）.docx`);
      expect(docx?.contentType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const text = (await mammoth.extractRawText({ buffer: docx!.content })).value;
      expect(text).toContain('补正通知书');
      expect(text).toContain(letter.number);
      expect(text).toContain('张三丰');

      expect((await b.get(`/admin/requests/${id}`)).body).toContain(
        '电子邮件已发送 2026-03-02 10:00（z***@example.com）',
      );
    } finally {
      await server.close();
    }
  });

  it('e-mails the reply letter that 答复 sends, in the same transaction as the answer', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    const reviewer = await buildUser(app, dept, ['reviewer']);
    const t = app.requests.transitions;
    const { id } = await app.requests.service.intake(clerk.ctx, dept.id, FORM);
    await t.run(clerk.ctx, id, 'draft_reply', { decision: 'granted' });
    await t.run(clerk.ctx, id, 'submit_review');
    await t.run(reviewer.ctx, id, 'pass_review');
    const letters = requestExtras(app).letters;
    const row = await app.requests.repo.findById(id);
    const reply = await letters.issue(clerk.ctx, id, { kind: row ? letters.suggestedKinds(row)[0] : '' });
    expect(await outbox()).toEqual([]);
    await t.run(clerk.ctx, id, 'answer', { deliveryMethod: 'email', answeredOn: '2026-03-02' });
    const [queued] = await outbox();
    expect(queued).toMatchObject({ status: 'pending', ref_type: 'info_request_letter', ref_id: reply.id });
    const [audit] = await app.auditRepo.list({ action: 'request.letter_mailed' }, 1);
    expect(audit?.summary).toContain('z***@example.com');
    expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const mail = await readMessage(smtp.received[0]!.raw);
    expect(mail.subject).toBe(`${reply.title}（${reply.number}）——政府信息公开申请 ${row?.reference}`);
  });

  it('sends no reply-letter e-mail when the answer is refused', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    const { id } = await app.requests.service.intake(clerk.ctx, dept.id, FORM);
    await app.requests.transitions.run(clerk.ctx, id, 'draft_reply', { decision: 'granted' });
    await expect(
      app.requests.transitions.run(clerk.ctx, id, 'answer', {
        deliveryMethod: 'email',
        answeredOn: '2026-03-02',
      }),
    ).rejects.toThrow();
    expect(await outbox()).toEqual([]);
  });

  it('shows a failing e-mail and its reason on the case page while it is retried', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    smtp.reject(451);
    const { id, letter } = await caseWithLetter();
    await requestExtras(app).letters.markSent(clerk.ctx, letter.id, {});
    await app.mail.deliverDue();
    const server = await startTestServer(app);
    try {
      const b = new Browser(server);
      await b.login(clerk.username, PASSWORD);
      const page = (await b.get(`/admin/requests/${id}`)).body;
      expect(page).toContain('电子邮件发送失败，正在重试（z***@example.com）：RCPT TO：451');
      expect(page).toContain('已尝试 1 次，将于 2026-03-02 10:01 重试');
    } finally {
      await server.close();
    }
  });

  it('enqueues nothing when the applicant gave no e-mail address', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    const { letter } = await caseWithLetter({ ...FORM, email: '', deliveryMethod: 'post' });
    await requestExtras(app).letters.markSent(clerk.ctx, letter.id, {});
    expect(await outbox()).toEqual([]);
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('enqueues nothing when SMTP_URL is unset, and the letter is still marked sent', async () => {
    await setUp({});
    const { letter } = await caseWithLetter();
    const r = await requestExtras(app).letters.markSent(clerk.ctx, letter.id, {});
    expect(r.sent_on).toBe('2026-03-02');
    expect(await outbox()).toEqual([]);
    const [audit] = await app.auditRepo.list({ action: 'request.letter_sent' }, 1);
    expect(audit?.summary).not.toContain('电子邮件');
  });

  it('enqueues nothing when marking the letter sent rolls back', async () => {
    await setUp({ SMTP_URL: smtp.url, MAIL_FROM: FROM });
    const { id, letter } = await caseWithLetter();
    // The audit entry is written after the letter update and the enqueue, in the same transaction.
    const spy = vi.spyOn(app.audit, 'record').mockRejectedValueOnce(new Error('audit log unavailable'));
    await expect(requestExtras(app).letters.markSent(clerk.ctx, letter.id, {})).rejects.toThrow(
      'audit log unavailable',
    );
    spy.mockRestore();
    expect(await outbox()).toEqual([]);
    expect((await requestExtras(app).records.letters(id))[0]?.sent_on).toBeNull();
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });
});
