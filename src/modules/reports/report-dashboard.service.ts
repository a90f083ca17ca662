/**
 * The dashboard of every unit's 年度报告 in a scope (issue 12 §5): its status, 逾期, whether its checks
 * fail, its deadline, when it was published and the latest reminder — for a province's 1,000 units from
 * a handful of queries (report-figures-batch.ts), never a query per unit.
 */

import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can, scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseSettingsForm, settingsFormValues } from '../../lib/settings/settings-form.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { ReportFigures, ReportSections } from './report.model.ts';
import type { ReportService, ReportView } from './report.service.ts';
import { type ReminderRow, ReportDashboardRepository } from './report-dashboard.repository.ts';
import { deadlineOf, isOverdue, reminderText } from './report-deadlines.ts';
import { draftSections } from './report-draft-text.ts';
import type { ReportFiguresBatch } from './report-figures-batch.ts';
import { REPORT_SETTINGS, readReportSettingsMany } from './report-settings.ts';
import { isEditable, type ReportStatus, reportStatus } from './report-status.ts';
import { ALL_CELL_KEYS } from './report-values.ts';
import { ReportRepository, type ReportRow } from './reports.repository.ts';

/** One unit's line of the dashboard. */
export interface DashboardRow {
  unit: Pick<Unit, 'id' | 'name' | 'kind' | 'path' | 'depth'>;
  status: ReportStatus;
  overdue: boolean;
  /** Checks failing with an error (they block sending the report for review). */
  errors: number;
  deadline: string;
  publishedOn: string | null;
  reminder: ReminderRow | null;
}

/** The status filter: a status, 逾期, or 检查未通过. */
export const DASHBOARD_FILTERS = ['overdue', 'failing'] as const;
export type DashboardFilter = ReportStatus | (typeof DASHBOARD_FILTERS)[number];

export interface ReportDashboardDeps {
  db: Kysely<DB>;
  clock: Clock;
  units: Pick<UnitService, 'listSubtree' | 'findById'>;
  settings: SettingsStore;
  reports: Pick<ReportService, 'checksOf'>;
  batch: ReportFiguresBatch;
}

export class ReportDashboardService {
  private readonly repo: ReportRepository;
  private readonly dash: ReportDashboardRepository;
  constructor(private readonly d: ReportDashboardDeps) {
    this.repo = new ReportRepository(d.db);
    this.dash = new ReportDashboardRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The active units under the actor's grants of `action`, in tree order (each once). */
  async unitsInScope(ctx: CallContext, action: 'report.edit' | 'report.oversee' = 'report.edit') {
    const scopes = scopesFor(ctx.actor, action);
    const seen = new Map<number, Unit>();
    for (const path of scopes)
      for (const u of await this.d.units.listSubtree(path)) if (u.active) seen.set(u.id, u);
    return treeOrder([...seen.values()]);
  }

  /** A unit the actor may oversee (report.oversee), for the totals page. */
  async oversee(ctx: CallContext, unitId: number): Promise<Unit> {
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.notFound('单位');
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'report.oversee', unit.path))
      throw AppError.forbidden();
    return unit;
  }

  /** The units whose deadlines the actor may set (report.oversee on them). */
  async settingsUnits(ctx: CallContext): Promise<Unit[]> {
    const scopes = new Set(scopesFor(ctx.actor, 'report.oversee'));
    return (await this.unitsInScope(ctx, 'report.oversee')).filter((u) => scopes.has(u.path));
  }

  /** A unit's own settings (blank = inherited) and those in force. */
  async settingsOf(unit: Unit) {
    const own = await this.d.settings.ownGroup(REPORT_SETTINGS, unit.id);
    const effective = (await readReportSettingsMany(this.d.settings, [unit])).get(unit.id)!;
    return { values: settingsFormValues(REPORT_SETTINGS, own), effective };
  }

  /** Saves a unit's deadlines and reminder days (audited); a bad value names its field, nothing changes. */
  async writeSettings(ctx: CallContext, unit: Unit, raw: unknown): Promise<void> {
    if (!can(ctx.actor, 'report.oversee', unit.path)) throw AppError.forbidden();
    const values = parseSettingsForm(REPORT_SETTINGS, raw);
    await this.d.settings.write(ctx, REPORT_SETTINGS, values, {
      unitId: unit.id,
      audit: {
        action: 'report.settings',
        targetType: 'unit',
        targetId: unit.id,
        summary: `修改${unit.name}的年度报告期限和提醒设置`,
      },
    });
  }

  /** The dashboard rows of `units` for the report of `year`, in the order given. */
  async rows(units: readonly Unit[], year: number): Promise<DashboardRow[]> {
    const ids = units.map((u) => u.id);
    const [current, previous, settings, reminders, figures] = await Promise.all([
      this.reportsOf(ids, year),
      this.reportsOf(ids, year - 1),
      readReportSettingsMany(this.d.settings, units),
      this.dash.latestReminders(ids, year),
      // Last year's too (the year-over-year checks), unless that report's figures are frozen: one load.
      this.d.batch.computeYears(units, [year, year - 1]),
    ]);
    const computed = figures.get(year)!;
    const prevComputed = figures.get(year - 1)!;
    const states = await this.dash.documentStates(
      [...current.values()].flatMap((r) => (r.document_id === null ? [] : [r.document_id])),
    );
    const today = this.today();
    return units.map((unit) => {
      const row = current.get(unit.id) ?? null;
      const state = row?.document_id != null ? (states.get(row.document_id) ?? null) : null;
      const status = reportStatus(row, state);
      const live = computed.get(unit.id)!;
      const frozen = row?.figures && !isEditable(status) ? (JSON.parse(row.figures) as ReportFigures) : null;
      const figures = frozen ?? live.figures;
      // Not started: the draft the editor previews (its prompts are checked like any text).
      const sections = row
        ? (JSON.parse(row.sections) as ReportSections)
        : draftSections({
            unitName: unit.name,
            year,
            figures: live.figures,
            publishedCount: null,
            fees: live.fees,
            taskSummary: null,
          });
      const prev = previousOf(previous.get(unit.id), prevComputed.get(unit.id), year - 1);
      const errors = this.d.reports
        .checksOf(year, figures, sections, prev)
        .filter((c) => c.severity === 'error').length;
      const deadline = deadlineOf(unit.kind, year, settings.get(unit.id)!);
      return {
        unit: { id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, depth: unit.depth },
        status,
        overdue: isOverdue(deadline, today, status === 'published'),
        errors,
        deadline,
        publishedOn: row?.published_on ?? null,
        reminder: reminders.get(unit.id) ?? null,
      };
    });
  }

  /** The latest reminder of one unit's report in words ("已于 … 提醒"), null when none (the editor). */
  async reminderLine(unit: Unit, year: number): Promise<string | null> {
    const r = (await this.dash.latestReminders([unit.id], year)).get(unit.id);
    if (!r) return null;
    const settings = (await readReportSettingsMany(this.d.settings, [unit])).get(unit.id)!;
    return reminderText(r, deadlineOf(unit.kind, year, settings));
  }

  private async reportsOf(ids: readonly number[], year: number): Promise<Map<number, ReportRow>> {
    const out = new Map<number, ReportRow>();
    for (let i = 0; i < ids.length; i += 2000)
      for (const r of await this.repo.forUnits(ids.slice(i, i + 2000), year)) out.set(r.unit_id, r);
    return out;
  }
}

/** Units in tree order: each unit before its children, siblings by sort order then name. */
export function treeOrder(units: readonly Unit[]): Unit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const parent = u.parent_id !== null && ids.has(u.parent_id) ? u.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: Unit[] = [];
  const visit = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh') || a.id - b.id,
    );
    for (const u of list) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

/** ReportService's previous year, from rows and figures already loaded. */
function previousOf(
  row: ReportRow | undefined,
  computed: { figures: ReportFigures; sources: Record<string, { kind: string }> } | undefined,
  year: number,
): ReportView['previous'] {
  if (row?.figures && row.status !== 'draft')
    return {
      year,
      figures: JSON.parse(row.figures) as ReportFigures,
      sections: JSON.parse(row.sections) as ReportSections,
      published: row.status === 'published',
    };
  const held = computed ? ALL_CELL_KEYS.some((k) => computed.sources[k]?.kind !== 'none') : false;
  return {
    year,
    figures: held && computed ? computed.figures : null,
    sections: row ? (JSON.parse(row.sections) as ReportSections) : null,
    published: false,
  };
}

/** Whether a row passes the status filter. */
export function matchesFilter(r: DashboardRow, f: DashboardFilter | undefined): boolean {
  if (!f) return true;
  if (f === 'overdue') return r.overdue;
  if (f === 'failing') return r.errors > 0;
  return r.status === f;
}
