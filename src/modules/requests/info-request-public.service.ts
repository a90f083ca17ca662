/**
 * The public online application as one use-case: anti-abuse checks, the optional ID scan (checked by
 * content, ≤ 5 MB, stored encrypted), the application itself (all field problems reported together)
 * and the idempotent submission. Also the staff download of the scan.
 */
import type { CallContext } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem, isAppError } from '../../lib/errors.ts';
import { FieldCipher } from '../../lib/field-cipher.ts';
import { checkUpload, type FileKind, type UploadRule } from '../../lib/file-types.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { toProblems } from '../../lib/validation.ts';
import { applicationSchema } from './info-request.schemas.ts';
import type { InfoRequestService, Submission } from './info-request.service.ts';
import type { InfoRequestRecordsRepository } from './info-request-records.repository.ts';

/** 身份证明扫描件: JPG, PNG or PDF up to 5 MB (issue 4 §1). */
const ID_SCAN_RULE: UploadRule = { allowed: ['jpg', 'png', 'pdf'], maxBytes: 5 * 1024 * 1024 };

export interface PublicFile {
  fileName: string;
  content: Buffer;
}

export class InfoRequestPublicService {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly d: {
      service: InfoRequestService;
      records: InfoRequestRecordsRepository;
      clock: Clock;
      formSecret: string;
    },
    encryptionKey: Uint8Array,
  ) {
    this.cipher = new FieldCipher(encryptionKey);
  }

  /**
   * Validates and submits an online application. Automated-looking posts are refused as a whole;
   * otherwise every problem of the fields and the upload is reported at once.
   */
  async apply(
    ctx: CallContext,
    unitId: number,
    fields: Record<string, unknown>,
    scan: PublicFile | undefined,
    minFillMs?: number,
  ): Promise<Submission> {
    const abuse = abuseProblem(this.d.formSecret, fields, this.d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const problems: FieldProblem[] = [];
    let kind: FileKind | null = null;
    if (scan) {
      try {
        kind = checkUpload('idScan', '身份证明扫描件', scan.fileName, scan.content, ID_SCAN_RULE);
      } catch (e) {
        if (!isAppError(e)) throw e;
        problems.push(...e.problems);
      }
    }
    const parsed = applicationSchema.safeParse(fields);
    if (!parsed.success) problems.unshift(...toProblems(parsed.error));
    if (problems.length) throw AppError.validation(problems);
    const submission = await this.d.service.submitOnline(ctx, unitId, fields);
    if (submission.created && scan && kind) {
      await this.d.records.insertFile({
        request_id: submission.id,
        kind: 'id_scan',
        file_name: scan.fileName,
        file_kind: kind,
        size: scan.content.length,
        content_enc: this.cipher.encrypt(scan.content.toString('base64')),
        created_at: this.d.clock.now().toISOString(),
      });
    }
    return submission;
  }

  /** The decrypted file for staff who may handle its case. */
  async file(ctx: CallContext, fileId: number): Promise<{ fileName: string; kind: FileKind; body: Buffer }> {
    const f = await this.d.records.file(fileId);
    if (!f) throw AppError.notFound('文件');
    await this.d.service.getForHandling(ctx, f.request_id);
    return {
      fileName: f.file_name,
      kind: f.file_kind as FileKind,
      body: Buffer.from(this.cipher.decrypt(f.content_enc), 'base64'),
    };
  }
}
