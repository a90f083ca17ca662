/** Bridges a stored case to the pure clock and workflow: facts, snapshot and due-date refresh. */
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import {
  type ClockFacts,
  type ClockStatus,
  clockStatus,
  computeDueDate,
  correctionNoticeDeadline,
  type DueDateExplanation,
} from './info-request.clock.ts';
import { type Decision, letterFor, type ReplyType } from './info-request.model.ts';
import type { ConsultationRow, InfoRequestRow } from './info-request.repository.ts';
import { type CaseSnapshot, OPEN_STATES, type State } from './info-request.workflow.ts';

/** The clock facts of a stored case, or null before the date of receipt is fixed. */
function clockFactsOf(row: InfoRequestRow, consultations: readonly ConsultationRow[]): ClockFacts | null {
  if (!row.received_on) return null;
  return {
    receivedOn: row.received_on,
    correctionReceivedOn: row.correction_received_on,
    consultations: consultations.map((c) => ({ sentOn: c.sent_on, repliedOn: c.replied_on })),
    extensionWorkingDays: row.extension_working_days,
  };
}

/**
 * The due date a case should carry in `state`: computed while the clock runs (or is paused by a
 * consultation); none while waiting for confirmation or for the 补正 (the 20 days restart on its
 * receipt); frozen once answered or finished.
 */
export function dueDateFor(
  calendar: WorkingDayCalendar,
  state: State,
  row: InfoRequestRow,
  consultations: readonly ConsultationRow[],
): { dueDate: string | null; explanation: DueDateExplanation | null } {
  if (state === 'pending_confirmation' || state === 'awaiting_correction')
    return { dueDate: null, explanation: null };
  if (!OPEN_STATES.includes(state)) return { dueDate: row.due_date, explanation: null };
  const facts = clockFactsOf(row, consultations);
  if (!facts) return { dueDate: null, explanation: null };
  const explanation = computeDueDate(calendar, facts);
  return { dueDate: explanation.dueDate, explanation };
}

/** What the workflow guards need to know about a stored case. */
export function toSnapshot(
  row: InfoRequestRow,
  unitPath: string,
  calendar: WorkingDayCalendar,
  letterKinds: readonly string[] = [],
): CaseSnapshot {
  const decision = row.decision as Decision | null;
  const needed = decision ? letterFor(decision, (row.reply_type ?? 'other') as ReplyType) : null;
  return {
    state: row.state as State,
    unitPath,
    receivedOn: row.received_on,
    extensionWorkingDays: row.extension_working_days,
    correctionRequested: row.correction_requested_on !== null,
    correctionNoticeDeadline: row.received_on ? correctionNoticeDeadline(calendar, row.received_on) : null,
    dueDate: row.due_date,
    decision: row.decision as Decision | null,
    draftedByUserId: row.drafted_by,
    reviewPassed: row.review_passed_by !== null,
    replyLetterIssued: decision !== null && (needed === null || letterKinds.includes(needed)),
  };
}

/** 正常 / 临期 / 超期 of an open case with a due date, else null. */
export function caseClockStatus(
  calendar: WorkingDayCalendar,
  row: InfoRequestRow,
  today: string,
): ClockStatus | null {
  if (!row.due_date || !OPEN_STATES.includes(row.state as State)) return null;
  return clockStatus(calendar, today, row.due_date);
}
