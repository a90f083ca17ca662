/**
 * Public use-cases of 在线调查: the list and form, answering once, the results (public when published,
 * always for the unit's staff) and the staff's xlsx export.
 */
import type { CallContext } from '../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { validateEmail, validatePhone } from '../../lib/validators/index.ts';
import { MAX_CONTACT_LENGTH, parseAnswers, type Question, textProblem } from './survey.model.ts';
import type { SurveyAdminService, SurveyDeps } from './survey-admin.service.ts';
import { computeResults, type SurveyResults } from './survey-results.ts';
import { voterHash, voterId } from './survey-voter.ts';
import { surveyWorkbook } from './survey-xlsx.ts';
import type { SurveyListRow, SurveyRow } from './surveys.repository.ts';

/** The message of a second response (shown on the form, nothing stored). */
export const ALREADY_RESPONDED = '您已提交过本次调查的答卷，每人只能提交一次。感谢您的参与！';

export interface ResultsView {
  survey: SurveyRow;
  results: SurveyResults;
  /** The viewer is staff of the survey's unit. */
  staff: boolean;
  /** Text answers are listed (staff, or the survey publishes them). */
  showTexts: boolean;
}

export class SurveyPublicService {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly d: SurveyDeps & { formSecret: string; admin: SurveyAdminService },
    encryptionKey: Uint8Array,
  ) {
    this.cipher = new FieldCipher(encryptionKey);
  }

  list(): Promise<SurveyListRow[]> {
    return this.d.repo.listPublic();
  }

  /** An open or closed survey and its questions; drafts are not found. */
  async get(id: number): Promise<{ survey: SurveyRow; questions: Question[]; accepting: boolean }> {
    const survey = await this.d.repo.findPublic(id);
    if (!survey) throw AppError.notFound('调查');
    return { survey, questions: await this.d.repo.questions(id), accepting: this.accepting(survey) };
  }

  /** Open, and today inside its window (the daily job may not have run yet today). */
  accepting(s: SurveyRow): boolean {
    const today = this.d.admin.today();
    return (
      s.state === 'open' && (!s.opens_on || s.opens_on <= today) && (!s.closes_on || s.closes_on >= today)
    );
  }

  /**
   * Stores one response. Refused as a whole: automated-looking posts, a survey not taking answers, a
   * browser without a voter token, a second response; otherwise every answer problem by its question.
   */
  async respond(
    ctx: CallContext,
    id: number,
    fields: Record<string, unknown>,
    voterToken: unknown,
    minFillMs?: number,
  ): Promise<number> {
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const { survey, questions, accepting } = await this.get(id);
    if (!accepting)
      throw AppError.validation([{ field: '_', message: '本次调查已结束或尚未开始，不接受答卷' }]);
    const voter = voterId(this.d.formSecret, voterToken);
    if (!voter)
      throw AppError.validation([
        { field: '_', message: '无法确认答卷来源，请允许本网站使用 Cookie 后刷新页面重新填写' },
      ]);
    const hash = voterHash(this.d.formSecret, id, voter);
    if (await this.d.repo.hasResponded(id, hash))
      throw AppError.validation([{ field: '_', message: ALREADY_RESPONDED }]);
    const parsed = parseAnswers(questions, fields);
    const problems: FieldProblem[] = parsed.ok ? [] : [...parsed.problems];
    const contact = survey.asks_contact === 1 ? this.contact(fields.contact, problems) : null;
    if (!parsed.ok || problems.length) throw AppError.validation(problems);
    try {
      return await this.d.db.transaction().execute(async (trx) => {
        const rid = await this.d.repo.insertResponse(
          trx,
          {
            survey_id: id,
            voter_hash: hash,
            contact_enc: contact ? this.cipher.encrypt(contact) : null,
            submitted_at: this.d.clock.now().toISOString(),
          },
          parsed.answers,
        );
        await this.d.audit.record(trx, ctx, {
          action: 'survey.respond',
          targetType: 'survey',
          targetId: id,
          summary: `在线调查「${survey.title}」收到一份答卷`,
        });
        return rid;
      });
    } catch (e) {
      // two tabs posting at once: the unique (survey, voter) constraint refuses the second
      if (await this.d.repo.hasResponded(id, hash))
        throw AppError.validation([{ field: '_', message: ALREADY_RESPONDED }]);
      throw e;
    }
  }

  /** The optional contact: a phone number or an e-mail address, normalised; problems added by field. */
  private contact(raw: unknown, problems: FieldProblem[]): string | null {
    const v = String(raw ?? '').trim();
    if (!v) return null;
    const text = textProblem('联系方式', v, MAX_CONTACT_LENGTH);
    if (text) {
      problems.push({ field: 'contact', message: text });
      return null;
    }
    const result = v.includes('@') ? validateEmail(v) : validatePhone(v);
    if (!result.ok) {
      problems.push({ field: 'contact', message: `联系方式：${result.reason}` });
      return null;
    }
    return result.normalised;
  }

  /** The results: public once published, always for the unit's staff; otherwise not found. */
  async results(ctx: CallContext, id: number): Promise<ResultsView> {
    const survey = await this.d.repo.find(id);
    if (!survey) throw AppError.notFound('调查结果');
    const staff = await this.d.admin.isStaff(ctx, survey);
    if (!staff && !survey.results_published_at) throw AppError.notFound('调查结果');
    const [questions, responses] = await Promise.all([this.d.repo.questions(id), this.d.repo.responses(id)]);
    return {
      survey,
      results: computeResults(questions, responses),
      staff,
      showTexts: staff || survey.public_text_answers === 1,
    };
  }

  /** The staff's .xlsx: one sheet of raw responses (contacts decrypted), one of totals. */
  async exportXlsx(ctx: CallContext, id: number): Promise<{ fileName: string; body: Buffer }> {
    const survey = await this.d.admin.authorised(ctx, id);
    const [questions, responses] = await Promise.all([this.d.repo.questions(id), this.d.repo.responses(id)]);
    const withContacts = responses.map((r) => ({
      ...r,
      contact: r.contactEnc ? this.cipher.decrypt(r.contactEnc) : null,
    }));
    const body = await surveyWorkbook(survey, questions, withContacts, computeResults(questions, responses));
    return { fileName: `${survey.title}（调查结果）.xlsx`, body };
  }
}
