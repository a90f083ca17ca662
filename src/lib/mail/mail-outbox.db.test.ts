/**
 * The outbox against a real SMTP server (smtp-server on 127.0.0.1) on both engines: delivery with
 * an attachment, retries with backoff, permanent refusals, two processes, lost claims, rollback,
 * and the operator's `gongkai mail` commands.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../../test/support/factories.ts';
import { readMessage, SMTP_PASS, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import {
  createTestApp,
  createTestDatabaseUrl,
  ENGINE,
  quietLogger,
  type TestApp,
} from '../../../test/support/test-app.ts';
import { openDatabase } from '../../db/database.ts';
import { FieldCipher } from '../field-cipher.ts';
import { CLAIM_LEASE_MS, MAX_ATTEMPTS, retryDelayMs } from './delivery-policy.ts';
import { mailCommand } from './mail-cli.ts';
import { MailOutboxRepository } from './mail-outbox.repository.ts';
import { MAIL_CONTENT_KEEP_DAYS, MailOutbox, type NewMail } from './mail-outbox.ts';
import { Mailer } from './mailer.ts';

const FROM = '测试县人民政府办公室 <gkb@example.gov.cn>';
const TO = 'li.si@example.com';

const message = (n = 1): NewMail => ({
  kind: 'test.notice',
  ref: { type: 'thing', id: n },
  to: TO,
  subject: `告知书（第 ${n} 号）`,
  text: `李四：您好，这是第 ${n} 份告知书。`,
  html: `<p>李四：您好，这是第 ${n} 份告知书。</p>`,
  attachments: [
    { filename: `告知书${n}.docx`, contentType: 'application/octet-stream', content: Buffer.from(`PK-${n}`) },
  ],
});

describe(`mail outbox on ${ENGINE}`, () => {
  let smtp: TestSmtpServer;
  let app: TestApp;

  beforeEach(async () => {
    smtp = await startSmtpServer();
    app = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: FROM } });
  });
  afterEach(async () => {
    await app.destroy();
    await smtp.close();
  });

  const enqueue = (m: NewMail = message()) =>
    app.database.db.transaction().execute((trx) => app.mail.enqueue(trx, m));
  const rows = () => app.database.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
  const audit = async (action: string) =>
    (await app.auditRepo.list({ action }, 50)).filter((e) => e.action === action);

  it('delivers a due message with its attachment once, stores the address encrypted and audits it masked', async () => {
    const { id, recipient } = await enqueue();
    expect(recipient).toBe('l***@example.com');
    const [stored] = await rows();
    expect(JSON.stringify(stored)).not.toContain('li.si');
    expect(JSON.stringify(stored)).not.toContain('李四');
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, recipient_masked: 'l***@example.com' });

    expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0]!;
    expect(got.to).toEqual([TO]);
    expect(got.from).toBe('gkb@example.gov.cn');
    const mail = await readMessage(got.raw);
    expect(mail.subject).toBe('告知书（第 1 号）');
    const [attachment] = mail.attachments;
    expect(attachment?.filename).toBe('告知书1.docx');
    expect(attachment?.content.toString()).toBe('PK-1');
    expect(mail.html).toContain('第 1 份告知书');

    const [sent] = await rows();
    expect(sent).toMatchObject({
      id,
      status: 'sent',
      attempts: 1,
      claim_token: null,
      sent_at: app.clock.now().toISOString(),
    });
    expect(sent?.message_id).toMatch(/@/);
    const [entry] = await audit('mail.sent');
    expect(entry?.summary).toBe('电子邮件“告知书（第 1 号）”已发送至 l***@example.com');
    expect(entry?.actor_name).toBe('邮件发送');

    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a temporarily refused message with growing delays, then marks it failed', async () => {
    smtp.reject(451);
    await enqueue();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const [row] = await rows();
      const expectedNext = new Date(app.clock.now().getTime() + retryDelayMs(attempt)).toISOString();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, next_attempt_at: expectedNext });
      expect(row?.last_error).toContain('451');
      // Not due before the delay has passed.
      app.clock.advance(retryDelayMs(attempt) - 1000);
      expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      app.clock.advance(1000);
    }
    expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [failed] = await rows();
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(smtp.rcptAttempts).toHaveLength(MAX_ATTEMPTS);
    expect((await audit('mail.failed'))[0]?.summary).toMatch(/失败（已尝试 8 次），不再重试：.*451/);

    app.clock.advance(7 * 24 * 3600_000);
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // The operator fixed the cause: `gongkai mail retry` puts it back in the queue.
    smtp.reject(null);
    expect(await app.mail.retryFailed(SYSTEM)).toBe(1);
    expect((await audit('mail.retry'))[0]?.summary).toBe('将 1 封发送失败的电子邮件重新排队发送');
    expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('erases recipient and content of old sent and failed messages, keeping the record', async () => {
    await enqueue(message(1));
    expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    smtp.reject(550);
    await enqueue(message(2));
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    await enqueue(message(3)); // still waiting: never purged
    app.clock.advance((MAIL_CONTENT_KEEP_DAYS - 1) * 86_400_000);
    expect(await app.mail.purgeOld()).toBe(0);
    app.clock.advance(2 * 86_400_000);
    expect(await app.mail.purgeOld()).toBe(2);
    expect(await app.mail.purgeOld()).toBe(0);
    const [sent, failed, waiting] = await rows();
    for (const r of [sent, failed]) {
      expect(r).toMatchObject({ recipient_enc: '', content_enc: '', recipient_masked: 'l***@example.com' });
    }
    expect(sent?.subject).toBe('告知书（第 1 号）');
    expect(waiting?.content_enc).not.toBe('');
    expect((await audit('mail.purge'))[0]?.summary).toBe(
      `清除 2 封已发送或发送失败超过 ${MAIL_CONTENT_KEEP_DAYS} 天的电子邮件的收件人和内容`,
    );
    // a purged failed message cannot be put back in the queue: there is nothing left to send
    expect(await app.mail.retryFailed(SYSTEM)).toBe(0);
  });

  it('fails a permanently refused message at once, with the address masked in the reason', async () => {
    smtp.reject(550);
    await enqueue();
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.last_error).toContain('550');
    expect(row?.last_error).toContain('l***@example.com');
    expect(row?.last_error).not.toContain('li.si');
  });

  it('retries when the server refuses the configured password (the operator can fix it)', async () => {
    const wrong = smtp.url.replace(SMTP_PASS, 'wrong-password');
    const outbox = new MailOutbox({
      db: app.database.db,
      clock: app.clock,
      audit: app.audit,
      log: quietLogger,
      cipher: new FieldCipher(app.config.dataEncryptionKey),
      transport: new Mailer({ url: wrong, from: FROM }),
    });
    await enqueue();
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rows())[0]?.last_error).toMatch(/535|Invalid credentials/);
    expect((await rows())[0]?.last_error).not.toContain('wrong-password');
    await outbox.close();
  });

  it('two delivery runs at the same time (two processes) send each message exactly once', async () => {
    for (let n = 1; n <= 6; n++) await enqueue(message(n));
    // A second process: its own connection pool on PostgreSQL. better-sqlite3 is synchronous, so
    // two connections in one thread would block each other; on SQLite both share the connection and
    // interleave at every await, which still races the claims.
    const other = ENGINE === 'postgres' ? openDatabase({ url: app.url, poolMax: 3 }) : app.database;
    const second = new MailOutbox({
      db: other.db,
      clock: app.clock,
      audit: app.audit,
      log: quietLogger,
      cipher: new FieldCipher(app.config.dataEncryptionKey),
      transport: new Mailer({ url: smtp.url, from: FROM }),
    });
    try {
      const [a, b] = await Promise.all([app.mail.deliverDue(), second.deliverDue()]);
      expect(a.sent + b.sent).toBe(6);
      expect(smtp.received).toHaveLength(6);
      const subjects = await Promise.all(smtp.received.map(async (m) => (await readMessage(m.raw)).subject));
      expect(new Set(subjects).size).toBe(6);
      expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
      expect(await audit('mail.sent')).toHaveLength(6);
    } finally {
      await second.close();
      if (other !== app.database) await other.close();
    }
  });

  it('takes over a message whose sending process died, once its claim has expired', async () => {
    const { id } = await enqueue();
    const now = app.clock.now();
    const repo = new MailOutboxRepository(app.database.db);
    const lease = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
    expect(await repo.claim(id, 'dead-process', now.toISOString(), lease)).toBeDefined();
    // Claimed by the dead process: no one else may take it yet.
    expect(await repo.claim(id, 'another', now.toISOString(), lease)).toBeUndefined();
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    app.clock.advance(CLAIM_LEASE_MS);
    expect(await app.mail.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps nothing when the enqueuing transaction rolls back', async () => {
    await expect(
      app.database.db.transaction().execute(async (trx) => {
        await app.mail.enqueue(trx, message());
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await rows()).toEqual([]);
    expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toEqual([]);
  });

  it('shows the operator counts and the last error, and sends a test message (gongkai mail)', async () => {
    await enqueue(message(1));
    await enqueue(message(2));
    await app.mail.deliverDue();
    smtp.reject(451);
    await enqueue(message(3));
    await app.mail.deliverDue();
    const lines: string[] = [];
    const run = (sub: 'status' | 'test' | 'retry', address?: string) =>
      mailCommand(app.mail, SYSTEM, { sub, address, config: app.config }, (l) => lines.push(l));
    expect(await run('status')).toBe(0);
    const out = lines.join('\n');
    expect(out).toContain('待发送\t1');
    expect(out).toContain('已发送\t2');
    expect(out).toContain('发送失败\t0');
    expect(out).toMatch(/最近错误\t#3，2026-03-02 10:00（待发送）：RCPT TO：451/);
    expect(out).toContain('gongkai:****@127.0.0.1');
    expect(out).not.toContain(SMTP_PASS);
    expect(out).not.toContain('li.si');

    smtp.reject(null);
    lines.length = 0;
    expect(await run('test', 'wang.wu@example.com')).toBe(0);
    expect(lines[0]).toMatch(/^测试邮件已发送至 w\*\*\*@example.com（服务器答复：250/);
    const test = smtp.received.at(-1)!;
    expect(test.to).toEqual(['wang.wu@example.com']);
    expect((await readMessage(test.raw)).subject).toBe('示范县人民政府：测试邮件');
    expect((await audit('mail.test'))[0]?.summary).toBe('测试邮件已发送至 w***@example.com');

    smtp.reject(550);
    await expect(run('test', 'wang.wu@example.com')).rejects.toThrow(/测试邮件发送失败：RCPT TO：550/);
    await expect(run('test', 'not-an-address')).rejects.toThrow(/提交的内容有误/);
  });
});

describe(`mail switched off on ${ENGINE}`, () => {
  it('enqueues nothing and sends nothing when SMTP_URL is unset', async () => {
    const app = await createTestApp();
    try {
      expect(app.mail.enabled).toBe(false);
      await expect(
        app.database.db.transaction().execute((trx) => app.mail.enqueue(trx, message())),
      ).rejects.toThrow(/not configured/);
      expect(await app.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const lines: string[] = [];
      const code = await mailCommand(
        app.mail,
        SYSTEM,
        { sub: 'test', address: TO, config: app.config },
        (l) => lines.push(l),
      );
      expect(code).toBe(1);
      expect(lines).toEqual(['未配置 SMTP_URL，电子邮件发送已关闭']);
    } finally {
      await app.destroy();
    }
  });
});

describe(`gongkai mail and config check on ${ENGINE}`, () => {
  const run = promisify(execFile);
  let smtp: TestSmtpServer;
  let dataDir: string;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const gk = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, [path.resolve('bin/gongkai.js'), ...args], {
        env,
        timeout: 60_000,
      });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  beforeEach(async () => {
    smtp = await startSmtpServer();
    dataDir = mkdtempSync(path.join(tmpdir(), 'gk-mail-'));
    const db = await createTestDatabaseUrl();
    drop = db.drop;
    env = {
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      SMTP_URL: smtp.url,
      MAIL_FROM: FROM,
    };
  });
  afterEach(async () => {
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
    await smtp.close();
  });

  it('masks the SMTP password in config check and sends a test message from the command line', async () => {
    const check = await gk('config', 'check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`电子邮件：smtp://gongkai:****@127.0.0.1:`);
    expect(check.stdout).not.toContain(SMTP_PASS);

    const test = await gk('mail', 'test', 'zhao.liu@example.com');
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('测试邮件已发送至 z***@example.com');
    expect(smtp.received.map((m) => m.to)).toEqual([['zhao.liu@example.com']]);

    const status = await gk('mail', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('已发送\t0');
    expect(status.stdout).not.toContain(SMTP_PASS);
  });
});
