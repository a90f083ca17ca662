/**
 * The daily sweep of attachment files (`files.sweep`): deletes stored files that no attachment row
 * (documents, progress reports) refers to any more and that were not stored again for
 * UNREFERENCED_FILE_GRACE_HOURS, plus temporary files left by an interrupted upload. Removing an
 * attachment from a draft only deletes its row; the file goes here, a day later at the earliest.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { DocumentRepository } from './document.repository.ts';

/**
 * How long an unreferenced file is kept. Long enough that an upload of the same bytes (which refreshes
 * the file's time before its row commits) always finishes first; short enough that a removed draft
 * attachment does not linger on disk.
 */
export const UNREFERENCED_FILE_GRACE_HOURS = 24;

export const FILE_SWEEP_JOB = 'files.sweep';

export interface SweepResult {
  deleted: number;
  temporary: number;
  kept: number;
}

export class AttachmentSweep {
  private readonly ctx: CallContext = { actor: systemActor('附件文件清理任务'), meta: NO_REQUEST };

  constructor(
    private readonly d: {
      db: Kysely<DB>;
      files: AttachmentStore;
      documents: DocumentRepository;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  async run(): Promise<SweepResult> {
    const cutoff = this.d.clock.now().getTime() - UNREFERENCED_FILE_GRACE_HOURS * 3_600_000;
    const result: SweepResult = { deleted: 0, temporary: 0, kept: 0 };
    for await (const f of this.d.files.list()) {
      if (f.mtimeMs >= cutoff) {
        result.kept++;
      } else if (f.sha256 === null) {
        await this.d.files.removeTemporary(f.name).then(
          () => result.temporary++,
          () => result.kept++, // not one of ours: left alone
        );
      } else if (await this.d.documents.fileReferenced(f.sha256)) {
        result.kept++;
      } else {
        await this.d.files.remove(f.sha256);
        result.deleted++;
      }
    }
    if (result.deleted || result.temporary) {
      await this.d.db.transaction().execute((trx) =>
        this.d.audit.record(trx, this.ctx, {
          action: 'files.sweep',
          targetType: 'job',
          targetId: FILE_SWEEP_JOB,
          summary: `清理不再使用的附件文件 ${result.deleted} 个、未完成上传的临时文件 ${result.temporary} 个`,
          after: { ...result },
        }),
      );
    }
    return result;
  }
}
