/**
 * The library's daily job (`policies.daily`, issue 11 §2): for every entry whose history has not ended it
 * (no 废止 / 宣布失效 / 失效 event in force)
 * - keeps the stored state (and the public 有效性 mark) equal to the state as of today (a 施行日期 or
 *   an event date reached overnight);
 * - once 有效期至 has passed without a 失效 event, records one through the ledger (dated the day after
 *   有效期至, 'inferred' when the date came from the province's rule, 'official' when from the document's
 *   form or text; the system actor; the ledger audits it);
 * - raises the 评估 task (policy_evaluations, one per document and 有效期至) when the expiry is within the
 *   unit's EVALUATION_LEAD_MONTHS, audited (`policy.evaluation_raise`).
 * Idempotent: a second run on the same day or on a later day changes nothing that the first did.
 * No mail is sent: the tasks module's reminders are rows, not mail, and users have no mail address of
 * record yet; the open 评估 tasks are listed on the back-office library page.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { runOnce } from '../../lib/jobs.ts';
import { ancestorIds, type SettingsStore } from '../../lib/settings/settings-store.ts';
import { FINAL_STATES } from './policy.model.ts';
import { addMonths } from './policy-publication.ts';
import { EVALUATION_LEAD_MONTHS } from './policy-settings.ts';
import { deriveValidity, expiryDay } from './validity.ts';
import { datesOf, recordsOf, type ValidityLedger } from './validity-ledger.ts';

/** The job id: the scheduler's name and the key of its once-a-day claim in job_runs. */
export const POLICY_DAILY_JOB = 'policies.daily';

export interface PolicyDailyResult {
  date: string;
  /** Entries whose stored state changed (施行 reached, an event's day reached …). */
  updated: number;
  /** 失效 events recorded. */
  expired: number;
  /** 评估 tasks raised. */
  evaluations: number;
  /** Entries the ledger refused a 失效 event for, with the reason. */
  skipped: { documentId: number; reason: string }[];
}

export interface PolicyExpiryDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsStore;
  ledger: ValidityLedger;
}

export class PolicyExpiryService {
  constructor(private readonly d: PolicyExpiryDeps) {}

  /** Once per day however many processes run it (the scheduler calls `sweep` after its own claim). */
  async runDaily(): Promise<PolicyDailyResult | null> {
    const today = todayInShanghai(this.d.clock.now());
    const r = await runOnce(this.d.db, this.d.clock, POLICY_DAILY_JOB, today, () => this.sweep(today));
    return r.ran ? r.result : null;
  }

  /** The sweep itself as of `today`, without the once-a-day claim; one transaction per entry. */
  async sweep(today: string): Promise<PolicyDailyResult> {
    const ctx: CallContext = { actor: systemActor('规范性文件库定时任务'), meta: NO_REQUEST };
    const result: PolicyDailyResult = { date: today, updated: 0, expired: 0, evaluations: 0, skipped: [] };
    const entries = await this.d.db
      .selectFrom('policy_entries')
      .innerJoin('units', 'units.id', 'policy_entries.unit_id')
      .select([
        'policy_entries.document_id as id',
        'units.path as unitPath',
        'policy_entries.unit_id as unitId',
      ])
      // 已失效 by the date rule alone (stored by any recompute after 有效期至) still needs its 失效 event;
      // 已废止 is always an event.
      .where('policy_entries.state', '!=', 'repealed')
      .orderBy('policy_entries.document_id')
      .execute();
    const leadByUnit = new Map<number, number>();
    for (const { id, unitId, unitPath } of entries) {
      let lead = leadByUnit.get(unitId);
      if (lead === undefined) {
        lead = await this.d.settings.read(EVALUATION_LEAD_MONTHS, {
          unitId,
          ancestorIds: ancestorIds(unitPath, unitId),
        });
        leadByUnit.set(unitId, lead);
      }
      const leadMonths = lead;
      await this.d.db.transaction().execute(async (trx) => {
        const entry = await this.d.ledger.entries.find(id, trx);
        if (!entry) return;
        const events = await this.d.ledger.entries.events(id, trx);
        const before = deriveValidity(datesOf(entry), recordsOf(events), today);
        if (FINAL_STATES.includes(before.state) && before.by === 'event') {
          if (before.state !== entry.state) {
            await this.d.ledger.recompute(trx, id, today);
            result.updated++;
          }
          return;
        }
        const expiresOn = entry.expires_on;
        // A 失效 already recorded for this 有效期至 — even one a person cancelled (the validity was
        // extended, the date was wrong) — is not recorded again.
        const recorded =
          expiresOn !== null &&
          (await this.d.ledger.entries.history(id, trx)).some(
            (e) =>
              e.event_type === 'expired' && (e.cancelled_at === null || e.occurs_on === expiryDay(expiresOn)),
          );
        if (expiresOn && expiresOn < today && !recorded) {
          try {
            await this.d.ledger.recordInTransaction(trx, ctx, id, {
              type: 'expired',
              occursOn: expiryDay(expiresOn),
              certainty: entry.expiry_source === 'rule' ? 'inferred' : 'official',
              note:
                entry.expiry_source === 'rule'
                  ? `有效期至 ${expiresOn}（按本地规定推定），到期自动记录`
                  : `有效期至 ${expiresOn}，到期自动记录`,
            });
            result.expired++;
            return;
          } catch (e) {
            if (!(e instanceof AppError) || e.code !== 'validation') throw e;
            result.skipped.push({ documentId: id, reason: e.problems.map((p) => p.message).join('；') });
          }
        }
        const v = deriveValidity(datesOf(entry), recordsOf(events), today);
        if (v.state !== entry.state || v.certainty !== entry.certainty || v.since !== entry.state_since) {
          await this.d.ledger.recompute(trx, id, today);
          result.updated++;
        }
        if (
          expiresOn &&
          expiresOn >= today &&
          !FINAL_STATES.includes(v.state) &&
          addMonths(expiresOn, -leadMonths) <= today
        ) {
          const inserted = await trx
            .insertInto('policy_evaluations')
            .values({
              document_id: id,
              unit_id: entry.unit_id,
              expires_on: expiresOn,
              raised_on: today,
              state: 'open',
              conclusion: null,
              closed_by: null,
              closed_at: null,
            })
            .onConflict((oc) => oc.columns(['document_id', 'expires_on']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
            result.evaluations++;
            await this.d.audit.record(trx, ctx, {
              action: 'policy.evaluation_raise',
              targetType: 'document',
              targetId: id,
              summary: `“${entry.title}”有效期至 ${expiresOn}，已向制定单位发起有效期届满前评估`,
              after: { expiresOn, raisedOn: today, leadMonths },
            });
          }
        }
      });
    }
    return result;
  }
}
