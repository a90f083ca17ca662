/**
 * The daily job `reports.deadline-reminders` (issue 12 §5): for every active unit whose report of the
 * year that ended is not published, on the days set before its deadline (default 10, 3 and 1) and every
 * day after it, records one reminder (annual_report_reminders, once per unit, kind and day) with its
 * audit event in one transaction. Users have no e-mail: the reminder is what the dashboard and the
 * unit's editor show ("已于 … 提醒"), docs/reports-deadlines.md.
 */
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { reportTitle } from './report.model.ts';
import { ReportDashboardRepository } from './report-dashboard.repository.ts';
import { deadlineOf, reminderDue } from './report-deadlines.ts';
import { readReportSettingsMany } from './report-settings.ts';
import { reportStatus } from './report-status.ts';
import { ReportRepository } from './reports.repository.ts';

export const REMINDER_JOB = 'reports.deadline-reminders';

export interface ReminderDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  units: Pick<UnitService, 'listActive'>;
  settings: SettingsStore;
}

export interface ReminderResult {
  year: number;
  /** Reminders recorded now. */
  recorded: number;
  /** Due today but already recorded (a second run the same day). */
  already: number;
}

export class ReportReminders {
  private readonly repo: ReportRepository;
  private readonly dash: ReportDashboardRepository;
  constructor(private readonly d: ReminderDeps) {
    this.repo = new ReportRepository(d.db);
    this.dash = new ReportDashboardRepository(d.db);
  }

  /** The run of `today` ('YYYY-MM-DD', China): the reports of the year that ended. */
  async run(today: string): Promise<ReminderResult> {
    const year = Number(today.slice(0, 4)) - 1;
    const ctx: CallContext = { actor: systemActor('年度报告提醒'), meta: NO_REQUEST };
    const units = await this.d.units.listActive();
    const ids = units.map((u) => u.id);
    const [settings, reports] = await Promise.all([
      readReportSettingsMany(this.d.settings, units),
      this.repo.forUnits(ids, year),
    ]);
    const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
    const states = await this.dash.documentStates(
      reports.flatMap((r) => (r.document_id === null ? [] : [r.document_id])),
    );
    const due: { unit: Unit; kind: string; deadline: string }[] = [];
    for (const unit of units) {
      const row = byUnit.get(unit.id);
      const state = row?.document_id != null ? (states.get(row.document_id) ?? null) : null;
      if (reportStatus(row, state) === 'published') continue;
      const s = settings.get(unit.id)!;
      const deadline = deadlineOf(unit.kind, year, s);
      const r = reminderDue(deadline, today, s.reminderDays);
      if (r) due.push({ unit, kind: r.kind, deadline });
    }
    let recorded = 0;
    for (const { unit, kind, deadline } of due)
      await this.d.db.transaction().execute(async (trx) => {
        if (!(await this.repo.remindOnce(trx, unit.id, year, kind, today))) return;
        recorded++;
        await this.d.audit.record(trx, ctx, {
          action: 'report.reminder',
          targetType: 'unit',
          targetId: unit.id,
          summary:
            kind === 'overdue'
              ? `提醒：“${reportTitle(unit.name, year)}”已超过期限（${deadline}），尚未发布`
              : `提醒：“${reportTitle(unit.name, year)}”期限为 ${deadline}，尚未发布`,
          after: { year, kind, day: today, deadline },
        });
      });
    return { year, recorded, already: due.length - recorded };
  }
}
