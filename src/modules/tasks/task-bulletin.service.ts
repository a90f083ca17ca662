/** The quarterly bulletin (一季度一通报) for one assessing unit: numbers, stale cases, title. */
import type { UnitService } from '../orgs/unit.service.ts';
import {
  type BulletinDocument,
  bulletinInterpretation,
  type InterpretationRatesReader,
  staleCases,
} from './task-bulletin.ts';
import type { TaskLedgerRepository } from './task-ledger.repository.ts';
import type { TaskSupervisionRepository } from './task-supervision.repository.ts';
import type { TaskSupervisionService } from './task-supervision.service.ts';

export interface TaskBulletinServiceDeps {
  supervision: TaskSupervisionService;
  supervisionRepo: TaskSupervisionRepository;
  ledger: TaskLedgerRepository;
  units: UnitService;
  /** 政策解读 rates, when the policies module is present. */
  interpretationRates?: InterpretationRatesReader | undefined;
}

export class TaskBulletinService {
  constructor(private readonly d: TaskBulletinServiceDeps) {}

  /** Everything the HTML page and the .docx show for `year` / `quarter` (1–4). */
  async document(ownerUnitId: number, year: number, quarter: number): Promise<BulletinDocument> {
    const owner = await this.d.units.get(ownerUnitId);
    const bulletin = await this.d.supervision.quarterlyBulletin(owner.id, year, quarter);
    const assignments = await this.d.supervisionRepo.bulletinAssignments(owner.id, year);
    const reported = await this.d.ledger.reportedPairs(owner.id, year, bulletin.start, bulletin.asOf);
    const doc: BulletinDocument = {
      ownerName: owner.name,
      bulletin,
      stale: staleCases(assignments, reported, bulletin),
    };
    if (this.d.interpretationRates) {
      // The owner (it issues most 规范性文件) and each unit of the plan: their own policies in the quarter.
      const unitIds = [...new Set([owner.id, ...bulletin.units.map((u) => u.unitId)])];
      const readings = await this.d.interpretationRates.ratesOfUnits(unitIds, bulletin.start, bulletin.asOf);
      doc.interpretation = bulletinInterpretation(readings);
    }
    return doc;
  }
}
