/**
 * What the back-office library pages read and the two writes they add (issue 11 §2): the list of entries
 * in the actor's units with its filters, an entry with its history and open 评估 task, closing a 评估
 * task (audited), and the library's settings of a unit. Events are written by the ledger only.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can, scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseSettingsForm, settingsFormValues } from '../../lib/settings/settings-form.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import { ancestorIds } from '../../lib/settings/settings-store.ts';
import { parseInput, requiredText } from '../../lib/validation.ts';
import { isPolicyKind, VALIDITY_STATES } from './policy.model.ts';
import type { PolicyEntry, PolicyValidityEventRow } from './policy-entry.repository.ts';
import { addMonths } from './policy-publication.ts';
import { LIBRARY_SETTINGS } from './policy-settings.ts';
import type { DerivedValidity } from './validity.ts';
import type { ValidityLedger } from './validity-ledger.ts';

export const ENTRY_PAGE_SIZE = 30;
/** "六个月内到期": the list filter's window (the 评估 lead of the default settings). */
export const EXPIRING_SOON_MONTHS = 6;

export interface EntryFilters {
  kind?: string | undefined;
  state?: string | undefined;
  unitId?: number | undefined;
  expiringSoon?: boolean;
  withEvaluation?: boolean;
  page?: number;
}

export interface EntryListRow extends PolicyEntry {
  unit_name: string;
  open_evaluation: number;
}

export interface PolicyEvaluationRow {
  id: number;
  document_id: number;
  unit_id: number;
  expires_on: string;
  raised_on: string;
  state: string;
  conclusion: string | null;
  closed_by: number | null;
  closed_at: string | null;
}

export interface EntryHistoryRow extends PolicyValidityEventRow {
  source_state: string | null;
  source_db_title: string | null;
}

export interface LibraryAdminDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsStore;
  ledger: ValidityLedger;
}

const closeSchema = z.object({ conclusion: requiredText('评估结论', 2000) });

export class LibraryAdminService {
  constructor(private readonly d: LibraryAdminDeps) {}

  private today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The units the actor may record events in (the list's scope and its 单位 filter). */
  async scopeUnits(ctx: CallContext): Promise<{ id: number; name: string; path: string }[]> {
    const scopes = scopesFor(ctx.actor, 'policy.record');
    if (!scopes.length) return [];
    return this.d.db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where((eb) => eb.or(scopes.map((s) => eb('path', 'like', `${s}%`))))
      .orderBy('path')
      .execute();
  }

  async listEntries(ctx: CallContext, f: EntryFilters): Promise<{ rows: EntryListRow[]; total: number }> {
    const scopes = scopesFor(ctx.actor, 'policy.record');
    if (!scopes.length) throw AppError.forbidden('您没有查看规范性文件库的权限');
    const today = this.today();
    let q = this.d.db
      .selectFrom('policy_entries as e')
      .innerJoin('units as u', 'u.id', 'e.unit_id')
      .where((eb) => eb.or(scopes.map((s) => eb('u.path', 'like', `${s}%`))));
    if (f.kind && isPolicyKind(f.kind)) q = q.where('e.kind', '=', f.kind);
    if (f.state && (VALIDITY_STATES as readonly string[]).includes(f.state))
      q = q.where('e.state', '=', f.state);
    if (f.unitId) q = q.where('e.unit_id', '=', f.unitId);
    if (f.expiringSoon)
      q = q
        .where('e.expires_on', '>=', today)
        .where('e.expires_on', '<=', addMonths(today, EXPIRING_SOON_MONTHS))
        .where('e.state', 'not in', ['repealed', 'expired']);
    if (f.withEvaluation)
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('policy_evaluations as v')
            .select('v.id')
            .whereRef('v.document_id', '=', 'e.document_id')
            .where('v.state', '=', 'open'),
        ),
      );
    const total = Number(
      (await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n as number | string,
    );
    const page = Math.max(1, f.page ?? 1);
    const rows = await q
      .selectAll('e')
      .select('u.name as unit_name')
      .select((eb) =>
        eb
          .selectFrom('policy_evaluations as v')
          .select((v) => v.fn.countAll().as('n'))
          .whereRef('v.document_id', '=', 'e.document_id')
          .where('v.state', '=', 'open')
          .as('open_evaluation'),
      )
      .orderBy('e.published_on', 'desc')
      .orderBy('e.document_id', 'desc')
      .limit(ENTRY_PAGE_SIZE)
      .offset((page - 1) * ENTRY_PAGE_SIZE)
      .execute();
    return {
      rows: rows.map((r) => ({ ...r, open_evaluation: Number(r.open_evaluation ?? 0) })) as EntryListRow[],
      total,
    };
  }

  /** An entry with its state today, its whole history (cancelled events too) and its open 评估 task. */
  async entry(
    ctx: CallContext,
    documentId: number,
  ): Promise<{
    entry: PolicyEntry;
    unitName: string;
    current: DerivedValidity;
    history: EntryHistoryRow[];
    evaluation: PolicyEvaluationRow | null;
  }> {
    const entry = await this.d.ledger.entries.find(documentId);
    if (!entry) throw AppError.notFound('文件库条目');
    const unit = await this.d.db
      .selectFrom('units')
      .select(['name', 'path'])
      .where('id', '=', entry.unit_id)
      .executeTakeFirstOrThrow();
    if (!can(ctx.actor, 'policy.record', unit.path)) throw AppError.forbidden();
    const history = await this.d.db
      .selectFrom('policy_validity_events as ev')
      .leftJoin('documents as s', 's.id', 'ev.source_document_id')
      .selectAll('ev')
      .select(['s.state as source_state', 's.title as source_db_title'])
      .where('ev.document_id', '=', documentId)
      .orderBy('ev.occurs_on')
      .orderBy('ev.id')
      .execute();
    const evaluation = await this.d.db
      .selectFrom('policy_evaluations')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('state', '=', 'open')
      .orderBy('expires_on')
      .executeTakeFirst();
    return {
      entry,
      unitName: unit.name,
      current: (await this.d.ledger.stateOn(documentId)) as DerivedValidity,
      history: history as EntryHistoryRow[],
      evaluation: (evaluation as PolicyEvaluationRow | undefined) ?? null,
    };
  }

  /** Closes an open 评估 task with its conclusion (the 记录 right on the unit), audited. */
  async closeEvaluation(ctx: CallContext, evaluationId: number, raw: unknown): Promise<void> {
    const { conclusion } = parseInput(closeSchema, raw);
    const ev = await this.d.db
      .selectFrom('policy_evaluations as v')
      .innerJoin('units as u', 'u.id', 'v.unit_id')
      .innerJoin('policy_entries as e', 'e.document_id', 'v.document_id')
      .select(['v.id', 'v.document_id', 'v.state', 'v.expires_on', 'u.path', 'e.title'])
      .where('v.id', '=', evaluationId)
      .executeTakeFirst();
    if (!ev) throw AppError.notFound('评估任务');
    if (!can(ctx.actor, 'policy.record', ev.path)) throw AppError.forbidden();
    await this.d.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('policy_evaluations')
        .set({
          state: 'done',
          conclusion,
          closed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          closed_at: this.d.clock.now().toISOString(),
        })
        .where('id', '=', evaluationId)
        .where('state', '=', 'open')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw AppError.conflict('该评估任务已办结');
      await this.d.audit.record(trx, ctx, {
        action: 'policy.evaluation_close',
        targetType: 'document',
        targetId: ev.document_id,
        summary: `办结“${ev.title}”有效期届满前评估（有效期至 ${ev.expires_on}）：${conclusion}`,
        before: { evaluationId, state: 'open' },
        after: { evaluationId, state: 'done', conclusion },
      });
    });
  }

  /** The units whose library settings the actor may change (policy.manage). */
  async settingsUnits(ctx: CallContext): Promise<{ id: number; name: string; path: string }[]> {
    const scopes = scopesFor(ctx.actor, 'policy.manage');
    if (!scopes.length) return [];
    return this.d.db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('path', 'in', scopes)
      .orderBy('path')
      .execute();
  }

  /** The settings form of a unit: its own values (blank = inherited) and the values in force. */
  async settingsOf(unit: { id: number; path: string }) {
    const own = await this.d.settings.ownGroup(LIBRARY_SETTINGS, unit.id);
    const effective = await this.d.settings.readGroup(LIBRARY_SETTINGS, {
      unitId: unit.id,
      ancestorIds: ancestorIds(unit.path, unit.id),
    });
    return { values: settingsFormValues(LIBRARY_SETTINGS, own), effective };
  }

  async writeSettings(ctx: CallContext, unit: { id: number; path: string; name: string }, raw: unknown) {
    if (!can(ctx.actor, 'policy.manage', unit.path)) throw AppError.forbidden();
    const values = parseSettingsForm(LIBRARY_SETTINGS, raw);
    await this.d.settings.write(ctx, LIBRARY_SETTINGS, values, {
      unitId: unit.id,
      audit: {
        action: 'policy.settings',
        targetType: 'unit',
        targetId: unit.id,
        summary: `修改${unit.name}的规范性文件库设置`,
      },
    });
  }
}
