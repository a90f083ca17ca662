/**
 * Everything the back-office case page shows, for a member of staff who may handle the case: the case
 * with its clock, letters and their e-mails, fees, 复议/诉讼, files, the workflow actions the engine
 * offers (each with every reason it cannot run yet) and the split links. Showing the applicant's full
 * data is audited.
 */
import type { Unit } from '../../db/schema.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { MailStateView } from '../../lib/mail/mail-outbox.ts';
import { availability, type EventAvailability, offeredEvents } from '../../lib/workflow/definition.ts';
import { caseClockStatus, toSnapshot } from './info-request.case.ts';
import type { ClockStatus, DueDateExplanation } from './info-request.clock.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { LetterTemplate } from './info-request.model.ts';
import type { InfoRequestRow, TimelineRow } from './info-request.repository.ts';
import type { ApplicantData } from './info-request.schemas.ts';
import type { InfoRequestService } from './info-request.service.ts';
import { INFO_REQUEST_WORKFLOW, type State, type WorkflowEvent } from './info-request.workflow.ts';
import type { InfoRequestAppealService } from './info-request-appeals.service.ts';
import type { InfoRequestFeeService } from './info-request-fees.service.ts';
import { LETTER_MAIL_REF } from './info-request-letter.mail.tsx';
import type { InfoRequestLetterService } from './info-request-letters.service.ts';
import type {
  AppealRow,
  FeeRow,
  InfoRequestRecordsRepository,
  LetterRow,
} from './info-request-records.repository.ts';
import {
  type CaseLinks,
  type InfoRequestSplitService,
  SPLITTABLE_STATES,
} from './info-request-split.service.ts';

export interface CaseView {
  row: InfoRequestRow;
  unit: Unit;
  applicant: ApplicantData;
  showApplicant: boolean;
  clock: DueDateExplanation | null;
  clockStatus: ClockStatus | null;
  timeline: TimelineRow[];
  letters: LetterRow[];
  /** The e-mail of each sent letter, by letter id (when mail is configured). */
  letterMails: Map<number, MailStateView>;
  suggestedLetters: LetterTemplate[];
  fees: FeeRow[];
  appeals: AppealRow[];
  files: { id: number; file_name: string; size: number }[];
  /** The workflow events offered on the page, each with every reason it cannot run now. */
  events: EventAvailability<WorkflowEvent>[];
  /** 一事一申请: parent and children of the case, and whether it may be split now. */
  links: CaseLinks;
  canSplit: boolean;
  units: Unit[];
  today: string;
}

export interface CaseViewDeps
  extends Pick<InfoRequestDeps, 'db' | 'unitDirectory' | 'audit' | 'clock' | 'calendar'> {
  service: Pick<InfoRequestService, 'getForHandling'>;
  records: Pick<InfoRequestRecordsRepository, 'letters' | 'files'>;
  letters: Pick<InfoRequestLetterService, 'suggestedKinds'>;
  fees: Pick<InfoRequestFeeService, 'list'>;
  appeals: Pick<InfoRequestAppealService, 'list'>;
  split: Pick<InfoRequestSplitService, 'links'>;
  mail: { statesFor(refType: string, refIds: number[]): Promise<Map<number, MailStateView>> };
  units: { activeUnits(): Promise<Unit[]> };
}

export class InfoRequestCaseViewService {
  constructor(private readonly d: CaseViewDeps) {}

  /**
   * The case page's data. `show` reveals the applicant's full data to someone other than the case's
   * handler and records that in the audit log (`request.reveal`).
   */
  async caseView(ctx: CallContext, id: number, show: boolean): Promise<CaseView> {
    const c = await this.d.service.getForHandling(ctx, id);
    const unit = (await this.d.unitDirectory.findById(c.row.unit_id))!;
    const calendar = await this.d.calendar.calendar();
    const day = todayInShanghai(this.d.clock.now());
    const letters = await this.d.records.letters(id);
    const kinds = letters.map((l) => l.kind);
    const snapshot = toSnapshot(c.row, unit.path, calendar, kinds);
    // The engine says which events the page offers and why any cannot run yet (input comes later).
    const events = offeredEvents(
      availability(INFO_REQUEST_WORKFLOW, snapshot, { actor: ctx.actor, today: day }),
    );
    const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    if (show) await this.recordReveal(ctx, id, c.row.reference);
    return {
      ...c,
      unit,
      showApplicant: show || (me !== null && c.row.handler_user_id === me),
      clockStatus: caseClockStatus(calendar, c.row, day),
      letters,
      letterMails: await this.d.mail.statesFor(
        LETTER_MAIL_REF,
        letters.map((l) => l.id),
      ),
      suggestedLetters: this.d.letters.suggestedKinds(c.row),
      fees: await this.d.fees.list(id),
      appeals: await this.d.appeals.list(id),
      files: await this.d.records.files(id),
      events,
      links: await this.d.split.links(c.row),
      canSplit: SPLITTABLE_STATES.includes(c.row.state as State),
      units: (await this.d.units.activeUnits()).filter((u) => u.id !== c.row.unit_id),
      today: day,
    };
  }

  private async recordReveal(ctx: CallContext, id: number, reference: string): Promise<void> {
    await this.d.db.transaction().execute((trx) =>
      this.d.audit.record(trx, ctx, {
        action: 'request.reveal',
        targetType: 'info_request',
        targetId: id,
        summary: `查看政府信息公开申请 ${reference} 的申请人完整信息`,
      }),
    );
  }
}
