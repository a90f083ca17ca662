/**
 * The daily job `qa.stale-sources` (issue 14 item 5): every published entry whose cited platform document
 * was withdrawn, is no longer in force on the day, or got a newer version after the entry was published
 * is flagged 待更新 with the reason and the day, audited, and its unit is told once (an e-mail to the
 * unit's address when mail is on). Idempotent: the day is claimed once (lib/jobs runOnce); an entry already
 * flagged is left alone until a revision is published (which clears the flag).
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { runOnce } from '../../lib/jobs.ts';
import type { QaEntriesService } from './qa-entries.service.ts';
import { type SourceValidityReader, staleReason } from './qa-validity.ts';

export const STALE_JOB_ID = 'qa.stale-sources';
const JOB_CTX: CallContext = { actor: systemActor('政策问答依据检查'), meta: NO_REQUEST };

export interface StaleSweepResult {
  checked: number;
  flagged: number;
  mailed: number;
}

export class QaStaleSources {
  constructor(
    private readonly s: QaEntriesService,
    private readonly validity: SourceValidityReader,
  ) {}

  /** Runs the sweep once for `day` however often it is called (null: the day was already done). */
  async runDaily(day: string): Promise<StaleSweepResult | null> {
    const r = await runOnce(this.s.d.db, this.s.d.clock, STALE_JOB_ID, day, () => this.sweep(day));
    return r.ran ? r.result : null;
  }

  /** Flags the published entries whose sources changed as of `day`. */
  async sweep(day: string): Promise<StaleSweepResult> {
    const out: StaleSweepResult = { checked: 0, flagged: 0, mailed: 0 };
    const entries = (await this.s.repo.publishedAll()).filter((e) => e.stale === 0);
    const sources = await this.s.repo.sourcesOf(entries.map((e) => e.id));
    const ids = sources.flatMap((x) => (x.document_id === null ? [] : [x.document_id]));
    const facts = await this.validity.of(ids, day);
    for (const e of entries) {
      out.checked++;
      const reasons = sources
        .filter((x) => x.entry_id === e.id && x.document_id !== null)
        .flatMap((x) => {
          const f = facts.get(x.document_id!);
          const r = f ? staleReason(f.facts, f.validity, e.published_at ?? '') : null;
          return r ? [r] : [];
        });
      if (!reasons.length) continue;
      const reason = reasons.join('；').slice(0, 500);
      const unit = await this.s.d.units.findById(e.unit_id);
      const mail = this.s.d.mail;
      const tell = mail.enabled && !!unit?.email && !e.stale_notified_at;
      const now = this.s.d.clock.now().toISOString();
      await this.s.d.db.transaction().execute(async (trx) => {
        const ok = await this.s.repo.updateIfState(trx, e.id, 'published', {
          stale: 1,
          stale_reason: reason,
          stale_since: day,
          updated_at: now,
          ...(tell ? { stale_notified_at: now } : {}),
        });
        if (!ok) return;
        out.flagged++;
        await this.s.d.audit.record(trx, JOB_CTX, {
          action: 'qa.entry.stale',
          targetType: 'qa_entry',
          targetId: e.id,
          summary: `政策问答“${e.question}”待更新：${reason}`,
          after: { stale: 1, since: day, reason },
        });
        if (!tell || !unit?.email) return;
        await mail.enqueue(trx, {
          kind: 'qa.stale',
          to: unit.email,
          subject: `【政策问答待更新】${e.question.slice(0, 40)}`,
          text: [
            `${unit.name}：`,
            `贵单位发布的政策问答“${e.question}”所依据的文件已变化：${reason}。`,
            '请核对答复内容，修订后重新发布；更新前公众页面会提示“本问答所依据的文件已变化，正在更新”。',
            `办理页面：${this.s.d.publicUrl ?? ''}/admin/qa/${e.id}`,
            '（本邮件由系统自动发送）',
          ].join('\n'),
          ref: { type: 'qa_entry', id: e.id },
        });
        out.mailed++;
      });
    }
    return out;
  }
}
