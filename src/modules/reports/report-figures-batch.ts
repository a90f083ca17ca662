/**
 * The figures of many units' reports at once (issue 12 §8: a province's 1,000 units in under 2 s).
 * `ReportFiguresService.compute` runs several queries per unit; this loads the cases, 复议/诉讼 and fees of
 * every unit in one query each, the entered values in one, and the library's table 二 from one load,
 * then puts each unit's figures together with the same pure `assembleFigures`, so the numbers are those
 * of `compute`. Each unit's own figures (not its subtree: the totals page uses `compute(…, true)`).
 */
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import type { PolicyFiguresService } from '../policies/policy-figures.service.ts';
import type { InfoRequestStatsService } from '../requests/info-request-stats.service.ts';
import { assembleFigures, type ComputedFigures } from './report-figures.service.ts';
import { ReportRepository, type ValueRow } from './reports.repository.ts';

export interface ReportFiguresBatchDeps {
  db: Kysely<DB>;
  requests: Pick<InfoRequestStatsService, 'annualRecordsManyYears'> | null;
  library: Pick<PolicyFiguresService, 'tableTwoManyYears'> | null;
}

/** Bound parameters per IN list of the values query. */
const CHUNK = 2000;

export class ReportFiguresBatch {
  private readonly repo: ReportRepository;
  constructor(private readonly d: ReportFiguresBatchDeps) {
    this.repo = new ReportRepository(d.db);
  }

  /** The figures of each unit's report for `year`, by unit id. */
  async computeMany(units: readonly Unit[], year: number): Promise<Map<number, ComputedFigures>> {
    return (await this.computeYears(units, [year])).get(year)!;
  }

  /** computeMany for several years (the dashboard: this year and last) from one load. By year, then unit. */
  async computeYears(
    units: readonly Unit[],
    years: readonly number[],
  ): Promise<Map<number, Map<number, ComputedFigures>>> {
    const ids = units.map((u) => u.id);
    const [records, values, library] = await Promise.all([
      this.d.requests ? this.d.requests.annualRecordsManyYears(ids, years) : null,
      Promise.all(years.map((y) => this.valuesOf(ids, y))),
      this.d.library ? this.d.library.tableTwoManyYears(units, years) : null,
    ]);
    const out = new Map<number, Map<number, ComputedFigures>>();
    years.forEach((year, i) => {
      const byUnit = new Map<number, ComputedFigures>();
      for (const unit of units)
        byUnit.set(
          unit.id,
          assembleFigures({
            unit,
            year,
            subtree: false,
            records: records
              ? (records.get(year)?.get(unit.id) ?? { cases: [], appeals: [], fees: [] })
              : null,
            values: values[i]!.get(unit.id) ?? [],
            libraryTable: library?.get(year)?.get(unit.id) ?? null,
            libraryInstalled: this.d.library !== null,
          }),
        );
      out.set(year, byUnit);
    });
    return out;
  }

  private async valuesOf(ids: readonly number[], year: number): Promise<Map<number, ValueRow[]>> {
    const out = new Map<number, ValueRow[]>();
    for (let i = 0; i < ids.length; i += CHUNK)
      for (const v of await this.repo.values(ids.slice(i, i + CHUNK), year)) {
        const list = out.get(v.unit_id);
        if (list) list.push(v);
        else out.set(v.unit_id, [v]);
      }
    return out;
  }
}
