/** The quarterly bulletin (一季度一通报) for one assessing unit: numbers, stale cases, title. */
import type { UnitService } from '../orgs/unit.service.ts';
import { type BulletinDocument, staleCases } from './task-bulletin.ts';
import type { TaskLedgerRepository } from './task-ledger.repository.ts';
import type { TaskSupervisionRepository } from './task-supervision.repository.ts';
import type { TaskSupervisionService } from './task-supervision.service.ts';

export interface TaskBulletinServiceDeps {
  supervision: TaskSupervisionService;
  supervisionRepo: TaskSupervisionRepository;
  ledger: TaskLedgerRepository;
  units: UnitService;
}

export class TaskBulletinService {
  constructor(private readonly d: TaskBulletinServiceDeps) {}

  /** Everything the HTML page and the .docx show for `year` / `quarter` (1–4). */
  async document(ownerUnitId: number, year: number, quarter: number): Promise<BulletinDocument> {
    const owner = await this.d.units.get(ownerUnitId);
    const bulletin = await this.d.supervision.quarterlyBulletin(owner.id, year, quarter);
    const assignments = await this.d.supervisionRepo.bulletinAssignments(owner.id, year);
    const reported = await this.d.ledger.reportedPairs(owner.id, year, bulletin.start, bulletin.asOf);
    return { ownerName: owner.name, bulletin, stale: staleCases(assignments, reported, bulletin) };
  }
}
