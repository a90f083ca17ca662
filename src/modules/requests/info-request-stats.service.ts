/** The annual-report statistics of 依申请公开 for a unit (optionally with its subtree) and a year. */

import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import type { InfoRequestRepository } from './info-request.repository.ts';
import {
  buildTable3,
  buildTable4,
  type CrossCheck,
  crossChecks,
  type StatsAppeal,
  type StatsCase,
  type Table3,
  type Table4,
} from './info-request.stats.ts';

export interface AnnualStats {
  unitId: number;
  year: number;
  subtree: boolean;
  table3: Table3;
  table4: Table4;
  checks: CrossCheck[];
}

/** A case as the annual report lists it behind a cell of table 三. */
export interface ReportCase extends StatsCase {
  id: number;
  reference: string;
}

/** What the 年度报告 module reads: the cases, 复议/诉讼 and fees behind tables 三, 四 and 信息处理费. */
export interface AnnualRecords {
  cases: ReportCase[];
  appeals: (StatsAppeal & { requestId: number; reference: string })[];
  fees: { requestId: number; reference: string; amountFen: number; paidOn: string }[];
}

export class InfoRequestStatsService {
  constructor(private readonly d: { repo: InfoRequestRepository; unitDirectory: UnitDirectory }) {}

  /** Tables 三 and 四 with their cross-checks; staff who handle requests of the unit (or the system). */
  async annual(ctx: CallContext, unitId: number, year: number, subtree = false): Promise<AnnualStats> {
    if (!Number.isInteger(year) || year < 2019 || year > 2100) {
      throw AppError.validation([{ field: 'year', message: '年份应为 2019 至 2100 之间的整数' }]);
    }
    const unit = await this.d.unitDirectory.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'request.handle', unit.path))
      throw AppError.forbidden();
    const rows = await this.d.repo.statsCases(unit, subtree, year, year + 1);
    const cases: StatsCase[] = rows.map((r) => ({
      reportCategory: r.report_category,
      decision: r.decision,
      receivedOn: r.received_on as string,
      concludedOn: r.concluded_on,
    }));
    const table3 = buildTable3(cases, year);
    // Next year's table from the same cases, so "四 of N = 二 of N+1" is checked on live data.
    const checks = crossChecks(table3, buildTable3(cases, year + 1));
    const appeals = await this.d.repo.appealsForStats(unit, subtree, year);
    const table4 = buildTable4(
      appeals.map((a) => ({ kind: a.kind, result: a.result, concludedOn: a.concluded_on })),
      year,
    );
    return { unitId, year, subtree, table3, table4, checks };
  }

  /**
   * The records behind the annual report of a unit (or its subtree) for `year`: cases that may count in
   * year or year + 1 (for "四 of N = 二 of N+1"), the 复议/诉讼 filed in the year, the fees paid in it.
   * For the 年度报告 module, which checks its own permissions.
   */
  async annualRecords(
    unit: { id: number; path: string },
    year: number,
    subtree = false,
  ): Promise<AnnualRecords> {
    const [rows, appeals, fees] = await Promise.all([
      this.d.repo.statsCases(unit, subtree, year, year + 1),
      this.d.repo.appealsForStats(unit, subtree, year),
      this.d.repo.feesPaid(unit, subtree, year),
    ]);
    return {
      cases: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        reportCategory: r.report_category,
        decision: r.decision,
        receivedOn: r.received_on as string,
        concludedOn: r.concluded_on,
      })),
      appeals: appeals.map((a) => ({
        requestId: a.request_id,
        reference: a.reference,
        kind: a.kind,
        result: a.result,
        concludedOn: a.concluded_on,
      })),
      fees: fees.map((f) => ({
        requestId: f.request_id,
        reference: f.reference,
        amountFen: f.amount_fen,
        paidOn: f.paid_on as string,
      })),
    };
  }

  /**
   * annualRecords of many units at once (each unit's own records, not its subtree): the 年度报告
   * dashboard of a province. Units without records get empty lists.
   */
  async annualRecordsMany(unitIds: readonly number[], year: number): Promise<Map<number, AnnualRecords>> {
    return (await this.annualRecordsManyYears(unitIds, [year])).get(year)!;
  }

  /**
   * annualRecordsMany for several years from one load of the cases (those that may count in any of
   * them: a case that does not count in a year adds nothing to its tables), with the 复议/诉讼 and fees of
   * each year. By year, then unit.
   */
  async annualRecordsManyYears(
    unitIds: readonly number[],
    years: readonly number[],
  ): Promise<Map<number, Map<number, AnnualRecords>>> {
    const [rows, perYear] = await Promise.all([
      this.d.repo.statsCasesOfUnits(unitIds, Math.min(...years), Math.max(...years) + 1),
      Promise.all(
        years.map((y) =>
          Promise.all([
            this.d.repo.appealsForStatsOfUnits(unitIds, y),
            this.d.repo.feesPaidOfUnits(unitIds, y),
          ]),
        ),
      ),
    ]);
    const cases = new Map<number, ReportCase[]>(unitIds.map((id) => [id, []]));
    for (const r of rows) {
      const c: ReportCase = {
        id: r.id,
        reference: r.reference,
        reportCategory: r.report_category,
        decision: r.decision,
        receivedOn: r.received_on as string,
        concludedOn: r.concluded_on,
      };
      const list = cases.get(r.unit_id);
      if (list) list.push(c);
      else cases.set(r.unit_id, [c]);
    }
    const out = new Map<number, Map<number, AnnualRecords>>();
    years.forEach((y, i) => {
      const [appeals, fees] = perYear[i]!;
      const byUnit = new Map<number, AnnualRecords>();
      const of = (id: number) => {
        let r = byUnit.get(id);
        if (!r) {
          r = { cases: cases.get(id) ?? [], appeals: [], fees: [] };
          byUnit.set(id, r);
        }
        return r;
      };
      for (const id of unitIds) of(id);
      for (const a of appeals)
        of(a.unit_id).appeals.push({
          requestId: a.request_id,
          reference: a.reference,
          kind: a.kind,
          result: a.result,
          concludedOn: a.concluded_on,
        });
      for (const f of fees)
        of(f.unit_id).fees.push({
          requestId: f.request_id,
          reference: f.reference,
          amountFen: f.amount_fen,
          paidOn: f.paid_on as string,
        });
      out.set(y, byUnit);
    });
    return out;
  }
}
