/**
 * The ledger pages' services that src/app.ts does not wire yet (bulletin document, assessment and
 * 回头看), built from the App's parts. Moving them into `app.tasks` later changes only this file.
 */
import type { App } from '../../app.ts';
import { TaskAssessmentService } from './task-assessment.service.ts';
import { TaskBulletinService } from './task-bulletin.service.ts';
import { TaskLedgerRepository } from './task-ledger.repository.ts';
import { TaskSupervisionRepository } from './task-supervision.repository.ts';

export type TaskExtras = ReturnType<typeof createTaskExtras>;

const cache = new WeakMap<App, ReturnType<typeof build>>();

function build(app: App) {
  const db = app.database.db;
  const ledger = new TaskLedgerRepository(db);
  return {
    ledger,
    bulletins: new TaskBulletinService({
      supervision: app.tasks.supervision,
      supervisionRepo: new TaskSupervisionRepository(db),
      ledger,
      units: app.units,
    }),
    assessment: new TaskAssessmentService({
      ...{ db, tasks: app.tasks.repo, ledger, supervision: app.tasks.supervision },
      ...{ audit: app.audit, clock: app.clock, units: app.units },
    }),
  };
}

/** One set of extras per App. */
export function createTaskExtras(app: App) {
  let extras = cache.get(app);
  if (!extras) {
    extras = build(app);
    cache.set(app, extras);
  }
  return extras;
}
