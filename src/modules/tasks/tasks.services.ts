/**
 * The 工作要点 → 任务分工台账 services, built once per app by the module's manifest (tasks.module.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import type { Clock } from '../../lib/clock.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import { ColumnFreshnessService } from '../publishing/columns/column-freshness.ts';
import { AttachmentStore } from '../publishing/documents/attachment-store.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { TaskRepository } from './task.repository.ts';
import { TaskAssessmentService } from './task-assessment.service.ts';
import { TaskBulletinService } from './task-bulletin.service.ts';
import type { InterpretationRatesReader } from './task-bulletin.ts';
import { TaskBulletinPublicationService } from './task-bulletin-publication.service.ts';
import { TaskEditService } from './task-edit.service.ts';
import { TaskEvidenceRepository } from './task-evidence.repository.ts';
import { type CatalogueReader, TaskEvidenceService } from './task-evidence.service.ts';
import { TaskLedgerRepository } from './task-ledger.repository.ts';
import { TaskPartService } from './task-part.service.ts';
import { TaskReportRepository } from './task-report.repository.ts';
import { TaskReportService } from './task-report.service.ts';
import { TaskSupervisionRepository } from './task-supervision.repository.ts';
import { TaskSupervisionService } from './task-supervision.service.ts';
import { WorkPlanService } from './work-plan.service.ts';

export interface Tasks {
  repo: TaskRepository;
  plans: WorkPlanService;
  reports: TaskReportService;
  /** Per-unit parts: 不适用 and back. */
  parts: TaskPartService;
  supervision: TaskSupervisionService;
  /** Automatic evidence from column freshness. */
  evidence: TaskEvidenceService;
  ledger: TaskLedgerRepository;
  /** The quarterly bulletin (HTML and .docx). */
  bulletins: TaskBulletinService;
  /** Filing a quarterly bulletin as a 主动公开 draft. */
  bulletinPublication: TaskBulletinPublicationService;
  /** Year-end scores and 回头看 carry-over. */
  assessment: TaskAssessmentService;
  /** Corrections of imported tasks (number, title, content, deadline). */
  edits: TaskEditService;
}

export function createTasks(d: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  unitDirectory: UnitDirectory;
  calendar: CalendarService;
  publishing: Pick<PublishingApi, 'columns' | 'documents'>;
  catalogue: CatalogueReader;
  dataDir: string;
  /** 政策解读 rates for the bulletin, when the policies module is present. */
  interpretationRates?: InterpretationRatesReader | undefined;
}): Tasks {
  const repo = new TaskRepository(d.db);
  const reportRepo = new TaskReportRepository(d.db);
  const evidence = new TaskEvidenceService({
    ...d,
    tasks: repo,
    links: new TaskEvidenceRepository(d.db),
    columns: d.publishing.columns,
    catalogue: d.catalogue,
    freshness: new ColumnFreshnessService(d.db),
  });
  const ledger = new TaskLedgerRepository(d.db);
  const supervisionRepo = new TaskSupervisionRepository(d.db);
  const supervision = new TaskSupervisionService({ ...d, reports: reportRepo, supervision: supervisionRepo });
  const bulletins = new TaskBulletinService({
    supervision,
    supervisionRepo,
    ledger,
    units: d.units,
    interpretationRates: d.interpretationRates,
  });
  return {
    repo,
    evidence,
    supervision,
    plans: new WorkPlanService({ ...d, tasks: repo }),
    reports: new TaskReportService({
      ...d,
      tasks: repo,
      reports: reportRepo,
      evidence,
      files: new AttachmentStore(d.dataDir),
    }),
    parts: new TaskPartService({ ...d, tasks: repo, reports: reportRepo }),
    ledger,
    bulletins,
    bulletinPublication: new TaskBulletinPublicationService({ ...d, bulletins }),
    assessment: new TaskAssessmentService({ ...d, tasks: repo, ledger, supervision }),
    edits: new TaskEditService({ ...d, tasks: repo }),
  };
}
