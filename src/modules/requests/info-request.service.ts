/**
 * 依申请公开 use-cases outside the workflow table: online submission, staff intake from the other
 * channels, the handler's view, the masked workbench list and the public status lookup.
 * Applicant personal data is encrypted before it reaches the repository and decrypted only here.
 */
import { createHmac } from 'node:crypto';
import type { Unit } from '../../db/schema.ts';
import { can, scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai, yearOf } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { FieldCipher, hashLookupCode, lookupCodeMatches, newLookupCode } from '../../lib/field-cipher.ts';
import { parseInput } from '../../lib/validation.ts';
import { maskIdNumber, maskName, maskPhone } from '../../lib/validators/index.ts';
import { caseClockStatus, dueDateFor } from './info-request.case.ts';
import type { ClockStatus, DueDateExplanation } from './info-request.clock.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import { intakeSchema } from './info-request.intake.ts';
import { CHANNEL_INFO, type Channel } from './info-request.model.ts';
import type { CaseFilter, ConsultationRow, InfoRequestRow, TimelineRow } from './info-request.repository.ts';
import { type ApplicantData, type ApplicationInput, applicationSchema } from './info-request.schemas.ts';
import { STATE_LABELS, type State } from './info-request.workflow.ts';
import { InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';

/** What the applicant keeps after submitting: both are needed for the status page. */
export interface Submission {
  id: number;
  reference: string;
  lookupCode: string;
  /** False when an identical idempotency key had already created the application. */
  created: boolean;
}

/** A workbench row; personal data is masked unless the actor is the case's handler. */
export interface CaseListItem {
  id: number;
  reference: string;
  unitId: number;
  state: State;
  stateLabel: string;
  channel: Channel;
  applicantName: string;
  applicantPhone: string;
  dueDate: string | null;
  clockStatus: ClockStatus | null;
  masked: boolean;
}

/** The public status page: state and timeline, never personal data. */
export interface PublicStatus {
  reference: string;
  stateLabel: string;
  receivedOn: string | null;
  dueDate: string | null;
  timeline: { occurredAt: string; note: string }[];
  /** 一事一申请: the case this one was split from, and the cases split from it (受理编号 only). */
  splitFrom: string | null;
  splitInto: string[];
  /** Letters sent to the applicant. */
  letters: { id: number; title: string; number: string; sentOn: string; body: string }[];
}

export class InfoRequestService {
  private readonly cipher: FieldCipher;
  private readonly key: Uint8Array;
  private readonly lifecycle: InfoRequestLifecycleRepository;

  /** @param encryptionKey 32 bytes (AES-256) from configuration; see lib/field-cipher.ts. */
  constructor(
    private readonly d: InfoRequestDeps,
    encryptionKey: Uint8Array,
  ) {
    this.cipher = new FieldCipher(encryptionKey);
    this.key = encryptionKey;
    this.lifecycle = new InfoRequestLifecycleRepository(d.db);
  }

  /** An online application (网上): waits as 待确认 until staff confirm receipt (条例 第三十一条). */
  async submitOnline(ctx: CallContext, unitId: number, raw: unknown): Promise<Submission> {
    const input = parseInput(applicationSchema, raw);
    const unit = await this.activeUnit(unitId);
    return this.create(ctx, unit, input, { channel: 'online', receivedOn: null });
  }

  /** Staff intake from any channel with the date of receipt that channel's rule gives. */
  async intake(ctx: CallContext, unitId: number, raw: unknown): Promise<Submission> {
    const unit = await this.activeUnit(unitId);
    if (!can(ctx.actor, 'request.handle', unit.path)) throw AppError.forbidden();
    const today = todayInShanghai(this.d.clock.now());
    const { application, channel, receivedOn } = parseInput(intakeSchema(today), raw);
    return this.create(ctx, unit, application, { channel, receivedOn });
  }

  private async activeUnit(unitId: number): Promise<Unit> {
    const unit = await this.d.unitDirectory.findById(unitId);
    if (!unit?.active) throw AppError.notFound('受理单位');
    return unit;
  }

  private async create(
    ctx: CallContext,
    unit: Unit,
    input: ApplicationInput,
    how: { channel: Channel; receivedOn: string | null },
  ): Promise<Submission> {
    const replay = await this.replay(input.idempotencyKey, unit.id);
    if (replay) return replay;
    try {
      return await this.insertNew(ctx, unit, input, how);
    } catch (e) {
      // Two concurrent submissions with the same key: the unique index let one through.
      const again = await this.replay(input.idempotencyKey, unit.id);
      if (again) return again;
      throw e;
    }
  }

  private async replay(key: string | null, unitId: number): Promise<Submission | null> {
    if (!key) return null;
    const row = await this.d.repo.findByIdempotencyKey(key);
    if (!row) return null;
    if (row.unit_id !== unitId) throw AppError.conflict('该提交标识已被使用，请刷新页面后重新填写');
    return {
      id: row.id,
      reference: row.reference,
      lookupCode: this.cipher.decrypt(row.lookup_code_enc),
      created: false,
    };
  }

  private async insertNew(
    ctx: CallContext,
    unit: Unit,
    input: ApplicationInput,
    how: { channel: Channel; receivedOn: string | null },
  ): Promise<Submission> {
    const now = this.d.clock.now();
    const year = yearOf(todayInShanghai(now));
    const lookupCode = newLookupCode();
    const state: State = how.receivedOn ? 'accepted' : 'pending_confirmation';
    const calendar = await this.d.calendar.calendar();
    return this.d.db.transaction().execute(async (trx) => {
      const serial = await this.d.repo.nextSerial(trx, unit.id, year);
      const reference = `${unit.code}-${year}-${String(serial).padStart(5, '0')}`;
      const row = await this.d.repo.insert(trx, {
        ...rowFields(input, how),
        unit_id: unit.id,
        reference,
        serial_year: year,
        lookup_code_hash: hashLookupCode(lookupCode),
        lookup_code_enc: this.cipher.encrypt(lookupCode),
        state,
        applicant_enc: this.cipher.encrypt(JSON.stringify(input.applicant)),
        applicant_key: applicantKey(this.key, input.applicant),
        submitted_at: now.toISOString(),
        handler_user_id: how.receivedOn && ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      const { dueDate } = dueDateFor(calendar, state, row, []);
      await this.d.repo.update(trx, row.id, { due_date: dueDate });
      const channelLabel = CHANNEL_INFO[how.channel].label;
      await this.d.repo.addTimeline(trx, {
        request_id: row.id,
        occurred_at: now.toISOString(),
        event: 'submit',
        from_state: null,
        to_state: state,
        public_note: how.receivedOn
          ? `通过${channelLabel}收到申请，收到申请日期为 ${how.receivedOn}，答复期限至 ${dueDate}`
          : '已在网上提交申请，待工作人员确认收到',
        actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      await this.d.audit.record(trx, ctx, {
        action: how.receivedOn ? 'request.intake' : 'request.submit',
        targetType: 'info_request',
        targetId: row.id,
        summary: `${how.receivedOn ? '登记' : '收到网上提交的'}政府信息公开申请 ${reference}（${channelLabel}）`,
        after: { reference, state, channel: how.channel, receivedOn: how.receivedOn, dueDate },
      });
      return { id: row.id, reference, lookupCode, created: true };
    });
  }

  /** The full case for someone who may handle it: decrypted applicant data and the due-date arithmetic. */
  async getForHandling(
    ctx: CallContext,
    id: number,
  ): Promise<{
    row: InfoRequestRow;
    applicant: ApplicantData;
    consultations: ConsultationRow[];
    timeline: TimelineRow[];
    clock: DueDateExplanation | null;
  }> {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('申请');
    const unit = await this.d.unitDirectory.findById(row.unit_id);
    if (!unit || !can(ctx.actor, 'request.handle', unit.path)) throw AppError.forbidden();
    const consultations = await this.d.repo.consultations(id);
    const calendar = await this.d.calendar.calendar();
    return {
      row,
      applicant: this.applicantOf(row),
      consultations,
      timeline: await this.d.repo.timeline(id),
      clock: await this.withSplitLine(
        row,
        dueDateFor(calendar, row.state as State, row, consultations).explanation,
      ),
    };
  }

  /**
   * The applicant's decrypted name and e-mail, for someone who may handle the case (the letter
   * mailer's narrow reader, info-request-letter.mail.tsx#ApplicantContactReader).
   */
  async applicantContact(ctx: CallContext, id: number): Promise<Pick<ApplicantData, 'name' | 'email'>> {
    const { applicant } = await this.getForHandling(ctx, id);
    return { name: applicant.name, email: applicant.email };
  }

  /** A split case's clock runs from the original application's receipt: the explanation says so. */
  private async withSplitLine(
    row: InfoRequestRow,
    clock: DueDateExplanation | null,
  ): Promise<DueDateExplanation | null> {
    if (!clock || !row.split_from_id) return clock;
    const parent = await this.lifecycle.referenceOf(row.split_from_id);
    const text = `本申请由申请 ${parent ?? ''} 按“一事一申请”拆分而来，申请人提出的是同一份申请，收到申请之日沿用原申请的 ${row.received_on}（补正、征求意见等计算也与原申请相同），答复期限不因拆分重新计算`;
    return { ...clock, lines: [{ kind: 'start', text }, ...clock.lines] };
  }

  /** The workbench list in the actor's units, soonest due first, with counts per state. */
  async list(
    ctx: CallContext,
    filter: Omit<CaseFilter, 'scopes'> = {},
  ): Promise<{ items: CaseListItem[]; counts: Record<string, number> }> {
    const scopes = scopesFor(ctx.actor, 'request.handle');
    const rows = await this.d.repo.list({ ...filter, scopes });
    const calendar = await this.d.calendar.calendar();
    const today = todayInShanghai(this.d.clock.now());
    const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const items = rows.map((row): CaseListItem => {
      const a = this.applicantOf(row);
      const masked = me === null || row.handler_user_id !== me || row.applicant_erased_on !== null;
      return {
        id: row.id,
        reference: row.reference,
        unitId: row.unit_id,
        state: row.state as State,
        stateLabel: STATE_LABELS[row.state as State],
        channel: row.channel as Channel,
        applicantName: row.applicant_erased_on ? '（已清除）' : masked ? maskName(a.name) : a.name,
        applicantPhone: row.applicant_erased_on ? '' : masked ? maskPhone(a.phone) : a.phone,
        dueDate: row.due_date,
        clockStatus: caseClockStatus(calendar, row, today),
        masked,
      };
    });
    return { items, counts: await this.d.repo.countByState(scopes) };
  }

  /**
   * The public status lookup: 受理编号 + 查询码. The same error for an unknown number and a wrong
   * code, so the page cannot be used to find out which numbers exist.
   */
  async lookupStatus(reference: string, lookupCode: string): Promise<PublicStatus> {
    const row = await this.d.repo.findByReference(reference.trim().toUpperCase());
    if (!row || !lookupCodeMatches(lookupCode.trim(), row.lookup_code_hash)) {
      throw new AppError('not_found', '受理编号或查询码不正确');
    }
    const letters = await this.d.repo.sentLetters(row.id);
    const timeline = await this.d.repo.timeline(row.id);
    const name = row.applicant_erased_on ? '申请人' : maskName(this.applicantOf(row).name);
    return {
      reference: row.reference,
      stateLabel: STATE_LABELS[row.state as State],
      receivedOn: row.received_on,
      dueDate: row.due_date,
      timeline: timeline.map((t) => ({ occurredAt: t.occurred_at, note: t.public_note })),
      splitFrom: row.split_from_id ? await this.lifecycle.referenceOf(row.split_from_id) : null,
      splitInto: (await this.lifecycle.splitChildren(row.id)).map((c) => c.reference),
      // Letters are addressed to the applicant; the public page shows the name masked.
      letters: letters.map((l) => ({
        id: l.id,
        title: l.title,
        number: l.number,
        sentOn: l.sent_on as string,
        body: l.body.replaceAll('{申请人}', name),
      })),
    };
  }

  /** The decrypted applicant, or ERASED_APPLICANT once the retention job has erased the data. */
  private applicantOf(row: InfoRequestRow): ApplicantData {
    if (row.applicant_erased_on) return ERASED_APPLICANT;
    return JSON.parse(this.cipher.decrypt(row.applicant_enc)) as ApplicantData;
  }
}

/** What stands for the applicant once the data has been erased (pages say so instead of showing it). */
const ERASED_APPLICANT: ApplicantData = {
  name: '（已清除）',
  idType: null,
  idNumber: null,
  workUnit: null,
  creditCode: null,
  legalRepresentative: null,
  contactName: null,
  address: '',
  postcode: '',
  phone: '',
  email: null,
};

/**
 * A keyed hash identifying the applicant (证件号码 or 统一社会信用代码, else name + phone), so the
 * 按件 fee can count an applicant's applications in a month without decrypting any row.
 */
function applicantKey(key: Uint8Array, a: ApplicantData): string {
  const identity = a.idNumber ?? a.creditCode ?? `${a.name}|${a.phone}`;
  return createHmac('sha256', key).update(`applicant:${identity.toUpperCase()}`).digest('hex');
}

/** Masks every personal field of an applicant (for exports and logs). */
export function maskApplicant(a: ApplicantData): ApplicantData {
  return {
    ...a,
    name: maskName(a.name),
    idNumber: a.idNumber ? maskIdNumber(a.idNumber) : null,
    phone: maskPhone(a.phone),
    email: a.email ? a.email.replace(/^(.).*(@.*)$/, '$1***$2') : null,
    address: a.address ? `${Array.from(a.address).slice(0, 6).join('')}***` : a.address,
  };
}

function rowFields(input: ApplicationInput, how: { channel: Channel; receivedOn: string | null }) {
  return {
    idempotency_key: input.idempotencyKey,
    channel: how.channel,
    applicant_kind: input.applicantKind,
    report_category: input.reportCategory,
    info_name: input.infoName,
    info_doc_number: input.infoDocNumber,
    info_description: input.infoDescription,
    delivery_method: input.deliveryMethod,
    carrier: input.carrier,
    received_on: how.receivedOn,
  };
}
