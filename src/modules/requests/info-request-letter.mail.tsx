/**
 * The e-mail that carries a sent letter to the applicant: the letter as the HTML body (escaped by
 * preact like every page) and as a .docx attachment in the official layout. The subject names the
 * case and the letter, never the applicant, because it is stored in clear in the outbox.
 */
import type { Transaction } from 'kysely';
import { renderToString } from 'preact-render-to-string';
import type { DB } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { MailOutbox, NewMail } from '../../lib/mail/mail-outbox.ts';
import type { LetterMailPort } from './info-request.deps.ts';
import type { InfoRequestRow } from './info-request.repository.ts';
import type { ApplicantData } from './info-request.schemas.ts';
import { letterDocx } from './info-request-letter.docx.ts';
import type { InfoRequestRecordsRepository } from './info-request-records.repository.ts';
import type { InfoRequestSettingsService } from './info-request-settings.service.ts';

/** ref_type of letter e-mails in the outbox (the case page looks their state up by letter id). */
export const LETTER_MAIL_REF = 'info_request_letter';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LetterForMail {
  id: number;
  title: string;
  number: string;
  /** With the applicant's name filled in. */
  body: string;
}

/**
 * The e-mail of a letter being sent to `applicant`, or null when mail is off or the applicant gave
 * no address. Built before the transaction (the .docx takes a moment); the caller enqueues it in
 * the transaction that marks the letter sent. `letter.body` still holds the {申请人} placeholder.
 */
export async function letterMailFor(
  outbox: MailOutbox | undefined,
  letter: LetterForMail,
  applicant: Pick<ApplicantData, 'name' | 'email'>,
  c: { reference: string; agency: string },
): Promise<NewMail | null> {
  if (!outbox?.enabled || !applicant.email) return null;
  const body = letter.body.replaceAll('{申请人}', applicant.name);
  return { to: applicant.email, ...(await letterMail({ ...letter, body }, c)) };
}

/** The message for `letter` of case `reference` issued by `agency` (without the recipient). */
export async function letterMail(
  letter: LetterForMail,
  c: { reference: string; agency: string },
): Promise<Omit<NewMail, 'to'>> {
  const paragraphs = letter.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const footer = `本邮件由${c.agency}发送，所附 Word 文件为正式文书（受理编号 ${c.reference}）。您也可以凭受理编号和查询码在政府信息公开网站查询办理进度并查看本文书。`;
  const fileName = `${letter.title}（${letter.number}）.docx`;
  const html = `<!doctype html>${renderToString(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>{letter.title}</title>
      </head>
      <body>
        <h1>{letter.title}</h1>
        <p>{letter.number}</p>
        {paragraphs.map((p, i) => (
          <p key={i}>{p.split('\n').map((line, j) => (j === 0 ? line : [<br key={j} />, line]))}</p>
        ))}
        <hr />
        <p>{footer}</p>
      </body>
    </html>,
  )}`;
  return {
    kind: 'request.letter',
    ref: { type: LETTER_MAIL_REF, id: letter.id },
    subject: `${letter.title}（${letter.number}）——政府信息公开申请 ${c.reference}`,
    text: [letter.title, letter.number, ...paragraphs, '——', footer].join('\n\n'),
    html,
    attachments: [
      {
        filename: fileName,
        contentType: DOCX_TYPE,
        content: await letterDocx({ title: letter.title, number: letter.number, body: letter.body }),
      },
    ],
  };
}

/** The applicant's decrypted contact (name and e-mail) of a case the caller may handle. */
export interface ApplicantContactReader {
  applicantContact(ctx: CallContext, id: number): Promise<Pick<ApplicantData, 'name' | 'email'>>;
}

/**
 * E-mails for letters that a workflow event sends (the reply letter goes out with 答复): the mail is
 * built before the event's transaction (the .docx takes a moment) and enqueued inside it, so it
 * exists exactly when the event committed.
 */
export class LetterMails implements LetterMailPort {
  constructor(
    private readonly d: {
      outbox: MailOutbox;
      records: InfoRequestRecordsRepository;
      settings: InfoRequestSettingsService;
      /** Reads the applicant's contact (InfoRequestService fits; only this method is used). */
      service: ApplicantContactReader;
    },
  ) {}

  /** The mail for the newest unsent letter of `kind` on `row`, or null (mail off, no address, no letter). */
  async prepare(ctx: CallContext, row: InfoRequestRow, kind: string): Promise<NewMail | null> {
    if (!this.d.outbox.enabled) return null;
    const letter = (await this.d.records.letters(row.id)).filter((l) => l.kind === kind && !l.sent_on).at(-1);
    if (!letter) return null;
    const applicant = await this.d.service.applicantContact(ctx, row.id);
    return letterMailFor(this.d.outbox, letter, applicant, {
      reference: row.reference,
      agency: (await this.d.settings.forUnit(row.unit_id)).acceptingBody,
    });
  }

  enqueue(trx: Transaction<DB>, mail: NewMail): Promise<{ id: number; recipient: string }> {
    return this.d.outbox.enqueue(trx, mail);
  }
}
