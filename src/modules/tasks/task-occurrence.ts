/**
 * Occurrences of recurring duties (pure, derived — no table). A duty written 每月 / 每季度 / 每年 in a
 * plan of year Y must be done once in each month / quarter / the year Y; each period is an OCCURRENCE
 * due on the period's last day. A unit meets an occurrence with an accepted report dated inside the
 * period; a period that has ended without one is missed (逾期 for that unit). 实时 and 持续推进 have no
 * periods, so they have no occurrences. Rules: docs/workflows/tasks.md.
 */
import { addDays } from '../../lib/calendar/index.ts';

/** Periods per year of each recurrence that has them. */
export const OCCURRENCE_PERIODS: Readonly<Record<string, number>> = { monthly: 12, quarterly: 4, yearly: 1 };

const QUARTER_WORDS = ['第一季度', '第二季度', '第三季度', '第四季度'];

export interface Occurrence {
  /** 1-based index of the period in the year. */
  index: number;
  /** "2026年3月", "2026年第一季度", "2026年". */
  label: string;
  start: string;
  /** The last day of the period: the occurrence's due date. */
  end: string;
}

/** 'met' (accepted report dated in the period), 'missed' (period over without one), 'upcoming',
 * or 'closed' (the unit's part was finished before the period began, so nothing more is owed). */
export type OccurrenceState = 'met' | 'missed' | 'upcoming' | 'closed';

export const OCCURRENCE_STATE_LABELS: Record<OccurrenceState, string> = {
  met: '已报送',
  missed: '逾期未报送',
  upcoming: '未到期',
  closed: '已办结',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The occurrences of a recurrence in a plan year, in order; none for 实时/持续推进 or other values. */
export function occurrencesOf(recurrence: string | null, year: number): Occurrence[] {
  const n = recurrence === null ? undefined : OCCURRENCE_PERIODS[recurrence];
  if (n === undefined) return [];
  const months = 12 / n;
  return Array.from({ length: n }, (_, i) => {
    const first = i * months + 1;
    const next = first + months;
    const end = addDays(next > 12 ? `${year + 1}-01-01` : `${year}-${pad(next)}-01`, -1);
    const label = n === 12 ? `${year}年${first}月` : n === 4 ? `${year}年${QUARTER_WORDS[i]}` : `${year}年`;
    return { index: i + 1, label, start: `${year}-${pad(first)}-01`, end };
  });
}

/** The first accepted report date inside the occurrence's period, or null. */
export function metOn(o: Occurrence, acceptedReportDates: string[]): string | null {
  const inside = acceptedReportDates.filter((d) => d >= o.start && d <= o.end).sort();
  return inside[0] ?? null;
}

/**
 * The state of one occurrence for one unit on `today` (China). The due date itself is still in time:
 * an occurrence is missed only from the day after its period ends.
 */
export function occurrenceState(
  o: Occurrence,
  acceptedReportDates: string[],
  partDoneOn: string | null,
  today: string,
): OccurrenceState {
  if (metOn(o, acceptedReportDates) !== null) return 'met';
  if (partDoneOn !== null && o.start > partDoneOn) return 'closed';
  return today > o.end ? 'missed' : 'upcoming';
}
