/**
 * Is a column really updated as often as it promises? 国办秘函〔2019〕19号 (regulations §8) counts
 * columns not updated within their cycle and empty columns; the task ledger uses the same verdict as
 * evidence that a task such as “设立专栏，每月更新” is really done.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { daysBetween } from '../../../lib/calendar/index.ts';
import { UPDATE_CYCLE_LABELS, type UpdateCycle } from './column.model.ts';

/**
 * Days after the newest publication when a column becomes stale, per update cycle. 实时 follows the
 * inspection's two-week rule for dynamic columns (国办秘函〔2019〕19号); 按需 is never stale.
 */
const STALE_AFTER_DAYS: Record<UpdateCycle, number | null> = {
  realtime: 14,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  half_yearly: 183,
  yearly: 366,
  as_needed: null,
};

export type FreshnessStatus = 'fresh' | 'stale' | 'empty';

export const FRESHNESS_LABELS: Record<FreshnessStatus, string> = {
  fresh: '按时更新',
  stale: '未按时更新',
  empty: '空栏目',
};

export interface ColumnFreshness {
  columnId: number;
  name: string;
  unitId: number;
  cycle: UpdateCycle;
  lastPublishedOn: string | null;
  documents: number;
  status: FreshnessStatus;
  /** How the verdict was reached, in Chinese. */
  explanation: string;
}

/** The verdict for one column on `today` (plain dates, China time). */
export function assessFreshness(
  c: { cycle: UpdateCycle; lastPublishedOn: string | null; documents: number },
  today: string,
) {
  const cycle = UPDATE_CYCLE_LABELS[c.cycle];
  if (c.documents === 0 || !c.lastPublishedOn) {
    return { status: 'empty' as const, explanation: `栏目中没有已发布的信息（更新要求：${cycle}）` };
  }
  const age = daysBetween(c.lastPublishedOn, today);
  const limit = STALE_AFTER_DAYS[c.cycle];
  if (limit === null)
    return {
      status: 'fresh' as const,
      explanation: `最近发布 ${c.lastPublishedOn}；更新要求为${cycle}，不计超期`,
    };
  const status = age > limit ? ('stale' as const) : ('fresh' as const);
  return {
    status,
    explanation: `最近发布 ${c.lastPublishedOn}，距今 ${age} 天；更新要求${cycle}（${limit} 天内）${status === 'stale' ? '，已超期' : ''}`,
  };
}

/** Reads the newest publication date and document count of columns, then assesses them. */
export class ColumnFreshnessService {
  constructor(private readonly db: Kysely<DB>) {}

  async forColumns(columnIds: number[], today: string): Promise<ColumnFreshness[]> {
    if (columnIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('site_columns as c')
      .leftJoin('document_columns as dc', 'dc.column_id', 'c.id')
      .leftJoin('documents as d', (j) =>
        j.onRef('d.id', '=', 'dc.document_id').on('d.state', '=', 'published'),
      )
      .select((eb) => [
        'c.id',
        'c.name',
        'c.unit_id',
        'c.update_cycle',
        eb.fn.max('d.published_on').as('last'),
        eb.fn.count<number>('d.id').as('n'),
      ])
      .where('c.id', 'in', columnIds)
      .groupBy(['c.id', 'c.name', 'c.unit_id', 'c.update_cycle'])
      .orderBy('c.id')
      .execute();
    return rows.map((r) => {
      const base = {
        cycle: r.update_cycle as UpdateCycle,
        lastPublishedOn: (r.last as string | null) ?? null,
        documents: Number(r.n),
      };
      return { columnId: r.id, name: r.name, unitId: r.unit_id, ...base, ...assessFreshness(base, today) };
    });
  }
}
