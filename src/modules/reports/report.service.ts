/**
 * A unit's 年度报告 from draft to publication (issue 12 §1, §4): the draft is filled from the year's
 * figures, edited, checked, and sent for review as a 政府信息 document of kind `annual_report` in the
 * unit's 政府信息公开年报 column; publishing's 保密审查 → 审核 → 发布 does the rest, and its published hook
 * marks the report 已发布. Figures are live while the report is a draft and frozen when it is sent, so
 * what was reviewed is what is published. Every change is checked first, then written with its audit
 * event in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB, Unit } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { DocumentLifecycleNotice as LifecycleNotice } from '../publishing/documents/document-events.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  type ParsedReport,
  type ReportDocument,
  type ReportFigures,
  type ReportSections,
  reportTitle,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
} from './report.model.ts';
import { type DraftFacts, draftSections, remainingPrompts } from './report-draft-text.ts';
import { type ComputedFigures, heldByRecords, type ReportFiguresService } from './report-figures.service.ts';
import { isEditable, type ReportStatus, reportStatus } from './report-status.ts';
import {
  ALL_CELL_KEYS,
  type CellKey,
  cellLabel,
  cellsOf,
  ENTERED_ONLY_CELLS,
  getCell,
  LIBRARY_CELLS,
  parseCellKey,
  parseEnteredValue,
  setCell,
} from './report-values.ts';
import { ReportRepository, type ReportRow } from './reports.repository.ts';

export const REPORT_KIND = 'annual_report';
/** Longest text of one section (characters): a long county report's section 一 is about 6,000. */
export const SECTION_MAX_CHARS = 30_000;

/** A failed check, as report-checks.ts reports it (errors block sending the report for review). */
export interface ReportCheckResult {
  id: string;
  severity: 'error' | 'warning';
  title: string;
  message: string;
  cells?: string[];
  sections?: SectionKey[];
  paragraphs?: { section: SectionKey; index: number; similarity: number; previousIndex: number }[];
}

export interface CheckRunInput {
  year: number;
  figures: ReportFigures;
  sections: ReportSections;
  previous: { figures: ReportFigures | null; sections: ReportSections | null } | null;
}

export interface ReportServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  figures: ReportFiguresService;
  publishing: Pick<PublishingApi, 'documents' | 'review' | 'columns'>;
  /** The checks of report-checks.ts (injected so the service is testable without them). */
  runChecks: (input: CheckRunInput) => ReportCheckResult[];
  /** Titles of the checks that ran and found nothing (report-checks.ts `passedChecks`). */
  passedChecks?: (input: CheckRunInput) => string[];
  /** The published document's body (report-html.ts). */
  renderBody: (doc: ReportDocument) => string;
  /** A sentence on the unit's 工作要点 tasks of the year, when the tasks module is installed. */
  taskSummary?: (unitId: number, year: number) => Promise<string | null>;
  /** Documents the unit published in the year, when publishing is installed. */
  publishedCount?: (unitIds: number[], year: number) => Promise<number>;
}

/** Everything the editor shows. */
export interface ReportView {
  unit: Unit;
  year: number;
  row: ReportRow | null;
  status: ReportStatus;
  documentState: string | null;
  sections: ReportSections;
  computed: ComputedFigures;
  /** Frozen figures once sent; the live ones while a draft. */
  figures: ReportFigures;
  previous: {
    year: number;
    figures: ReportFigures | null;
    sections: ReportSections | null;
    published: boolean;
  } | null;
  checks: ReportCheckResult[];
  /** Titles of the checks that ran and passed. */
  passed: string[];
}

const sectionsSchema = z.object(
  Object.fromEntries(
    SECTION_KEYS.map((k) => [
      k,
      z
        .string({ message: `${SECTION_HEADINGS[k]}：请填写` })
        .max(SECTION_MAX_CHARS, `${SECTION_HEADINGS[k]}：最多 ${SECTION_MAX_CHARS} 字`)
        .transform((s) => s.replace(/\r\n?/g, '\n').trim()),
    ]),
  ) as unknown as Record<SectionKey, z.ZodType<string>>,
);

export class ReportService {
  private readonly repo: ReportRepository;
  constructor(private readonly d: ReportServiceDeps) {
    this.repo = new ReportRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The latest year a report can be written for: the year that has ended. */
  latestYear(): number {
    return Number(this.today().slice(0, 4)) - 1;
  }

  private checkYear(year: number): void {
    if (!Number.isInteger(year) || year < 2021 || year > this.latestYear() + 1)
      throw AppError.validation([
        { field: 'year', message: `年度应在 2021 至 ${this.latestYear() + 1} 之间（2021 年起使用新版格式）` },
      ]);
  }

  private async unitFor(ctx: CallContext, unitId: number): Promise<Unit> {
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'report.edit', unit.path)) throw AppError.forbidden();
    return unit;
  }

  /** The report of `unitId` for `year` as the editor shows it (a preview of the draft when not started). */
  async view(ctx: CallContext, unitId: number, year: number): Promise<ReportView> {
    this.checkYear(year);
    const unit = await this.unitFor(ctx, unitId);
    return this.viewOf(unit, year);
  }

  async viewOf(unit: Unit, year: number): Promise<ReportView> {
    const row = (await this.repo.find(unit.id, year)) ?? null;
    const documentState = await this.repo.documentState(row?.document_id ?? null);
    const status = reportStatus(row, documentState);
    const computed = await this.d.figures.compute(unit, year);
    const frozen = row?.figures && !isEditable(status) ? (JSON.parse(row.figures) as ReportFigures) : null;
    const figures = frozen ?? computed.figures;
    const sections = row
      ? (JSON.parse(row.sections) as ReportSections)
      : draftSections(await this.facts(unit, year, computed));
    const previous = await this.previousOf(unit, year);
    const checks = this.checksOf(year, figures, sections, previous);
    const passed =
      this.d.passedChecks?.({
        year,
        figures,
        sections,
        previous: previous ? { figures: previous.figures, sections: previous.sections } : null,
      }) ?? [];
    return { unit, year, row, status, documentState, sections, computed, figures, previous, checks, passed };
  }

  private async facts(unit: Unit, year: number, computed: ComputedFigures): Promise<DraftFacts> {
    return {
      unitName: unit.name,
      year,
      figures: computed.figures,
      publishedCount: this.d.publishedCount ? await this.d.publishedCount([unit.id], year) : null,
      fees: computed.fees,
      taskSummary: this.d.taskSummary ? await this.d.taskSummary(unit.id, year) : null,
    };
  }

  private async previousOf(unit: Unit, year: number): Promise<ReportView['previous']> {
    const prevYear = year - 1;
    const row = await this.repo.find(unit.id, prevYear);
    if (row?.figures && row.status !== 'draft')
      return {
        year: prevYear,
        figures: JSON.parse(row.figures) as ReportFigures,
        sections: JSON.parse(row.sections) as ReportSections,
        published: row.status === 'published',
      };
    const computed = await this.d.figures.compute(unit, prevYear);
    // Only what the platform held for that year, block by block (records or values): zeros of a year
    // before the platform was in use are no figures, and the year-over-year checks say they cannot verify.
    const figures = structuredClone(computed.figures);
    for (const k of ALL_CELL_KEYS)
      if (computed.sources[k]?.kind === 'records' && !heldByRecords(computed, k)) setCell(figures, k, null);
    const held = ALL_CELL_KEYS.some((k) => getCell(figures, k) !== null);
    return {
      year: prevYear,
      figures: held ? figures : null,
      sections: row ? (JSON.parse(row.sections) as ReportSections) : null,
      published: false,
    };
  }

  /** The checks plus the module's own: prompts left in the text, cells not filled in. */
  checksOf(
    year: number,
    figures: ReportFigures,
    sections: ReportSections,
    previous: ReportView['previous'],
  ): ReportCheckResult[] {
    const out = this.d.runChecks({
      year,
      figures,
      sections,
      previous: previous ? { figures: previous.figures, sections: previous.sections } : null,
    });
    for (const { section, prompts } of remainingPrompts(sections))
      out.push({
        id: `prompts.${section}`,
        severity: 'error',
        title: '仍有待填写的提示',
        message: `${SECTION_HEADINGS[section]}中还有 ${prompts.length} 处待填写的提示（如“${prompts[0]}”），请替换为实际内容或删除`,
        sections: [section],
      });
    const missing = ALL_CELL_KEYS.filter((k) => getCell(figures, k) === null);
    if (missing.length)
      out.push({
        id: 'cells.missing',
        severity: 'error',
        title: '数字未填写',
        message: `有 ${missing.length} 个数字尚未填写：${missing.slice(0, 6).map(cellLabel).join('；')}${missing.length > 6 ? ' 等' : ''}`,
        cells: missing,
      });
    return out;
  }

  /** Starts the report of a unit and year from the computed figures (once). */
  async create(ctx: CallContext, unitId: number, year: number): Promise<ReportRow> {
    this.checkYear(year);
    const unit = await this.unitFor(ctx, unitId);
    if (await this.repo.find(unit.id, year))
      throw AppError.validation([
        { field: '_', message: `${unit.name}${year}年度报告已经开始编制，不能重复创建` },
      ]);
    const computed = await this.d.figures.compute(unit, year);
    const sections = draftSections(await this.facts(unit, year, computed));
    const now = this.d.clock.now().toISOString();
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    return this.d.db.transaction().execute(async (trx) => {
      const row = await this.repo.insert(trx, {
        unit_id: unit.id,
        year,
        status: 'draft',
        sections: JSON.stringify(sections),
        figures: null,
        document_id: null,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'report.create',
        targetType: 'annual_report',
        targetId: row.id,
        summary: `开始编制“${reportTitle(unit.name, year)}”`,
        after: { unitId: unit.id, year },
      });
      return row;
    });
  }

  private async editable(ctx: CallContext, id: number) {
    const row = await this.repo.findById(id);
    if (!row) throw AppError.notFound('年度报告');
    const unit = await this.unitFor(ctx, row.unit_id);
    const status = reportStatus(row, await this.repo.documentState(row.document_id));
    if (!isEditable(status))
      throw AppError.validation([
        {
          field: '_',
          message:
            status === 'published'
              ? '报告已发布，不能再修改；如需更正请使用信息更正'
              : '报告正在审核中，退回后才能修改',
        },
      ]);
    return { row, unit, status };
  }

  /**
   * Saves the six sections. `raw.revision` must be the revision the form was loaded at: a report saved
   * by someone else in between is refused (the form keeps what was typed), never merged silently.
   */
  async saveSections(ctx: CallContext, id: number, raw: unknown): Promise<ReportRow> {
    const { row, unit } = await this.editable(ctx, id);
    const input = (raw ?? {}) as Record<string, unknown>;
    const parsed = sectionsSchema.safeParse(
      Object.fromEntries(SECTION_KEYS.map((k) => [k, typeof input[k] === 'string' ? input[k] : ''])),
    );
    const problems: FieldProblem[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? '_'), message: i.message }));
    if (String(input.revision ?? '') !== String(row.revision))
      problems.push({ field: '_', message: '报告已被他人修改，请复制您的修改后重新打开页面再保存' });
    if (problems.length || !parsed.success) throw AppError.validation(problems);
    const before = JSON.parse(row.sections) as ReportSections;
    const changed = SECTION_KEYS.filter((k) => before[k] !== parsed.data[k]);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.update(trx, row.id, row.revision, {
        sections: JSON.stringify(parsed.data),
        updated_at: now,
        updated_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      });
      if (!ok)
        throw AppError.validation([{ field: '_', message: '报告已被他人修改，请重新打开页面后再保存' }]);
      await this.d.audit.record(trx, ctx, {
        action: 'report.edit',
        targetType: 'annual_report',
        targetId: row.id,
        summary: `修改“${reportTitle(unit.name, row.year)}”：${changed.map((k) => SECTION_HEADINGS[k]).join('、') || '无变化'}`,
        after: { sections: changed },
      });
      return (await this.repo.findById(row.id, trx))!;
    });
  }

  /** Rewrites section 一 from the current figures (the other sections are kept). */
  async regenerateOverview(ctx: CallContext, id: number): Promise<void> {
    const { row, unit } = await this.editable(ctx, id);
    const computed = await this.d.figures.compute(unit, row.year);
    const fresh = draftSections(await this.facts(unit, row.year, computed));
    const sections = { ...(JSON.parse(row.sections) as ReportSections), overview: fresh.overview };
    await this.d.db.transaction().execute(async (trx) => {
      if (
        !(await this.repo.update(trx, row.id, row.revision, {
          sections: JSON.stringify(sections),
          updated_at: this.d.clock.now().toISOString(),
        }))
      )
        throw AppError.validation([{ field: '_', message: '报告已被他人修改，请重新打开页面' }]);
      await this.d.audit.record(trx, ctx, {
        action: 'report.edit',
        targetType: 'annual_report',
        targetId: row.id,
        summary: `按最新数字重新生成“${reportTitle(unit.name, row.year)}”的总体情况`,
      });
    });
  }

  /**
   * Which cells of a unit's year may be entered by hand: those no installed module computes from records
   * it holds (table 二's first block stays enterable while the library holds nothing for the unit).
   */
  async enterableCells(unit: Unit, year: number): Promise<CellKey[]> {
    return this.enterableOf(await this.d.figures.compute(unit, year));
  }

  private enterableOf(computed: ComputedFigures): CellKey[] {
    return ALL_CELL_KEYS.filter(
      (k) =>
        !heldByRecords(computed, k) &&
        (ENTERED_ONLY_CELLS.includes(k) ||
          LIBRARY_CELLS.includes(k) ||
          computed.sources[k]?.kind === 'value'),
    );
  }

  /**
   * Enters the figures no module holds (许可, 处罚, 强制, 收费; table 二 first block without a library).
   * `raw` has `v.<cell>` fields; an empty field clears the value. All or nothing.
   */
  async enterValues(
    ctx: CallContext,
    unitId: number,
    year: number,
    raw: unknown,
    origin: 'entered' | 'xlsx' = 'entered',
  ): Promise<number> {
    this.checkYear(year);
    const unit = await this.unitFor(ctx, unitId);
    const row = await this.repo.find(unit.id, year);
    if (row && !isEditable(reportStatus(row, await this.repo.documentState(row.document_id))))
      throw AppError.validation([{ field: '_', message: '报告已送审或已发布，数字不能再修改' }]);
    const computed = await this.d.figures.compute(unit, year);
    const allowed = new Set(this.enterableOf(computed));
    const input = (raw ?? {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    const values: { cell: CellKey; value: string | null }[] = [];
    for (const [field, v] of Object.entries(input)) {
      if (!field.startsWith('v.')) continue;
      const cell = field.slice(2);
      if (!parseCellKey(cell)) {
        problems.push({ field, message: `未知的数字项“${cell}”` });
        continue;
      }
      if (!allowed.has(cell)) {
        problems.push({ field, message: `${cellLabel(cell)}由系统根据记录计算，不能手工填写` });
        continue;
      }
      const r = parseEnteredValue(cell, typeof v === 'string' ? v : String(v ?? ''));
      if ('problem' in r) problems.push({ field, message: r.problem });
      else values.push({ cell, value: r.value === null ? null : String(r.value) });
    }
    if (problems.length) throw AppError.validation(problems);
    const existing = new Map((await this.repo.values([unit.id], year)).map((v) => [v.cell, v.value]));
    // A number equal to what the records give (the 0 of an empty library shown in the form) is no entry.
    const fromRecords = (v: { cell: CellKey; value: string | null }) =>
      computed.sources[v.cell]?.kind === 'records' &&
      v.value !== null &&
      getCell(computed.figures, v.cell) === Number(v.value);
    const changes = values.filter((v) => (existing.get(v.cell) ?? null) !== v.value && !fromRecords(v));
    if (!changes.length) return 0;
    const now = this.d.clock.now().toISOString();
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await this.d.db.transaction().execute(async (trx) => {
      for (const c of changes)
        await this.repo.setValue(trx, {
          unitId: unit.id,
          year,
          cell: c.cell,
          value: c.value,
          origin,
          importId: null,
          by,
          at: now,
        });
      await this.d.audit.record(trx, ctx, {
        action: 'report.values',
        targetType: 'unit',
        targetId: unit.id,
        summary: `${origin === 'xlsx' ? '从表格导入' : '填写'}${unit.name}${year}年度报告数字 ${changes.length} 项：${changes
          .slice(0, 4)
          .map((c) => `${cellLabel(c.cell)} ${c.value ?? '（清空）'}`)
          .join('；')}${changes.length > 4 ? ' 等' : ''}`,
        before: Object.fromEntries(changes.map((c) => [c.cell, existing.get(c.cell) ?? null])),
        after: Object.fromEntries(changes.map((c) => [c.cell, c.value])),
      });
    });
    return changes.length;
  }

  /**
   * Step 1 of importing a published report: keeps what the importer read (unconfirmed) so the clerk can
   * review it; nothing of the year's figures changes yet.
   */
  async readImport(
    ctx: CallContext,
    unitId: number,
    year: number,
    parsed: ParsedReport,
    fileName: string,
  ): Promise<number> {
    this.checkYear(year);
    const unit = await this.unitFor(ctx, unitId);
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const importId = await this.repo.insertImport(trx, {
        unitId: unit.id,
        year,
        fileName,
        parsed: JSON.stringify(parsed),
        by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        at: now,
      });
      await this.d.audit.record(trx, ctx, {
        action: 'report.import_read',
        targetType: 'unit',
        targetId: unit.id,
        summary: `读取已发布的年度报告“${fileName}”（${unit.name}${year}年度），待确认`,
        after: { importId, unreadable: parsed.unreadable.length },
      });
      return importId;
    });
  }

  /** An import as read, with the cells it would set (those the platform does not compute). */
  async importPreview(ctx: CallContext, importId: number) {
    const row = await this.repo.findImport(importId);
    if (!row) throw AppError.notFound('导入记录');
    const unit = await this.unitFor(ctx, row.unit_id);
    const parsed = JSON.parse(row.parsed) as ParsedReport;
    const computed = await this.d.figures.compute(unit, row.year);
    const all = [
      ...cellsOf({
        ...(parsed.table2 ? { table2: parsed.table2 } : {}),
        ...(parsed.table3 ? { table3: parsed.table3 } : {}),
        ...(parsed.table4 ? { table4: parsed.table4 } : {}),
      }),
    ];
    // Only blocks the platform holds no records for: a past year's cases are never overwritten.
    const cells = all.filter(([k]) => !heldByRecords(computed, k));
    const skipped = all.length - cells.length;
    const report = await this.repo.find(unit.id, row.year);
    const locked = report
      ? !isEditable(reportStatus(report, await this.repo.documentState(report.document_id)))
      : false;
    return { row, unit, parsed, cells, skipped, locked };
  }

  /**
   * Step 2: writes the cells the import read as the figures of its year (never a guess: only cells the
   * text held). Refused when the year's report was sent, or when nothing is left to take.
   */
  async confirmImport(
    ctx: CallContext,
    importId: number,
  ): Promise<{ cells: number; unitId: number; year: number }> {
    const { row, unit, cells, locked } = await this.importPreview(ctx, importId);
    if (row.confirmed_at) throw AppError.validation([{ field: '_', message: '该导入已经确认过' }]);
    if (locked)
      throw AppError.validation([
        { field: '_', message: `${row.year}年度报告已送审或已发布，不能再导入数字` },
      ]);
    if (!cells.length)
      throw AppError.validation([
        { field: '_', message: '没有可导入的数字：文件中未读出数字，或这些数字本系统已有记录' },
      ]);
    const now = this.d.clock.now().toISOString();
    const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    await this.d.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('annual_report_imports')
        .set({ confirmed_at: now })
        .where('id', '=', importId)
        .where('confirmed_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw AppError.validation([{ field: '_', message: '该导入已经确认过' }]);
      for (const [cell, value] of cells)
        await this.repo.setValue(trx, {
          unitId: unit.id,
          year: row.year,
          cell,
          value: String(value),
          origin: 'imported',
          importId,
          by,
          at: now,
        });
      await this.d.audit.record(trx, ctx, {
        action: 'report.import',
        targetType: 'unit',
        targetId: unit.id,
        summary: `从已发布的年度报告“${row.file_name}”导入${unit.name}${row.year}年度数字 ${cells.length} 项`,
        after: { importId, cells: cells.length },
      });
    });
    return { cells: cells.length, unitId: unit.id, year: row.year };
  }

  /** The document a renderer gets. */
  documentOf(view: Pick<ReportView, 'unit' | 'year' | 'sections' | 'figures' | 'row'>): ReportDocument {
    return {
      unitName: view.unit.name,
      year: view.year,
      dateOn: view.row?.published_on ?? null,
      sections: view.sections,
      figures: view.figures,
    };
  }

  /**
   * 提交审核: refused while a check fails with an error; freezes the figures, files (or refreshes) the
   * report's document in the unit's 政府信息公开年报 column and submits it to publishing's review.
   */
  async submit(ctx: CallContext, id: number, raw: unknown = {}): Promise<number> {
    const { row, unit } = await this.editable(ctx, id);
    const view = await this.viewOf(unit, row.year);
    const errors = view.checks.filter((c) => c.severity === 'error');
    if (errors.length)
      throw AppError.validation(errors.map((c) => ({ field: '_', message: `${c.title}：${c.message}` })));
    const columnId = await this.columnFor(unit, raw);
    const today = this.today();
    const title = reportTitle(unit.name, row.year);
    const input = {
      kind: REPORT_KIND,
      title,
      genre: '报告',
      issuers: unit.name,
      writtenOn: today,
      formedOn: today,
      disclosureMode: 'proactive',
      keywords: '政府信息公开，年度报告',
      summary: `${unit.name}${row.year}年政府信息公开工作情况。`,
      source: unit.name,
      bodyHtml: this.d.renderBody(this.documentOf({ ...view, row: { ...row, published_on: null } })),
      columnIds: [String(columnId)],
      'meta.year': String(row.year),
    };
    const now = this.d.clock.now().toISOString();
    const markSent = async (trx: Transaction<DB>, documentId: number) => {
      if (
        !(await this.repo.update(trx, row.id, row.revision, {
          status: 'submitted',
          figures: JSON.stringify(view.figures),
          document_id: documentId,
          submitted_at: now,
          updated_at: now,
        }))
      )
        throw AppError.validation([{ field: '_', message: '报告已被他人修改，请重新打开页面' }]);
      await this.d.audit.record(trx, ctx, {
        action: 'report.submit',
        targetType: 'annual_report',
        targetId: row.id,
        summary: `将“${title}”送审（信息编号 ${documentId}）`,
        after: { documentId, warnings: view.checks.length },
      });
    };
    let documentId = row.document_id;
    const state = await this.repo.documentState(documentId);
    if (documentId !== null && state === 'draft') {
      await this.d.publishing.documents.updateDraft(ctx, documentId, input);
      await this.d.db.transaction().execute((trx) => markSent(trx, documentId!));
    } else {
      const doc = await this.d.publishing.documents.createDraft(ctx, unit.id, input, {
        inTransaction: (trx, [newId]) => markSent(trx, newId!),
      });
      documentId = doc.id;
    }
    try {
      await this.d.publishing.review.submit(ctx, documentId);
    } catch (e) {
      // 主动公开's own checks refused the document: the report is a draft again (its document stays a
      // draft, reused by the next submission), and the user sees publishing's reasons.
      await this.d.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('annual_reports')
          .set({
            status: 'draft',
            figures: null,
            submitted_at: null,
            updated_at: this.d.clock.now().toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        await this.d.audit.record(trx, ctx, {
          action: 'report.submit_refused',
          targetType: 'annual_report',
          targetId: row.id,
          summary: `“${title}”未能送审：发布前检查未通过，报告退回草稿`,
        });
      });
      throw e;
    }
    return documentId;
  }

  /** The column the report is filed in: the one asked for, else the unit's 政府信息公开年报 column. */
  private async columnFor(unit: Unit, raw: unknown): Promise<number> {
    const columns = await this.d.publishing.columns.listActiveForUnit(unit.id);
    const asked = Number((raw as Record<string, unknown> | null)?.columnId ?? Number.NaN);
    const pick =
      columns.find((c) => c.id === asked) ??
      columns.find((c) => c.template_key === 'annual_report') ??
      columns.find((c) => c.name.includes('年报') || c.name.includes('年度报告'));
    if (!pick)
      throw AppError.validation([
        { field: 'columnId', message: '本单位没有“政府信息公开年报”栏目，请先在栏目管理中添加' },
      ]);
    return pick.id;
  }

  /** The published report `id` as published (frozen figures and text), or null when not published. */
  async published(id: number): Promise<{ doc: ReportDocument; documentId: number } | null> {
    const row = await this.repo.findById(id);
    if (row?.status !== 'published' || !row.figures || row.document_id === null) return null;
    if ((await this.repo.documentState(row.document_id)) !== 'published') return null;
    const unit = await this.d.units.findById(row.unit_id);
    if (!unit) return null;
    return {
      documentId: row.document_id,
      doc: {
        unitName: unit.name,
        year: row.year,
        dateOn: row.published_on,
        sections: JSON.parse(row.sections) as ReportSections,
        figures: JSON.parse(row.figures) as ReportFigures,
      },
    };
  }

  /** The report of a published `annual_report` document (for its public page's download links). */
  async forDocument(documentId: number): Promise<ReportRow | null> {
    return (await this.repo.findByDocument(documentId)) ?? null;
  }

  /** The published hook: the report of a published `annual_report` document is 已发布 from today. */
  async onPublished(notice: LifecycleNotice, trx: Transaction<DB>): Promise<void> {
    if (notice.kind !== REPORT_KIND) return;
    const row = await this.repo.findByDocument(notice.documentId, trx);
    if (!row || row.status === 'published') return;
    await trx
      .updateTable('annual_reports')
      .set({ status: 'published', published_on: todayInShanghai(new Date(notice.at)), updated_at: notice.at })
      .where('id', '=', row.id)
      .execute();
    await this.d.audit.record(trx, notice.ctx, {
      action: 'report.published',
      targetType: 'annual_report',
      targetId: row.id,
      summary: `“${notice.title}”已发布`,
    });
  }
}
