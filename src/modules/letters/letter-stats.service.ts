/**
 * 信箱办理情况统计 from the records: one row per letter received in the period (letter-outputs.repository.ts),
 * the working days from the calendar, the figures from letter-stats.ts. The public page shows the figures per
 * unit and per box; staff also open the letters behind each number.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { todayInShanghai, type WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { ChannelKind } from './letter.model.ts';
import { LetterOutputsRepository } from './letter-outputs.repository.ts';
import {
  computeStats,
  inSet,
  type MemberSet,
  type StatsPeriod,
  type StatsRecord,
  type StatsRow,
  statsBy,
} from './letter-stats.ts';

export interface StatsDeps {
  db: Kysely<DB>;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
}

/** A unit's row; unitId null = letters still waiting to be routed. */
export interface UnitStats {
  unitId: number | null;
  unitName: string;
  row: StatsRow;
}
export interface ChannelStats {
  channelId: number;
  channelName: string;
  row: StatsRow;
}

export interface StatsReport {
  period: StatsPeriod;
  kind: ChannelKind;
  total: StatsRow;
  byUnit: UnitStats[];
  byChannel: ChannelStats[];
}

/** Which letters a staff member opens behind a number. */
export interface MembersQuery {
  /** A unit id, 'none' for the letters not yet routed, or null for all. */
  unit: number | 'none' | null;
  channelId: number | null;
  set: MemberSet;
}

export const UNROUTED_LABEL = '待分办（尚未交办单位）';

const chinaDay = (ts: string | null) => (ts ? todayInShanghai(new Date(ts)) : null);

export class LetterStatsService {
  private readonly repo: LetterOutputsRepository;
  constructor(private readonly d: StatsDeps) {
    this.repo = new LetterOutputsRepository(d.db);
  }

  /** The records of the letters received in the period (one box kind). */
  async records(period: StatsPeriod, kind: ChannelKind = 'mailbox'): Promise<StatsRecord[]> {
    const rows = await this.repo.statsRows(period.from, period.to, { channelKind: kind });
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      channelId: r.channel_id,
      unitId: r.unit_id,
      status: r.status,
      receivedOn: r.received_on,
      dueOn: r.due_on,
      answeredOn: r.answered_on,
      // Letters answered before replies were recorded (imported) count to their answered day.
      firstAnsweredOn: chinaDay((r.first_sent_at as string | null) ?? null) ?? r.answered_on,
      closedOn: chinaDay(r.closed_at),
      rating: r.rating,
    }));
  }

  /** The figures of the period: in total, per unit (in the site's order, 待分办 last) and per box. */
  async report(period: StatsPeriod, kind: ChannelKind = 'mailbox'): Promise<StatsReport> {
    const [records, cal, channels] = await Promise.all([
      this.records(period, kind),
      this.d.calendar.calendar(),
      this.repo.channels(),
    ]);
    const wd = (a: string, b: string) => cal.countWorkingDays(a, b);
    const units = await this.repo.unitNames([
      ...new Set(records.flatMap((r) => (r.unitId === null ? [] : [r.unitId]))),
    ]);
    const byUnitMap = new Map(statsBy(records, (r) => r.unitId, wd).map((g) => [g.key, g.row]));
    const byUnit: UnitStats[] = units.flatMap((u) => {
      const row = byUnitMap.get(u.id);
      return row ? [{ unitId: u.id, unitName: u.name, row }] : [];
    });
    const unrouted = byUnitMap.get(null);
    if (unrouted) byUnit.push({ unitId: null, unitName: UNROUTED_LABEL, row: unrouted });
    const byChannelMap = new Map(statsBy(records, (r) => r.channelId, wd).map((g) => [g.key, g.row]));
    const byChannel = channels
      .filter((c) => c.kind === kind)
      .flatMap((c) => {
        const row = byChannelMap.get(c.id);
        return row ? [{ channelId: c.id, channelName: c.name, row }] : [];
      });
    return { period, kind, total: computeStats(records, wd), byUnit, byChannel };
  }

  /** The letters behind one number (staff only: titles and references are not public). */
  async members(period: StatsPeriod, q: MembersQuery, kind: ChannelKind = 'mailbox'): Promise<StatsRecord[]> {
    const records = await this.records(period, kind);
    return records.filter(
      (r) =>
        (q.unit === null || (q.unit === 'none' ? r.unitId === null : r.unitId === q.unit)) &&
        (q.channelId === null || r.channelId === q.channelId) &&
        inSet(r, q.set),
    );
  }
}
