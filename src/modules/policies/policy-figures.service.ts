/**
 * Table 二 (first block) of the annual report for a unit and year, with the documents behind each figure
 * (issue 11 §6). The 年度报告 module calls `tableTwo`; the back office shows it at /admin/policies/figures.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { choice, optionalIntField, parseInput } from '../../lib/validation.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { Certainty, ValidityEvent } from './policy.model.ts';
import { PolicyFiguresRepository } from './policy-figures.repository.ts';
import {
  computeTableTwo,
  FIGURES,
  type Figure,
  type FigureEntry,
  type FigureKey,
  figureOf,
  TABLE_TWO_KINDS,
  type TableTwo,
  type TableTwoKind,
} from './policy-figures.ts';
import type { ValidityDates } from './validity.ts';

export interface PolicyFiguresDeps {
  db: Kysely<DB>;
  clock: Clock;
  units: Pick<UnitService, 'get' | 'findById' | 'listSubtree'>;
}

export interface TableTwoOptions {
  /** Count the unit and every unit below it (supervisors' view); default: the unit's own documents. */
  subtree?: boolean;
}

export interface UnitTableTwo extends TableTwo {
  unitId: number;
  unitName: string;
}

/** The query of the figures pages: unit, year, scope (and kind, figure for the list). */
export interface FiguresQuery {
  unitId: number | undefined;
  year: number;
  subtree: boolean;
  kind: TableTwoKind | undefined;
  figure: FigureKey | undefined;
}

export class PolicyFiguresService {
  private readonly repo: PolicyFiguresRepository;

  constructor(private readonly d: PolicyFiguresDeps) {
    this.repo = new PolicyFiguresRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /**
   * Table 二's first block (规章, 行政规范性文件 × 本年制发 · 本年废止 · 现行有效) of `unitId` for `year`:
   * each figure with its rule and its documents. A year after this one is refused (field `year`).
   */
  async tableTwo(unitId: number, year: number, opts: TableTwoOptions = {}): Promise<UnitTableTwo> {
    const today = this.today();
    if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4)))
      throw AppError.validation([{ field: 'year', message: `年度应在 2000 至 ${today.slice(0, 4)} 之间` }]);
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.validation([{ field: 'unit', message: `单位（编号 ${unitId}）不存在` }]);
    const unitIds = opts.subtree ? (await this.d.units.listSubtree(unit.path)).map((u) => u.id) : [unit.id];
    const entries = await this.loadEntries(unitIds);
    return {
      ...computeTableTwo(entries, year, today, !opts.subtree),
      unitId: unit.id,
      unitName: unit.name,
    };
  }

  /** One figure of the table with its documents (the list page). */
  async figure(
    unitId: number,
    year: number,
    kind: TableTwoKind,
    key: FigureKey,
    opts: TableTwoOptions = {},
  ): Promise<{ table: UnitTableTwo; kind: TableTwoKind; figure: Figure }> {
    const table = await this.tableTwo(unitId, year, opts);
    const row = table.rows.find((r) => r.kind === kind);
    if (!row)
      throw AppError.validation([{ field: 'kind', message: '请选择文件类型（规章或行政规范性文件）' }]);
    return { table, kind, figure: figureOf(row, key) };
  }

  /**
   * tableTwo of many units at once (each unit's own documents, as `tableTwo` without `subtree`), from one
   * load of their entries and events: the 年度报告 dashboard of a province.
   */
  async tableTwoMany(
    units: readonly { id: number; name: string }[],
    year: number,
  ): Promise<Map<number, UnitTableTwo>> {
    return (await this.tableTwoManyYears(units, [year])).get(year)!;
  }

  /** tableTwoMany for several years from the same one load. By year, then unit. */
  async tableTwoManyYears(
    units: readonly { id: number; name: string }[],
    years: readonly number[],
  ): Promise<Map<number, Map<number, UnitTableTwo>>> {
    const today = this.today();
    for (const year of years)
      if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4)))
        throw AppError.validation([{ field: 'year', message: `年度应在 2000 至 ${today.slice(0, 4)} 之间` }]);
    const rows = await this.repo.entries(
      units.map((u) => u.id),
      TABLE_TWO_KINDS,
    );
    const events = await this.repo.events(rows.map((r) => r.document_id));
    const eventsOf = new Map<number, typeof events>();
    for (const e of events) {
      const list = eventsOf.get(e.document_id);
      if (list) list.push(e);
      else eventsOf.set(e.document_id, [e]);
    }
    const byUnit = new Map<number, FigureEntry[]>();
    for (const r of rows) {
      const entry = toEntry(r, eventsOf.get(r.document_id) ?? []);
      const list = byUnit.get(r.unit_id);
      if (list) list.push(entry);
      else byUnit.set(r.unit_id, [entry]);
    }
    return new Map(
      years.map((year) => [
        year,
        new Map(
          units.map((u) => [
            u.id,
            { ...computeTableTwo(byUnit.get(u.id) ?? [], year, today, true), unitId: u.id, unitName: u.name },
          ]),
        ),
      ]),
    );
  }

  private async loadEntries(unitIds: number[]): Promise<FigureEntry[]> {
    const rows = await this.repo.entries(unitIds, TABLE_TWO_KINDS);
    const events = await this.repo.events(rows.map((r) => r.document_id));
    return rows.map((r) => ({
      documentId: r.document_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      kind: r.kind,
      title: r.title,
      docNumber: r.doc_number,
      dates: {
        publishedOn: r.published_on,
        effectiveOn: r.effective_on,
        expiresOn: r.expires_on,
        expirySource: r.expiry_source as ValidityDates['expirySource'],
        presumed: r.certainty === 'presumed' && r.effective_on === null,
      },
      events: events
        .filter((e) => e.document_id === r.document_id)
        .map((e) => ({
          id: Number(e.id),
          type: e.event_type as ValidityEvent,
          occursOn: e.occurs_on,
          certainty: e.certainty as Certainty,
        })),
    }));
  }
}

/** Parses the pages' query (`unit`, `year`, `scope`, `kind`, `figure`); problems name the fields. */
export function parseFiguresQuery(raw: unknown, today: string): FiguresQuery {
  const q = parseInput(
    z.object({
      unit: optionalIntField('单位', { min: 1 }),
      year: optionalIntField('年度', { min: 2000, max: Number(today.slice(0, 4)) }),
      scope: z.preprocess((v) => (v === '' || v == null ? 'own' : v), choice('统计范围', ['own', 'subtree'])),
      kind: z.preprocess((v) => (v === '' ? undefined : v), choice('文件类型', TABLE_TWO_KINDS).optional()),
      figure: z.preprocess((v) => (v === '' ? undefined : v), choice('指标', FIGURES).optional()),
    }),
    raw ?? {},
  );
  return {
    unitId: q.unit,
    // The annual report covers the previous year (regulations §5): it is the default.
    year: q.year ?? Number(today.slice(0, 4)) - 1,
    subtree: q.scope === 'subtree',
    kind: q.kind,
    figure: q.figure,
  };
}

type EntryRow = Awaited<ReturnType<PolicyFiguresRepository['entries']>>[number];
type EventRow = Awaited<ReturnType<PolicyFiguresRepository['events']>>[number];

/** An entry with its events, as `loadEntries` builds it (for `tableTwoMany`). */
function toEntry(r: EntryRow, events: readonly EventRow[]): FigureEntry {
  return {
    documentId: r.document_id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    title: r.title,
    docNumber: r.doc_number,
    dates: {
      publishedOn: r.published_on,
      effectiveOn: r.effective_on,
      expiresOn: r.expires_on,
      expirySource: r.expiry_source as ValidityDates['expirySource'],
      presumed: r.certainty === 'presumed' && r.effective_on === null,
    },
    events: events.map((e) => ({
      id: Number(e.id),
      type: e.event_type as ValidityEvent,
      occursOn: e.occurs_on,
      certainty: e.certainty as Certainty,
    })),
  };
}
