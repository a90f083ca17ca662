/**
 * Sending one message over SMTP with nodemailer (ADR 0006). The outbox decides what to send and
 * when; this only talks to the server. Configuration: SMTP_URL (smtp:// with STARTTLS when the
 * server offers it, smtps:// for implicit TLS; nodemailer URL options such as
 * ?tls.rejectUnauthorized=false are accepted) and MAIL_FROM.
 */
import nodemailer from 'nodemailer';

/** A file attached to a message (e.g. the letter as .docx). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What is sent: one recipient, a plain-text body and optionally HTML and attachments. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /**
   * Extra header fields, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 2369, RFC 8058). Names
   * are checked by the outbox (no From/To/Subject/… and no line breaks).
   */
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** The server's final reply, e.g. '250 OK: queued as 1234'. */
  response: string;
}

/** Anything that can send a message; the outbox depends on this, tests may give their own. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

/** Network timeouts: a stuck server must not hold a claimed message beyond its lease. */
const CONNECTION_TIMEOUT_MS = 30_000;
const GREETING_TIMEOUT_MS = 30_000;
const SOCKET_TIMEOUT_MS = 60_000;

export class Mailer implements MailTransport {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  /** @param opts.url SMTP_URL; @param opts.from MAIL_FROM, e.g. '某县人民政府办公室 <gkb@example.gov.cn>'. */
  constructor(private readonly opts: { url: string; from: string }) {
    this.transport = nodemailer.createTransport({
      url: opts.url,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      greetingTimeout: GREETING_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<SendResult> {
    const info = await this.transport.sendMail({
      from: this.opts.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
      ...(mail.headers ? { headers: mail.headers } : {}),
    });
    return { messageId: String(info.messageId ?? ''), response: String(info.response ?? '') };
  }

  close(): void {
    this.transport.close();
  }
}
