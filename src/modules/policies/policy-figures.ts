/**
 * Table 二, first block of the annual report (国办公开办函〔2021〕30号; regulations §5): for 规章 and
 * 行政规范性文件, 本年制发件数 · 本年废止件数 · 现行有效件数, computed from the library's entries and their
 * validity events (issue 11 §6). Pure: the service loads the rows and calls `computeTableTwo`.
 *
 * Whose documents: a unit's annual report counts the documents it made — the entries filed by the unit
 * (policy_entries.unit_id, the 制定机关 publishing its own documents; a joint document counts for the unit
 * that published it). The subtree view (the unit and every unit below it) is for supervisors, not the report.
 */
import {
  CERTAINTY_LABELS,
  type Certainty,
  POLICY_KIND_LABELS,
  type PolicyKind,
  STATES_IN_FORCE,
  VALIDITY_EVENT_LABELS,
  VALIDITY_STATE_LABELS,
  type ValidityEvent,
} from './policy.model.ts';
import { deriveValidity, type ValidityDates, type ValidityEventRecord } from './validity.ts';

/** The rows of table 二's first block, in the report's order (regulations §5: 规章, 行政规范性文件). */
export const TABLE_TWO_KINDS = ['regulation', 'normative'] as const satisfies readonly PolicyKind[];
export type TableTwoKind = (typeof TABLE_TWO_KINDS)[number];

/**
 * Events counted in 本年废止件数. The 2021 format (国办公开办函〔2021〕30号, regulations §5) names the column
 * 废止: a decision of the 制定机关 ending the document — 废止, and 宣布失效 (the same decision as a 清理
 * result names it). 失效 because the 有效期 ran out (`expired`) is no decision and is NOT counted here; such a
 * document simply leaves 现行有效件数.
 */
export const TABLE_TWO_REPEAL_EVENTS: readonly ValidityEvent[] = ['repealed', 'declared_invalid'];

export const FIGURES = ['issued', 'repealed', 'in_force'] as const;
export type FigureKey = (typeof FIGURES)[number];
export const FIGURE_LABELS: Record<FigureKey, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  in_force: '现行有效件数',
};

/** One entry with its events (not cancelled), as the repository gives it. */
export interface FigureEntry {
  documentId: number;
  unitId: number;
  unitName: string;
  kind: string;
  title: string;
  docNumber: string | null;
  dates: ValidityDates;
  events: readonly ValidityEventRecord[];
}

/** A document behind a figure, with why it counts. */
export interface FigureDocument {
  documentId: number;
  title: string;
  docNumber: string | null;
  unitName: string;
  publishedOn: string | null;
  /** e.g. "2026-05-01 废止", "现行有效（未见相反记录，推定）". */
  note: string;
  certainty: Certainty;
}

export interface Figure {
  key: FigureKey;
  count: number;
  /** How the figure was computed, in words. */
  rule: string;
  documents: FigureDocument[];
}

export interface TableTwoRow {
  kind: TableTwoKind;
  label: string;
  issued: Figure;
  repealed: Figure;
  inForce: Figure;
}

export interface TableTwo {
  year: number;
  /** The day 现行有效 is counted on: 31 December, or today while the year runs. */
  asOf: string;
  /** True when only the unit's own documents count (the annual report); false: the unit and its subtree. */
  ownOnly: boolean;
  rows: TableTwoRow[];
}

/** The day the figures of `year` are as of: 31 December, or `today` while the year runs. */
export function tableTwoAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

const docOf = (e: FigureEntry, note: string, certainty: Certainty): FigureDocument => ({
  documentId: e.documentId,
  title: e.title,
  docNumber: e.docNumber,
  unitName: e.unitName,
  publishedOn: e.dates.publishedOn,
  note,
  certainty,
});

function issued(entries: readonly FigureEntry[], year: number, asOf: string): Figure {
  const start = `${year}-01-01`;
  const docs = entries
    .filter(
      (e) => e.dates.publishedOn !== null && e.dates.publishedOn >= start && e.dates.publishedOn <= asOf,
    )
    .map((e) => docOf(e, `${e.dates.publishedOn} 公布`, 'official'));
  return {
    key: 'issued',
    count: docs.length,
    rule: `公布日期在 ${start} 至 ${asOf} 之间的文件件数。`,
    documents: docs,
  };
}

function repealed(entries: readonly FigureEntry[], year: number, asOf: string): Figure {
  const start = `${year}-01-01`;
  const docs: FigureDocument[] = [];
  for (const e of entries) {
    const ev = e.events.find(
      (x) => TABLE_TWO_REPEAL_EVENTS.includes(x.type) && x.occursOn >= start && x.occursOn <= asOf,
    );
    if (ev) docs.push(docOf(e, `${ev.occursOn} ${VALIDITY_EVENT_LABELS[ev.type]}`, ev.certainty));
  }
  return {
    key: 'repealed',
    count: docs.length,
    rule: `在 ${start} 至 ${asOf} 之间记录了“废止”或“宣布失效”的文件件数（已撤销的记录不计；有效期届满自然失效的不计为废止）。`,
    documents: docs,
  };
}

function inForce(entries: readonly FigureEntry[], asOf: string): Figure {
  const docs: FigureDocument[] = [];
  for (const e of entries) {
    const v = deriveValidity(e.dates, e.events, asOf);
    if (!STATES_IN_FORCE.includes(v.state)) continue;
    const sure = v.certainty === 'official' ? '' : `（${CERTAINTY_LABELS[v.certainty]}）`;
    docs.push(docOf(e, `${VALIDITY_STATE_LABELS[v.state]}${sure}`, v.certainty));
  }
  return {
    key: 'in_force',
    count: docs.length,
    rule: `截至 ${asOf}，按施行日期、有效期和有效性记录推算为现行有效、已修改或部分失效的文件件数（推定有效的也计入，并在清单中注明）。`,
    documents: docs,
  };
}

/** Table 二's first block for the given entries (already limited to the unit, or its subtree). */
export function computeTableTwo(
  entries: readonly FigureEntry[],
  year: number,
  today: string,
  ownOnly: boolean,
): TableTwo {
  const asOf = tableTwoAsOf(year, today);
  const rows = TABLE_TWO_KINDS.map((kind) => {
    const mine = entries.filter((e) => e.kind === kind);
    return {
      kind,
      label: POLICY_KIND_LABELS[kind],
      issued: issued(mine, year, asOf),
      repealed: repealed(mine, year, asOf),
      inForce: inForce(mine, asOf),
    };
  });
  return { year, asOf, ownOnly, rows };
}

/** The figure of a row by its key (for the list page). */
export function figureOf(row: TableTwoRow, key: FigureKey): Figure {
  return key === 'issued' ? row.issued : key === 'repealed' ? row.repealed : row.inForce;
}
