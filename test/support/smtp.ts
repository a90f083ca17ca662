/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a random port for mail tests, with password
 * authentication and a switch to reject recipients; plus a small MIME reader for what arrived.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'gongkai';
export const SMTP_PASS = 's3cret-Pass';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
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
          raw: Buffer.concat(chunks).toString('latin1'),
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

export interface MimePart {
  headers: Record<string, string>;
  /** Content-Type without parameters, lower-case. */
  type: string;
  body: Buffer;
  filename: string | null;
}

/** The decoded headers (encoded words resolved) and the leaf parts of a raw message. */
export function readMessage(raw: string): { headers: Record<string, string>; parts: MimePart[] } {
  const [headers, body] = splitHead(raw);
  return { headers, parts: leaves(headers, body) };
}

function splitHead(raw: string): [Record<string, string>, string] {
  const at = raw.indexOf('\r\n\r\n');
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return [headers, at < 0 ? '' : raw.slice(at + 4)];
}

function leaves(headers: Record<string, string>, body: string): MimePart[] {
  const contentType = headers['content-type'] ?? 'text/plain';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1] ?? '';
    const sections = body.split(`--${boundary}`).slice(1);
    return sections
      .filter((s) => !s.startsWith('--'))
      .flatMap((s) => {
        const [h, b] = splitHead(s.replace(/^\r\n/, ''));
        return leaves(h, b);
      });
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1');
  return [{ headers, type, body: bytes, filename: filenameOf(headers) }];
}

/** RFC 2231 (filename*0*=utf-8''…) or a plain / encoded-word filename. */
function filenameOf(headers: Record<string, string>): string | null {
  const disposition = headers['content-disposition'] ?? '';
  const pieces = [...disposition.matchAll(/filename\*(?:(\d+)\*?)?=([^;]+)/gi)]
    .sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0))
    .map((m) => m[2]!.trim().replace(/^"|"$/g, ''));
  if (pieces.length) return decodeURIComponent(pieces.join('').replace(/^[^']*'[^']*'/, ''));
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return plain ? decodeWords(plain) : null;
}

/** Resolves RFC 2047 encoded words (UTF-8, B or Q), joining adjacent ones before decoding. */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map((m) =>
      m[1]!.toUpperCase() === 'B'
        ? Buffer.from(m[2]!, 'base64')
        : decodeQuotedPrintable(m[2]!.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}

function decodeQuotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(out);
}
