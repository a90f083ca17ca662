/**
 * "Send to the unit" (issue 14 item 4, its first step): a question the box could not answer goes to the
 * unanswered queue (qa_questions, state open, source 'ask') with the unit the asker chose (or none: the
 * 政务公开办 routes it) and an optional e-mail — encrypted at rest with a keyed hash beside it (个人信息保护法),
 * never in the audit text or the logs. One transaction with its audit record; the entries part handles
 * everything after (queue pages, answer, promote).
 */
import { createHmac } from 'node:crypto';
import type { CallContext } from '../../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { FieldCipher } from '../../../lib/field-cipher.ts';
import { abuseProblem } from '../../../lib/form-abuse.ts';
import { validateEmail } from '../../../lib/validators/contact.ts';
import type { AnswerService } from './answer.service.ts';
import { EMPTY_QUESTION_MESSAGE, parseQuestion } from './answer-query.ts';
import type { AnswersDeps } from './answers-deps.ts';
import { insertAskedQuestion } from './ask-question.repository.ts';

export interface AskedQuestion {
  id: number;
  /** The unit chosen (null: the 政务公开办 routes it). */
  unitName: string | null;
  withContact: boolean;
}

/** Keyed hash of an e-mail (find a person's questions without decrypting every row). */
export function contactHash(key: Uint8Array, email: string): string {
  return createHmac('sha256', Buffer.from(key)).update(`qa-contact:${email.toLowerCase()}`).digest('hex');
}

export class AskQuestionService {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly d: Pick<
      AnswersDeps,
      'db' | 'audit' | 'clock' | 'units' | 'formSecret' | 'encryptionKey'
    >,
    private readonly box: AnswerService,
  ) {
    this.cipher = new FieldCipher(d.encryptionKey);
  }

  /** Checks the form (every problem at once, by field) and files the question. */
  async send(ctx: CallContext, fields: Record<string, unknown>, minFillMs?: number): Promise<AskedQuestion> {
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const problems: FieldProblem[] = [];
    const parsed = parseQuestion(String(fields.question ?? ''));
    if (parsed.groups.length === 0)
      problems.push({ field: 'question', message: `问题：${EMPTY_QUESTION_MESSAGE}` });
    const unitRaw = String(fields.toUnit ?? '').trim();
    const unit =
      unitRaw === '' ? null : (await this.d.units.activeUnits()).find((u) => String(u.id) === unitRaw);
    if (unitRaw !== '' && !unit) problems.push({ field: 'toUnit', message: '转交单位：请选择列表中的单位' });
    const contactRaw = String(fields.contact ?? '').trim();
    const email = contactRaw === '' ? null : validateEmail(contactRaw);
    if (email && !email.ok) problems.push({ field: 'contact', message: `联系邮箱：${email.reason}` });
    if (String(fields.consent ?? '') !== '1')
      problems.push({ field: 'consent', message: '同意：请确认同意将问题转交有关单位处理' });
    if (problems.length) throw AppError.validation(problems);
    // The score is recomputed here: the form's own copy of it is not trusted.
    const best = (await this.box.ask({ q: parsed.question })).bestScore;
    const contact = email?.ok ? email.normalised : null;
    const now = this.d.clock.now().toISOString();
    const id = await this.d.db.transaction().execute(async (trx) => {
      const id = await insertAskedQuestion(trx, {
        question: parsed.question,
        unit_id: unit?.id ?? null,
        source: 'ask',
        letter_id: null,
        contact_enc: contact ? this.cipher.encrypt(contact) : null,
        contact_hash: contact ? contactHash(this.d.encryptionKey, contact) : null,
        best_score: best,
        state: 'open',
        answer: null,
        answered_by: null,
        answered_at: null,
        entry_id: null,
        close_reason: null,
        created_at: now,
        updated_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'qa.question.ask',
        targetType: 'qa_question',
        targetId: id,
        // No question text and no contact: both may hold personal data.
        summary: `问答箱转来一个未能解答的问题（${unit ? `转交${unit.name}` : '待分派单位'}${contact ? '，留有联系邮箱' : ''}）`,
      });
      return id;
    });
    return { id, unitName: unit?.name ?? null, withContact: contact !== null };
  }
}
