/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a random port for mail tests, with password
 * authentication and a switch to reject recipients; what arrived is read with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'gongkai';
export const SMTP_PASS = 's3cret-Pass';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtpServer {
  /** SMTP_URL for the app, with the credentials the server accepts. */
  url: string;
  received: ReceivedMail[];
  /** Every RCPT TO the server saw (accepted or not). */
  rcptAttempts: string[];
  /** Makes the server answer RCPT TO with this code (451 = try later, 550 = refused); null = accept. */
  reject(code: number | null): void;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rcptAttempts: string[] = [];
  let rejectCode: number | null = null;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      rcptAttempts.push(address.address);
      if (rejectCode === null) return cb();
      const text = rejectCode >= 500 ? `Mailbox <${address.address}> unavailable` : 'Greylisted, try later';
      cb(Object.assign(new Error(text), { responseCode: rejectCode }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    received,
    rcptAttempts,
    reject: (code) => {
      rejectCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReadMessage {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string | null; contentType: string; content: Buffer }[];
}

/** The decoded subject, bodies and attachments of a raw message (mailparser). */
export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const m = await simpleParser(raw);
  return {
    subject: m.subject ?? '',
    html: typeof m.html === 'string' ? m.html : '',
    text: m.text ?? '',
    attachments: m.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}
