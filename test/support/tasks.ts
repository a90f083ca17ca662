/** Test helpers for the tasks module: services on a test app, the demo county and seed 000's text. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Unit } from '../../src/db/schema.ts';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { TaskReportRepository } from '../../src/modules/tasks/task-report.repository.ts';
import { buildUser } from './factories.ts';
import type { TestApp } from './test-app.ts';

// Copies of the seeds kept in the repository (test/fixtures/seeds), so a clean checkout has them.
const SEEDS = new URL('../fixtures/seeds/', import.meta.url);

/** The text of seed 000 (中方县's task table), or of another seed by its number prefix. */
export function seedText(prefix = '000'): string {
  const file = readdirSync(SEEDS).find((n) => n.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(file, SEEDS), 'utf8');
}

/** The tasks module's services as the App wires them (with automatic evidence). */
export function taskServices(app: TestApp) {
  return {
    tasks: app.tasks.repo,
    reports: new TaskReportRepository(app.database.db),
    plans: app.tasks.plans,
    reporting: app.tasks.reports,
    supervision: app.tasks.supervision,
    evidence: app.tasks.evidence,
  };
}

/** The demo county with a 政务公开管理员 on the county and a 信息员 in each of two departments. */
export async function demoCounty(app: TestApp) {
  await seedDemo(app, undefined, { tasks: false, documents: false, requests: false });
  const unit = async (name: string): Promise<Unit> => {
    const u = await app.unitRepo.findByName(name);
    if (!u) throw new Error(`demo unit missing: ${name}`);
    return u;
  };
  const county = await unit('示范县人民政府');
  const fgj = await unit('县发展和改革局');
  const czj = await unit('县财政局');
  const admin = await buildUser(app, county, ['disclosure_admin']);
  const fgjClerk = await buildUser(app, fgj, ['clerk']);
  const czjClerk = await buildUser(app, czj, ['clerk']);
  return { county, fgj, czj, unit, admin, fgjClerk, czjClerk };
}
