/**
 * Demo 政府信息公开工作年度报告 (issue 12 §7), for the two latest ended years by the clock: the older
 * year's reports of the county and 县发改局 published, the newer year's in every state — the county's
 * draft, 县发改局's draft failing a 勾稽 check, one 审核中, one 已发布, some 草稿, the rest 未开始
 * (demo-reports.data.ts). Everything goes through the real services with real demo accounts on a seed
 * clock of its own: the older year is written and published in January of the newer one.
 *
 * The platform's cases start in the newer year, so for the older year a clerk imports the unit's
 * published paper report (table 三 and the figures no module holds), as a unit going live would; 县发改局's
 * paper report carried one application into the newer year that was never registered, so the newer
 * report's “二、上年结转” does not match it until the case is registered (the browser journey does that).
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import { ColumnRepository } from '../../modules/publishing/columns/column.repository.ts';
import { AttachmentStore } from '../../modules/publishing/documents/attachment-store.ts';
import { DocumentRepository } from '../../modules/publishing/documents/document.repository.ts';
import { DocumentService } from '../../modules/publishing/documents/document.service.ts';
import { DocumentReviewService } from '../../modules/publishing/review/document-review.service.ts';
import { searchProviderFor } from '../../modules/publishing/search/index.ts';
import { type ParsedReport, reportTitle } from '../../modules/reports/report.model.ts';
import { ReportService } from '../../modules/reports/report.service.ts';
import type { Reports } from '../../modules/reports/reports.services.ts';
import type { Registry } from '../../platform/module.ts';
import type { Unit } from '../schema.ts';
import {
  type DemoReport,
  enteredFigures,
  enteredTable2,
  FORCE_REASON,
  fillPrompts,
  NEWER_REPORTS,
  OLDER_REPORTS,
  paperTable3,
} from './demo-reports.data.ts';

const system: CallContext = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };
/** 10:00 China time of a day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

interface Seeding {
  app: Registry & { reports: Reports };
  clock: FixedClock;
  audit: AuditLog;
  service: ReportService;
  review: DocumentReviewService;
  unitIndex: Map<string, number>;
  actor(username: string): Promise<CallContext>;
}

/** Loads the demo reports; returns the line for the log. */
export async function seedDemoReports(app: Registry & { reports: Reports }): Promise<string> {
  const today = todayInShanghai(app.clock.now());
  const newer = Number(today.slice(0, 4)) - 1;
  const older = newer - 1;
  const units = await app.units.activeUnits();
  if (!units.some((u) => u.parent_id === null)) return '没有演示单位，未载入年度报告';
  const s = seeding(app, today, units);
  // January of the newer year: each unit imports its older paper report, writes and publishes it.
  const paperOf = async (r: DemoReport) => {
    const unit = await unitNamed(app, r.unit);
    return importPaperReport(s, unit, r, older, newer, `${newer}-01-08`);
  };
  for (const r of OLDER_REPORTS) {
    const unit = await paperOf(r);
    await writeReport(s, unit, r, older, [`${newer}-01-10`, `${newer}-01-15`, `${newer}-01-20`]);
  }
  for (const r of NEWER_REPORTS) {
    if (!OLDER_REPORTS.some((o) => o.unit === r.unit)) await paperOf(r);
  }
  // The newer year's reports, written now.
  for (const r of NEWER_REPORTS) {
    const unit = await unitNamed(app, r.unit);
    await writeReport(s, unit, r, newer, [today, today, today]);
  }
  const count = (state: string) => NEWER_REPORTS.filter((r) => r.state === state).length;
  return `已载入演示年度报告：${older}年度 ${OLDER_REPORTS.length} 份已发布，${newer}年度 ${NEWER_REPORTS.length} 份（草稿 ${count('draft')}、审核中 ${count('in_review')}、已发布 ${count('published')}）`;
}

/** The report and publishing services on the seed clock, with the module's kinds, checks and hooks. */
function seeding(app: Registry & { reports: Reports }, today: string, units: Unit[]): Seeding {
  const db = app.database.db;
  const clock = new FixedClock(at(today));
  const audit = new AuditLog(app.auditRepo, clock);
  const pub = app.publishing;
  const documentRepo = new DocumentRepository(db);
  const files = new AttachmentStore(app.config.DATA_DIR);
  const search = searchProviderFor(db);
  const base = { db, documents: documentRepo, units: app.units, files, search, audit, clock };
  const documents = new DocumentService({
    ...base,
    columns: new ColumnRepository(db),
    kinds: pub.kinds,
    hooks: pub.events,
  });
  const review = new DocumentReviewService({
    ...base,
    drafting: documents,
    calendar: app.calendar,
    publicRoutes: app.publicRoutes,
    checkRegistry: pub.checkRegistry,
    hooks: pub.events,
  });
  const m = app.reports;
  const service = new ReportService({
    db,
    audit,
    clock,
    units: app.units,
    figures: m.figures,
    publishing: { documents, review, columns: pub.columns },
    runChecks: m.deps.runChecks,
    renderBody: m.deps.renderBody,
    publishedCount: (ids, year) => m.repo.publishedCount(ids, year),
    ...(m.deps.taskSummary ? { taskSummary: m.deps.taskSummary } : {}),
  });
  const actors = new Map<string, CallContext>();
  return {
    app,
    clock,
    audit,
    service,
    review,
    unitIndex: new Map(units.map((u, i) => [u.name, i] as const)),
    actor: async (username) => {
      const known = actors.get(username);
      if (known) return known;
      const user = await app.accounts.findUserByUsername(username);
      if (!user) throw new Error(`demo account missing: ${username}`);
      const ctx = { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
      actors.set(username, ctx);
      return ctx;
    },
  };
}

async function unitNamed(app: Registry, name: string): Promise<Unit> {
  const unit = await app.units.findByName(name);
  if (!unit) throw new Error(`demo unit missing: ${name}`);
  return unit;
}

/**
 * Imports the unit's published paper report of `year` when the platform holds no cases for it: its 四
 * is what the platform shows carried into `next` (plus the applications never registered).
 */
async function importPaperReport(
  s: Seeding,
  unit: Unit,
  r: DemoReport,
  year: number,
  next: number,
  day: string,
): Promise<Unit> {
  s.clock.set(at(day));
  const computed = await s.app.reports.figures.compute(unit, year);
  // Every case of a year is counted in its 一 or 二: none there, no case of the year on the platform.
  const t3 = computed.figures.table3;
  const casesHeld =
    computed.sources['table3.一.total']?.kind === 'records' && (t3.一[6] ?? 0) + (t3.二[6] ?? 0) > 0;
  if (casesHeld) return unit;
  const carriedIn = (await s.app.reports.figures.compute(unit, next)).figures.table3.二.map((v) => v ?? 0);
  const unrecorded = NEWER_REPORTS.find((n) => n.unit === r.unit)?.unrecordedCarryOver ?? 0;
  carriedIn[0] = (carriedIn[0] ?? 0) + unrecorded;
  const index = s.unitIndex.get(unit.name) ?? 0;
  const parsed: ParsedReport = {
    year,
    table2: enteredTable2(index, year),
    table3: paperTable3(index, carriedIn),
    table4: null,
    prose: { 新收: null, 上年结转: null, 办结: null, 结转下年: null, 复议: null, 诉讼: null },
    unreadable: [],
  };
  const ctx = await s.actor(r.by);
  const importId = await s.service.readImport(
    ctx,
    unit.id,
    year,
    parsed,
    `${reportTitle(unit.name, year)}（纸质报告）.docx`,
  );
  await s.service.confirmImport(ctx, importId);
  return unit;
}

/**
 * Writes a unit's report of `year` into the state the plan says, on the days given (create, submit,
 * review): figures entered, prompts replaced, sent for review, published.
 */
async function writeReport(
  s: Seeding,
  unit: Unit,
  r: DemoReport,
  year: number,
  [createOn, submitOn, reviewOn]: [string, string, string],
): Promise<void> {
  const ctx = await s.actor(r.by);
  s.clock.set(at(createOn));
  // The figures no module holds, unless the imported paper report already gave them.
  const { sources } = await s.app.reports.figures.compute(unit, year);
  const values = Object.fromEntries(
    Object.entries(enteredFigures(s.unitIndex.get(unit.name) ?? 0, year)).filter(
      ([k]) => sources[k.slice(2)]?.kind === 'none',
    ),
  );
  await s.service.enterValues(ctx, unit.id, year, values);
  const row = await s.service.create(ctx, unit.id, year);
  if (r.filled) {
    const sections = JSON.parse(row.sections) as Record<string, string>;
    const filled = Object.fromEntries(
      Object.entries(sections).map(([k, text]) => [
        k,
        (r.keepPrompts as readonly string[] | undefined)?.includes(k) ? text : fillPrompts(text, year),
      ]),
    );
    await s.service.saveSections(ctx, row.id, { ...filled, revision: String(row.revision) });
  }
  if (r.state === 'draft') return;
  s.clock.set(at(submitOn));
  const documentId = await s.service.submit(ctx, row.id);
  if (r.state === 'in_review') return;
  s.clock.set(at(reviewOn));
  if (r.publish === 'review') {
    await s.review.reviewConfidentiality(await s.actor('secrecy'), documentId, { conclusion: 'disclose' });
    await s.review.approve(await s.actor('reviewer'), documentId, {});
  } else await s.review.forcePublish(system, documentId, FORCE_REASON);
}
