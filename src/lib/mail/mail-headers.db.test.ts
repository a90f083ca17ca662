/**
 * Extra header fields of an outgoing message (List-Unsubscribe for 政策找人, RFC 8058): stored with the
 * encrypted content, sent as given; reserved names and line breaks (header injection) refused.
 */
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { NewMail } from './mail-outbox.ts';

const mail = (headers: Record<string, string>): NewMail => ({
  kind: 'test.headers',
  to: 'wang.wu@example.com',
  subject: '订阅更新',
  text: '正文',
  headers,
});

describe(`mail headers on ${ENGINE}`, () => {
  let smtp: TestSmtpServer;
  let app: TestApp;
  beforeEach(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'gkb@example.gov.cn' } });
  });
  afterEach(async () => {
    await app.destroy();
    await smtp.close();
  });
  const enqueue = (m: NewMail) => app.database.db.transaction().execute((trx) => app.mail.enqueue(trx, m));

  it('sends the List-Unsubscribe headers it was given, stored encrypted with the content', async () => {
    await enqueue(
      mail({
        'List-Unsubscribe': '<https://gk.example.gov.cn/subscriptions/one-click/1.abc>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      }),
    );
    const [row] = await app.db.selectFrom('mail_outbox').selectAll().execute();
    expect(JSON.stringify(row)).not.toContain('one-click');
    expect(await app.mail.deliverDue()).toMatchObject({ sent: 1 });
    const raw = smtp.received[0]!.raw;
    expect((await simpleParser(raw)).subject).toBe('订阅更新');
    expect(raw.toString()).toContain(
      'List-Unsubscribe: <https://gk.example.gov.cn/subscriptions/one-click/1.abc>',
    );
    expect(raw.toString()).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('refuses reserved header names and values with line breaks, enqueuing nothing', async () => {
    await expect(enqueue(mail({ Bcc: 'x@example.com' }))).rejects.toThrow(/not allowed/);
    await expect(enqueue(mail({ 'X-Note': 'a\r\nBcc: x@example.com' }))).rejects.toThrow(/not allowed/);
    await expect(enqueue(mail({ 'Bad Name': 'v' }))).rejects.toThrow(/not allowed/);
    expect(await app.db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(0);
  });
});
