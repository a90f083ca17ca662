/**
 * A report's figures and where each comes from (issue 12 §1–2). Tables 三 and 四 and the 信息处理费 come
 * from the 依申请公开 cases; table 二's first block from the 规范性文件库; 许可, 处罚, 强制 and 收费 —
 * which no module holds — from values a clerk entered or loaded. A past year the platform holds no
 * records for takes the values imported from its published report. Every cell carries its source, so
 * the editor can link it to the records behind it or to the entry that set it.
 */
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PolicyFiguresService } from '../policies/policy-figures.service.ts';
import type { FigureKey, TableTwo, TableTwoKind } from '../policies/policy-figures.ts';
import {
  appealCell,
  buildTable3,
  buildTable4,
  type RowKey,
  rowsOfCase,
} from '../requests/info-request.stats.ts';
import type { AnnualRecords, InfoRequestStatsService } from '../requests/info-request-stats.service.ts';
import {
  type Cell,
  type ReportFigures,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROW_DECISION,
  TABLE3_ROW_KEYS,
  type Table2DocColumn,
  type Table2DocRow,
  type Table2SingleRow,
  type Table3RowKey,
} from './report.model.ts';
import {
  ALL_CELL_KEYS,
  type CellKey,
  cellLabel,
  ENTERED_ONLY_CELLS,
  emptyFigures,
  getCell,
  LIBRARY_CELLS,
  parseCellKey,
  setCell,
  table2DocKey,
} from './report-values.ts';
import { ReportRepository, type ValueRow } from './reports.repository.ts';

/** Where one number of the report comes from. */
export type CellSource =
  | { kind: 'records'; from: 'requests' | 'library'; explain: string }
  | {
      kind: 'value';
      origin: 'entered' | 'xlsx' | 'imported';
      enteredBy: string | null;
      enteredAt: string;
      importId: number | null;
      /** Units whose values were added up (subtree totals), else 1. */
      units: number;
    }
  | { kind: 'none'; explain: string };

export interface ComputedFigures {
  unitId: number;
  unitName: string;
  year: number;
  subtree: boolean;
  figures: ReportFigures;
  sources: Record<CellKey, CellSource>;
  /** 信息处理费 paid in the year (section 六): amount in 分 and number of payments. */
  fees: { amountFen: number; count: number };
  /** Chinese notes on how the figures were put together (shown above the tables). */
  notes: string[];
  /**
   * Whether the platform holds records for each block of the year: the library documents of table 二,
   * the cases of table 三, the 复议/诉讼 of table 四. A block it holds nothing for may be entered or imported.
   */
  held: { library: boolean; cases: boolean; appeals: boolean };
}

/** Whether `key` is computed from records the platform holds (so it can be neither entered nor imported). */
export function heldByRecords(computed: Pick<ComputedFigures, 'held'>, key: CellKey): boolean {
  if (LIBRARY_CELLS.includes(key)) return computed.held.library;
  if (key.startsWith('table3.')) return computed.held.cases;
  if (key.startsWith('table4.')) return computed.held.appeals;
  return false;
}

/** One record behind a cell. */
export interface CellRecord {
  href: string;
  title: string;
  note: string;
}

export interface CellRecords {
  key: CellKey;
  label: string;
  value: Cell;
  source: CellSource;
  /** How the number is counted, in words. */
  rule: string;
  records: CellRecord[];
}

const REQUEST_ROW: Partial<Record<Table3RowKey, RowKey>> = {
  一: 'new',
  二: 'carried_in',
  '三(七)': 'outcome_total',
  四: 'carried_out',
};
const requestRowOf = (k: Table3RowKey): RowKey | undefined => REQUEST_ROW[k] ?? TABLE3_ROW_DECISION[k];

const LIBRARY_KIND: Record<Table2DocRow, TableTwoKind> = { 规章: 'regulation', 行政规范性文件: 'normative' };
const LIBRARY_FIGURE: Record<Table2DocColumn, FigureKey> = {
  made: 'issued',
  repealed: 'repealed',
  inForce: 'in_force',
};

export const TABLE3_RULE =
  '一：本年收到（受理）的申请；二：上年及以前收到、本年初尚未办结的申请；三：本年办结的申请按答复类型计数（部分公开只计入（二））；四：截至12月31日尚未办结的申请。转办的申请由承办单位计数。';
export const TABLE4_RULE =
  '本年提起的行政复议、行政诉讼，按申请或起诉日期计入年度；年底未审结的计为“尚未审结”。';

export interface ReportFiguresDeps {
  db: Kysely<DB>;
  units: UnitService;
  /** The 依申请公开 statistics, when the requests module is installed. */
  requests: Pick<InfoRequestStatsService, 'annualRecords'> | null;
  /** The 规范性文件库's table 二, when the policies module is installed. */
  library: Pick<PolicyFiguresService, 'tableTwo' | 'figure'> | null;
}

export class ReportFiguresService {
  private readonly repo: ReportRepository;
  constructor(private readonly d: ReportFiguresDeps) {
    this.repo = new ReportRepository(d.db);
  }

  /** The figures of `unit`'s report for `year` (or the totals of its subtree) with their sources. */
  async compute(unit: Unit, year: number, subtree = false): Promise<ComputedFigures> {
    const unitIds = subtree ? (await this.d.units.listSubtree(unit.path)).map((u) => u.id) : [unit.id];
    const [records, values] = await Promise.all([
      this.d.requests ? this.d.requests.annualRecords(unit, year, subtree) : null,
      this.repo.values(unitIds, year),
    ]);
    const libraryTable = this.d.library ? await this.d.library.tableTwo(unit.id, year, { subtree }) : null;
    return assembleFigures({
      unit,
      year,
      subtree,
      records,
      values,
      libraryTable,
      libraryInstalled: this.d.library !== null,
    });
  }

  /** The records behind one cell (cases, 复议/诉讼, library documents) or the entry that set it. */
  async recordsOf(unit: Unit, year: number, key: CellKey, subtree = false): Promise<CellRecords | null> {
    const parsed = parseCellKey(key);
    if (!parsed) return null;
    const computed = await this.compute(unit, year, subtree);
    const source = computed.sources[key] ?? { kind: 'none', explain: '' };
    const base = { key, label: cellLabel(key), value: getCell(computed.figures, key), source };
    if (source.kind !== 'records')
      return { ...base, rule: source.kind === 'none' ? source.explain : '填写的数字', records: [] };
    if (parsed.table === 2 && parsed.column && this.d.library) {
      const { figure } = await this.d.library.figure(
        unit.id,
        year,
        LIBRARY_KIND[parsed.row as Table2DocRow],
        LIBRARY_FIGURE[parsed.column],
        { subtree },
      );
      return {
        ...base,
        rule: figure.rule,
        records: figure.documents.map((doc) => ({
          href: `/admin/documents/${doc.documentId}`,
          title: doc.title,
          note: [doc.docNumber, doc.unitName, doc.note].filter(Boolean).join(' · '),
        })),
      };
    }
    const records = this.d.requests ? await this.d.requests.annualRecords(unit, year, subtree) : null;
    if (!records) return { ...base, rule: '', records: [] };
    if (parsed.table === 3) {
      const row = requestRowOf(parsed.row);
      const cases = records.cases.filter(
        (c) =>
          row !== undefined &&
          rowsOfCase(c, year).includes(row) &&
          (parsed.column === 'total' || c.reportCategory === parsed.column),
      );
      return {
        ...base,
        rule: TABLE3_RULE,
        records: cases.map((c) => ({
          href: `/admin/requests/${c.id}`,
          title: c.reference,
          note: `收到 ${c.receivedOn}${c.concludedOn ? `，办结 ${c.concludedOn}` : '，未办结'}`,
        })),
      };
    }
    if (parsed.table === 4) {
      const block = Math.floor(parsed.index / 5);
      const column = parsed.index % 5;
      const appeals = records.appeals.filter((a) => {
        const at = appealCell(a, year);
        return at !== null && at.block === block && (column === 4 || at.column === column);
      });
      return {
        ...base,
        rule: TABLE4_RULE,
        records: appeals.map((a) => ({
          href: `/admin/requests/${a.requestId}`,
          title: a.reference,
          note: a.concludedOn ? `审结 ${a.concludedOn}` : '尚未审结',
        })),
      };
    }
    return { ...base, rule: '', records: [] };
  }
}

/** What the figures of one unit (or subtree) and year are put together from (loaded by the caller). */
export interface FigureInputs {
  unit: Pick<Unit, 'id' | 'name'>;
  year: number;
  subtree: boolean;
  /** The 依申请公开 records; null when the requests module is not installed. */
  records: AnnualRecords | null;
  /** The entered/imported values of the unit (or every unit of the subtree). */
  values: readonly ValueRow[];
  /** Table 二's first block from the library; null when the library is not installed. */
  libraryTable: Pick<TableTwo, 'rows'> | null;
  libraryInstalled: boolean;
}

/**
 * The figures and their sources from what was loaded — pure, shared by `compute` (one unit) and the
 * batch of the dashboard (report-figures-batch.ts), so both give the same numbers.
 */
export function assembleFigures(input: FigureInputs): ComputedFigures {
  const { unit, year, subtree, records, values, libraryTable } = input;
  const byCell = sumValues(values);
  const figures = emptyFigures();
  const sources: Record<CellKey, CellSource> = {};
  const notes: string[] = [];
  const fromValues = (keys: readonly CellKey[], missing: string) => {
    for (const key of keys) {
      const v = byCell.get(key);
      if (v) {
        put(figures, key, v.value);
        sources[key] = v.source;
      } else sources[key] = { kind: 'none', explain: missing };
    }
  };

  // Table 二, first block: the library, unless it holds nothing for the unit and values were entered.
  const libraryHolds =
    libraryTable?.rows.some((r) => r.issued.count + r.repealed.count + r.inForce.count > 0) ?? false;
  const libraryValues = LIBRARY_CELLS.some((k) => byCell.has(k));
  if (libraryTable && (libraryHolds || !libraryValues)) {
    for (const row of TABLE2_DOC_ROWS) {
      const r = libraryTable.rows.find((x) => x.kind === LIBRARY_KIND[row]);
      for (const col of TABLE2_DOC_COLUMNS) {
        const key = table2DocKey(row, col);
        const figure = r?.[col === 'made' ? 'issued' : col];
        put(figures, key, figure?.count ?? 0);
        sources[key] = { kind: 'records', from: 'library', explain: figure?.rule ?? '规范性文件库' };
      }
    }
  } else {
    fromValues(
      LIBRARY_CELLS,
      input.libraryInstalled ? '规范性文件库中没有本单位的文件，请填写' : '未安装规范性文件库，请填写',
    );
    if (libraryTable && libraryValues)
      notes.push('规范性文件库中没有本单位的文件，表二第一部分采用填写或导入的数字。');
  }
  fromValues(ENTERED_ONLY_CELLS, '本系统不掌握该数据，请填写或从表格导入');

  // Tables 三 and 四: the cases, unless the platform holds none for the year and a report was imported.
  const casesHold = records ? records.cases.some((c) => rowsOfCase(c, year).length > 0) : false;
  const useCases = records !== null && (casesHold || !T3_KEYS.some((k) => byCell.has(k)));
  if (useCases && records) {
    fillTable3(figures, records, year);
    for (const k of T3_KEYS) sources[k] = T3_SOURCE;
  } else {
    fromValues(T3_KEYS, records ? '本系统没有该年度的依申请公开记录' : '未安装依申请公开模块');
    if (T3_KEYS.some((k) => byCell.has(k)))
      notes.push('本系统没有该年度的依申请公开记录，表三采用导入或填写的数字。');
  }
  const appealsHold = (records?.appeals.length ?? 0) > 0;
  if (records && (appealsHold || !T4_KEYS.some((k) => byCell.has(k)))) {
    const t4 = buildTable4(records.appeals, year);
    figures.table4 = t4.blocks.flatMap((b) => b.values);
    for (const k of T4_KEYS) sources[k] = T4_SOURCE;
    if (!appealsHold) notes.push(t4.note);
  } else fromValues(T4_KEYS, '本系统没有该年度的行政复议、行政诉讼记录');

  const fees = records?.fees ?? [];
  return {
    unitId: unit.id,
    unitName: unit.name,
    year,
    subtree,
    figures,
    sources,
    fees: { amountFen: fees.reduce((s, f) => s + f.amountFen, 0), count: fees.length },
    notes,
    held: { library: libraryHolds, cases: casesHold, appeals: appealsHold },
  };
}

const T3_KEYS = ALL_CELL_KEYS.filter((k) => k.startsWith('table3.'));
const T4_KEYS = ALL_CELL_KEYS.filter((k) => k.startsWith('table4.'));
/** Sources shared by every cell of tables 三 and 四 computed from the cases (never mutated). */
const T3_SOURCE: CellSource = { kind: 'records', from: 'requests', explain: TABLE3_RULE };
const T4_SOURCE: CellSource = { kind: 'records', from: 'requests', explain: TABLE4_RULE };

function fillTable3(figures: ReportFigures, records: AnnualRecords, year: number): void {
  const t = buildTable3(records.cases, year);
  for (const rowKey of TABLE3_ROW_KEYS) {
    const reqRow = requestRowOf(rowKey);
    const row = t.rows.find((r) => r.key === reqRow);
    figures.table3[rowKey] = TABLE3_COLUMNS.map((col) => (row ? row.values[col] : 0));
  }
}

/** The cell keys parsed once: the dashboard puts together 1,000 units' figures at a time. */
const PARSED_KEYS = new Map(ALL_CELL_KEYS.map((k) => [k, parseCellKey(k)]));

/** setCell with the key parsed once. */
function put(f: ReportFigures, key: CellKey, value: Cell): void {
  const k = PARSED_KEYS.get(key);
  if (!k) setCell(f, key, value);
  else if (k.table === 2) {
    if (k.column) f.table2[k.row as Table2DocRow][k.column] = value;
    else f.table2[k.row as Table2SingleRow] = value;
  } else if (k.table === 3) f.table3[k.row][k.index] = value;
  else f.table4[k.index] = value;
}

/** Values per cell; for a subtree, the sum over its units (the latest entry names who and when). */
function sumValues(rows: readonly ValueRow[]): Map<CellKey, { value: number; source: CellSource }> {
  const out = new Map<CellKey, { value: number; source: CellSource }>();
  for (const r of rows) {
    const prev = out.get(r.cell);
    const value = Number(r.value);
    const source: CellSource = {
      kind: 'value',
      origin: r.origin as 'entered' | 'xlsx' | 'imported',
      enteredBy: r.entered_by_name,
      enteredAt: r.entered_at,
      importId: r.import_id,
      units: prev && prev.source.kind === 'value' ? prev.source.units + 1 : 1,
    };
    if (!prev) out.set(r.cell, { value, source });
    else {
      const later =
        prev.source.kind === 'value' && prev.source.enteredAt > r.entered_at ? prev.source : source;
      out.set(r.cell, {
        value: Math.round((prev.value + value) * 10000) / 10000,
        source: {
          ...(later as Extract<CellSource, { kind: 'value' }>),
          units: (source as { units: number }).units,
        },
      });
    }
  }
  return out;
}
