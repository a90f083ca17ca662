/**
 * 现行有效目录 as .xlsx (issue 11 §5): the library entries in force today (STATES_IN_FORCE, derived from
 * their dates and events as of the download day) in a unit's subtree, one sheet declared once.
 */
import { defineSheet, writeXlsx } from '../../lib/spreadsheet/index.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { LibraryFilesRepository } from './library-files.repository.ts';
import {
  CERTAINTY_LABELS,
  POLICY_KIND_LABELS,
  type PolicyKind,
  STATES_IN_FORCE,
  VALIDITY_STATE_LABELS,
} from './policy.model.ts';
import type { ValidityLedger } from './validity-ledger.ts';

export interface CatalogueRow {
  title: string;
  docNumber: string | null;
  registrationNumber: string | null;
  issuers: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** 有效性 with its certainty when not on record (“现行有效（未见相反记录，推定）”). */
  validity: string;
}

export const CATALOGUE_SHEET = defineSheet<CatalogueRow>({
  sheetName: '现行有效目录',
  columns: [
    { key: 'index', header: '序号', width: 6, cell: (_r, i) => i + 1 },
    { key: 'title', header: '文件名称', width: 48 },
    { key: 'docNumber', header: '文号', width: 22 },
    { key: 'registrationNumber', header: '统一登记号', width: 20 },
    { key: 'issuers', header: '制定机关', width: 24 },
    { key: 'publishedOn', header: '公布日期', width: 12 },
    { key: 'effectiveOn', header: '施行日期', width: 12 },
    { key: 'expiresOn', header: '有效期至', width: 12 },
    { key: 'validity', header: '有效性', width: 24 },
  ],
});

export interface CatalogueDeps {
  units: Pick<UnitService, 'get' | 'listSubtree'>;
  files: LibraryFilesRepository;
  ledger: ValidityLedger;
}

/** The rows of the 目录 of `unitId`'s subtree (optionally one kind) in force on `asOf`. */
export async function catalogueRows(
  d: CatalogueDeps,
  unitId: number,
  kind: PolicyKind | undefined,
  asOf: string,
): Promise<{ unitName: string; rows: CatalogueRow[] }> {
  const unit = await d.units.get(unitId);
  const ids = (await d.units.listSubtree(unit.path)).map((u) => u.id);
  const rows: CatalogueRow[] = [];
  for (const e of await d.files.entriesOfUnits(ids, kind)) {
    const v = await d.ledger.stateOn(e.document_id, asOf);
    if (!v || !STATES_IN_FORCE.includes(v.state)) continue;
    rows.push({
      title: e.title,
      docNumber: e.doc_number,
      registrationNumber: e.registration_number,
      issuers: e.issuers,
      publishedOn: e.published_on,
      effectiveOn: e.effective_on,
      expiresOn: e.expires_on,
      validity:
        v.certainty === 'official'
          ? VALIDITY_STATE_LABELS[v.state]
          : `${VALIDITY_STATE_LABELS[v.state]}（${CERTAINTY_LABELS[v.certainty]}）`,
    });
  }
  return { unitName: unit.name, rows };
}

/** The title of the 目录: “某县现行有效行政规范性文件目录（截至 2026-12-01）”. */
export const catalogueTitle = (unitName: string, kind: PolicyKind | undefined, asOf: string) =>
  `${unitName}现行有效${kind ? POLICY_KIND_LABELS[kind] : '规章和规范性文件'}目录（截至 ${asOf}）`;

/** The .xlsx of the 目录. */
export async function buildCatalogueXlsx(
  d: CatalogueDeps,
  unitId: number,
  kind: PolicyKind | undefined,
  asOf: string,
): Promise<{ fileName: string; body: Buffer }> {
  const { unitName, rows } = await catalogueRows(d, unitId, kind, asOf);
  const title = catalogueTitle(unitName, kind, asOf);
  return {
    fileName: `${title}.xlsx`,
    body: await writeXlsx(CATALOGUE_SHEET, rows, { title, wrap: true, neutraliseFormulas: true }),
  };
}
