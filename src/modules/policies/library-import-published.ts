/**
 * Import from documents already published on the platform (issue 11 §5): 政府信息 (the built-in kind)
 * whose title or 文号 looks like a policy, or whose text carries a 统一登记号, are listed with what their
 * text says (登记号, 施行, 有效期, with excerpts — policy-text.ts); confirming reclassifies the chosen ones
 * (主动公开's documents.reclassify: versions kept, audited) and files their entries in the same transaction.
 */

import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import type { LibraryFilesRepository } from './library-files.repository.ts';
import { isPolicyKind, POLICY_KIND_LABELS, type PolicyKind } from './policy.model.ts';
import { type PolicyTextReading, readPolicyText } from './policy-text.ts';
import type { ValidityLedger } from './validity-ledger.ts';

/** Titles that name a policy instrument (文种 of 规章 and 规范性文件). */
const POLICY_TITLE = /办法|规定|细则|实施意见|若干意见|规则|规程|暂行|试行|若干措施|管理制度|实施方案/;
/** 文号 of 规范性文件 often carry 规 (某政规〔2021〕1号, 某政发规…). */
const POLICY_DOC_NUMBER = /规/;
/** Most candidates read per page. */
const MAX_CANDIDATES = 300;

export interface ReclassifyCandidate {
  id: number;
  title: string;
  docNumber: string | null;
  /**
   * The 公布日期 the entry gets: the 成文日期 when known, else the day it went onto the platform — none
   * when that is later than the 施行日期 the text states (the document was put online late; unknown).
   */
  publishedOn: string | null;
  /** Why it is listed. */
  reasons: string[];
  reading: PolicyTextReading;
  /** The kind suggested (登记号 or 规 in the 文号 → 行政规范性文件; otherwise 其他政策文件). */
  suggested: PolicyKind;
}

const textOf = (html: string) =>
  html
    .replace(/<\/(p|div|h\d|li|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface PublishedImportDeps {
  audit: AuditLog;
  clock: Clock;
  units: Pick<UnitService, 'get' | 'listSubtree'>;
  publishing: Pick<PublishingApi, 'documents'>;
  ledger: ValidityLedger;
  files: LibraryFilesRepository;
}

export class PublishedImport {
  constructor(private readonly d: PublishedImportDeps) {}

  private async unitFor(ctx: CallContext, unitId: number) {
    const unit = await this.d.units.get(unitId);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'policy.manage', unit.path))
      throw AppError.forbidden('您没有导入该单位文件库的权限');
    return unit;
  }

  /** Candidates in the unit's subtree, newest first. */
  async candidates(ctx: CallContext, unitId: number): Promise<ReclassifyCandidate[]> {
    const unit = await this.unitFor(ctx, unitId);
    const ids = (await this.d.units.listSubtree(unit.path)).map((u) => u.id);
    const out: ReclassifyCandidate[] = [];
    for (const doc of await this.d.files.publishedPlainDocuments(ids, MAX_CANDIDATES)) {
      const reading = readPolicyText(textOf(doc.body_html), doc.title);
      const reasons: string[] = [];
      const t = POLICY_TITLE.exec(doc.title);
      if (t) reasons.push(`标题含“${t[0]}”`);
      if (doc.doc_number && POLICY_DOC_NUMBER.test(doc.doc_number))
        reasons.push(`文号“${doc.doc_number}”含“规”`);
      if (reading.registrationNumber) reasons.push(`正文有统一登记号 ${reading.registrationNumber.value}`);
      if (!reasons.length) continue;
      const stated =
        reading.effectiveOn && /^\d{4}-/.test(reading.effectiveOn.value) ? reading.effectiveOn.value : null;
      let publishedOn = doc.written_on ?? doc.published_on;
      if (stated && publishedOn && stated < publishedOn) {
        reasons.push(`平台记录的日期 ${publishedOn} 晚于正文所载施行日期 ${stated}，公布日期留空待补`);
        publishedOn = null;
      }
      const normative = reading.registrationNumber !== null || POLICY_DOC_NUMBER.test(doc.doc_number ?? '');
      out.push({
        id: doc.id,
        title: doc.title,
        docNumber: doc.doc_number,
        publishedOn,
        reasons,
        reading,
        suggested: normative ? 'normative' : 'policy',
      });
    }
    return out;
  }

  /**
   * Reclassifies the chosen documents (`choices`: document id → kind) and files their entries with what
   * their text states. Every choice is checked first; each document then changes in one transaction with
   * its entry (reclassify's inTransaction).
   */
  async confirm(ctx: CallContext, unitId: number, choices: Record<string, string>): Promise<number> {
    const candidates = new Map((await this.candidates(ctx, unitId)).map((c) => [c.id, c]));
    const problems: FieldProblem[] = [];
    const chosen: { c: ReclassifyCandidate; kind: PolicyKind }[] = [];
    for (const [id, kind] of Object.entries(choices)) {
      if (!kind) continue;
      const c = candidates.get(Number(id));
      if (!c) problems.push({ field: `kind.${id}`, message: `编号 ${id} 的信息不是可导入的已发布政府信息` });
      else if (!isPolicyKind(kind))
        problems.push({ field: `kind.${id}`, message: `“${c.title}”：类型“${kind}”不存在` });
      else chosen.push({ c, kind });
    }
    if (!problems.length && !chosen.length)
      problems.push({ field: 'kind', message: '请至少为一件信息选择类型' });
    if (problems.length) throw AppError.validation(problems);
    const now = this.d.clock.now().toISOString();
    for (const { c, kind } of chosen) {
      const r = c.reading;
      const date = (f: { value: string } | null) => (f && /^\d{4}-/.test(f.value) ? f.value : '');
      const meta = {
        'meta.registrationNumber': r.registrationNumber?.value ?? '',
        'meta.publishedOn': c.publishedOn ?? '',
        'meta.effectiveOn':
          r.effectiveOn?.value === 'publication' ? (c.publishedOn ?? '') : date(r.effectiveOn),
        'meta.expiresOn': date(r.expiresOn),
      };
      const issuers = await this.d.files.issuersOf(c.id);
      await this.d.publishing.documents.reclassify(ctx, c.id, kind, meta, {
        inTransaction: async (trx) => {
          await this.d.ledger.entries.upsert(trx, {
            document_id: c.id,
            unit_id: unitId,
            kind,
            title: c.title,
            doc_number: c.docNumber,
            issuers: issuers.join('、') || null,
            registration_number: r.registrationNumber?.value ?? null,
            published_on: c.publishedOn,
            effective_on: meta['meta.effectiveOn'] || null,
            expires_on: meta['meta.expiresOn'] || null,
            expiry_source: meta['meta.expiresOn'] ? 'text' : 'none',
            origin: 'published_import',
            topic_id: null,
            state: 'in_force',
            certainty: 'presumed',
            state_since: null,
            no_interpretation_reason: null,
            created_at: now,
            updated_at: now,
          });
          const v = await this.d.ledger.recompute(trx, c.id, todayInShanghai(this.d.clock.now()));
          await this.d.audit.record(trx, ctx, {
            action: 'policy.library_import',
            targetType: 'document',
            targetId: c.id,
            summary: `将已发布信息“${c.title}”收入文件库（${POLICY_KIND_LABELS[kind]}）`,
            after: { kind, state: v.state, certainty: v.certainty },
          });
        },
      });
    }
    return chosen.length;
  }
}
