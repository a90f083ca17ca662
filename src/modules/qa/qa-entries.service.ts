/**
 * 政策问答 entries for staff: write and edit (the user's units only), resolve the sources to published
 * documents, run the workflow (qa-entry.workflow.ts) — every change with its audit record in the same
 * transaction — and revise a published entry (a revision row, merged back when it is published).
 */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { can, canSiteWide } from '../../kernel/permissions.ts';
import type { Action } from '../../kernel/roles.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import { parseSettingsForm } from '../../lib/settings/settings-form.ts';
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { EventAvailability } from '../../lib/workflow/definition.ts';
import { WorkflowEngine } from '../../lib/workflow/engine.ts';
import type { Registry } from '../../platform/module.ts';
import { normaliseDocNumber } from '../publishing/documents/doc-number.ts';
import { QA_STATE_LABELS, type QaOrigin, type QaSource, type QaState } from './qa.model.ts';
import type { QaEntrySourceTable, QaEntryTable } from './qa.tables.ts';
import { QaEntriesRepository } from './qa-entries.repository.ts';
import {
  addMonths,
  type EntryInput,
  parseEntryForm,
  type SourceRowInput,
  textProblem,
} from './qa-entry.model.ts';
import {
  QA_ENTRY_EVENTS,
  QA_ENTRY_WORKFLOW,
  type QaEntryEvent,
  type QaEntrySnapshot,
} from './qa-entry.workflow.ts';
import { QA_SETTINGS } from './qa-settings.ts';

/** What entries need of the module's deps (the same as QaDeps in qa.services.ts, without importing it). */
export interface QaEntryDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  mail: MailOutbox;
  publicUrl: string | undefined;
  units: Registry['units'];
  publishing: Registry['publishing'];
  policies: Registry['policies'] | null;
  formSecret: string;
  encryptionKey: Uint8Array;
}

export type EntryRow = NonNullable<Awaited<ReturnType<QaEntriesRepository['findById']>>>;
export type SourceRow = Awaited<ReturnType<QaEntriesRepository['sources']>>[number];

/** Where a new entry comes from (the form, an import, the queue …). */
export interface EntryOrigin {
  origin: QaOrigin;
  originRef?: string | null;
  externalId?: string | null;
  /** The state it starts in: draft, or in_review (sent for review at once, by its author). */
  state?: 'draft' | 'in_review';
}

export const toSource = (s: SourceRow): QaSource => ({
  documentId: s.document_id,
  title: s.title,
  docNumber: s.doc_number,
  article: s.article,
  excerpt: s.excerpt,
});

const userId = (ctx: CallContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

const entryColumns = (i: EntryInput) => ({
  unit_id: i.unitId,
  question: i.question,
  alt_questions: JSON.stringify(i.altQuestions),
  answer: i.answer,
  topic_id: i.topicId,
  audiences: JSON.stringify(i.audiences),
  matter: i.matter,
  tags: JSON.stringify(i.tags),
  region: i.region,
  valid_until: i.validUntil,
});

type SourceInsert = Omit<Insertable<QaEntrySourceTable>, 'entry_id' | 'position'>;

export class QaEntriesService {
  readonly repo: QaEntriesRepository;
  readonly settings: SettingsStore;
  private readonly engine;

  constructor(readonly d: QaEntryDeps) {
    this.repo = new QaEntriesRepository(d.db);
    this.settings = new SettingsStore(d);
    this.engine = new WorkflowEngine(QA_ENTRY_WORKFLOW, {
      db: d.db,
      audit: d.audit,
      conflict: () => new AppError('invalid_transition', '该问答刚刚已被他人处理，请刷新后重试'),
    });
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** Whether the actor may change the site-wide 问答 settings (the 政务公开办). */
  maySetSettings(ctx: CallContext): boolean {
    return ctx.actor.kind === 'system' || canSiteWide(ctx.actor, 'qa.exchange');
  }

  /** Saves the settings form (复核周期), audited. */
  async saveSettings(ctx: CallContext, raw: unknown): Promise<void> {
    if (!this.maySetSettings(ctx)) throw AppError.forbidden();
    await this.settings.write(ctx, QA_SETTINGS, parseSettingsForm(QA_SETTINGS, raw), {
      audit: { action: 'qa.settings_update', targetType: 'settings', summary: '修改政策问答复核周期设置' },
    });
  }

  /** Active units where the actor holds `action` (system: all). */
  async unitsFor(ctx: CallContext, action: Action = 'qa.manage'): Promise<Unit[]> {
    const units = await this.d.units.activeUnits();
    return ctx.actor.kind === 'system' ? units : units.filter((u) => can(ctx.actor, action, u.path));
  }

  /** One entry for staff who manage or review its unit. */
  async getForStaff(ctx: CallContext, id: number): Promise<{ row: EntryRow; unit: Unit }> {
    const row = await this.repo.findById(id);
    if (!row) throw AppError.notFound('问答');
    const unit = await this.d.units.get(row.unit_id);
    if (
      ctx.actor.kind !== 'system' &&
      !can(ctx.actor, 'qa.manage', unit.path) &&
      !can(ctx.actor, 'qa.review', unit.path)
    )
      throw AppError.forbidden();
    return { row, unit };
  }

  /** The form's input checked and its sources resolved; throws every problem by field. */
  async checkForm(
    ctx: CallContext,
    raw: Record<string, unknown>,
  ): Promise<{ input: EntryInput; sources: SourceInsert[] }> {
    const { input, problems } = parseEntryForm(raw);
    const units = await this.unitsFor(ctx);
    if (!units.some((u) => u.id === input.unitId))
      problems.push({
        field: 'unitId',
        message: units.length ? '请选择所属单位（本人所在单位）' : '您没有编写问答的单位',
      });
    if (
      input.topicId !== null &&
      !(await this.d.publishing.topics.list()).some((t) => t.id === input.topicId)
    )
      problems.push({ field: 'topicId', message: '请选择主题' });
    const sources = await this.resolveSources(input.sources, problems);
    if (problems.length) throw AppError.validation(problems);
    return { input, sources };
  }

  /**
   * Platform documents named by 文号 or exact title (published ones only); external ones kept as typed.
   * Problems name the row's field.
   */
  async resolveSources(rows: readonly SourceRowInput[], problems: FieldProblem[]): Promise<SourceInsert[]> {
    const out: SourceInsert[] = [];
    for (const [n, r] of rows.entries()) {
      if (r.doc) {
        const found = await this.findDocument(r.doc);
        if (found.length !== 1) {
          problems.push({
            field: `s${n}_doc`,
            message: found.length
              ? `第 ${n + 1} 项依据“${r.doc}”对应多份文件，请填写完整文号`
              : `第 ${n + 1} 项依据：没有找到文号或标题为“${r.doc}”的已发布文件（可用“查找文件”搜索）`,
          });
          continue;
        }
        const doc = found[0]!;
        out.push({
          document_id: doc.id,
          title: doc.title,
          doc_number: doc.doc_number,
          article: r.article,
          excerpt: r.excerpt,
        });
      } else
        out.push({
          document_id: null,
          title: r.title ?? '',
          doc_number: r.number,
          article: r.article,
          excerpt: r.excerpt,
        });
    }
    return out;
  }

  /** Published documents whose 文号 or exact title is `ref`. */
  findDocument(ref: string) {
    let number: string | null = null;
    try {
      number = normaliseDocNumber(ref);
    } catch {
      number = null;
    }
    return this.repo.documentsByRef(number, ref.trim());
  }

  /** A new entry of one of the actor's units; returns its id. */
  async create(
    ctx: CallContext,
    raw: Record<string, unknown>,
    origin: EntryOrigin = { origin: 'manual' },
  ): Promise<number> {
    const { input, sources } = await this.checkForm(ctx, raw);
    return this.d.db.transaction().execute((trx) => this.insertChecked(trx, ctx, input, sources, origin));
  }

  /** Inserts a checked entry inside `trx` with its audit record (imports and the queue use it too). */
  async insertChecked(
    trx: Transaction<DB>,
    ctx: CallContext,
    input: EntryInput,
    sources: SourceInsert[],
    origin: EntryOrigin,
  ): Promise<number> {
    const now = this.d.clock.now().toISOString();
    const state = origin.state ?? 'draft';
    if (state === 'in_review' && !sources.length)
      throw AppError.validation([{ field: 's0_doc', message: '送审的问答请至少列出一项答复所依据的文件' }]);
    const id = await this.repo.insert(trx, {
      ...entryColumns(input),
      state,
      origin: origin.origin,
      origin_ref: origin.originRef ?? null,
      external_id: origin.externalId ?? null,
      created_by: userId(ctx),
      submitted_by: state === 'in_review' ? userId(ctx) : null,
      created_at: now,
      updated_at: now,
    });
    await this.repo.replaceSources(trx, id, sources);
    await this.d.audit.record(trx, ctx, {
      action: 'qa.entry.create',
      targetType: 'qa_entry',
      targetId: id,
      summary: `新建政策问答“${input.question}”（${QA_STATE_LABELS[state]}）`,
      after: { state, origin: origin.origin, originRef: origin.originRef ?? null, sources: sources.length },
    });
    return id;
  }

  /** Edits a draft (a published entry is revised instead: `revise`). */
  async update(ctx: CallContext, id: number, raw: Record<string, unknown>): Promise<void> {
    const { row } = await this.getForStaff(ctx, id);
    if (row.state !== 'draft')
      throw new AppError(
        'invalid_transition',
        `“${QA_STATE_LABELS[row.state as QaState]}”的问答不能直接修改${row.state === 'in_review' ? '，请先退回' : ''}`,
      );
    const { input, sources } = await this.checkForm(ctx, raw);
    await this.d.db.transaction().execute(async (trx) => {
      const ok = await this.repo.updateIfState(trx, id, 'draft', {
        ...entryColumns(input),
        updated_at: this.d.clock.now().toISOString(),
      });
      if (!ok) throw AppError.conflict('该问答刚刚已被他人处理，请刷新后重试');
      await this.repo.replaceSources(trx, id, sources);
      await this.d.audit.record(trx, ctx, {
        action: 'qa.entry.update',
        targetType: 'qa_entry',
        targetId: id,
        summary: `修改政策问答“${input.question}”`,
        before: { question: row.question, unitId: row.unit_id },
        after: { question: input.question, unitId: input.unitId, sources: sources.length },
      });
    });
  }

  /**
   * Opens (or returns) the revision of a published entry: a draft copy edited and reviewed on its own;
   * the public page keeps the published text until the revision is published.
   */
  async revise(ctx: CallContext, id: number): Promise<number> {
    const { row, unit } = await this.getForStaff(ctx, id);
    if (ctx.actor.kind !== 'system' && !can(ctx.actor, 'qa.manage', unit.path)) throw AppError.forbidden();
    if (row.state !== 'published') throw new AppError('invalid_transition', '只有已发布的问答才能修订');
    const open = await this.repo.findRevision(id);
    if (open) return open.id;
    return this.d.db.transaction().execute((trx) => this.openRevision(trx, ctx, row));
  }

  /** Inserts the revision of published `row` inside `trx` (sources copied), audited; returns its id. */
  async openRevision(trx: Transaction<DB>, ctx: CallContext, row: EntryRow): Promise<number> {
    const sources = await this.repo.sources(row.id, trx);
    const now = this.d.clock.now().toISOString();
    const { id: _id, ...copy } = row;
    const revId = await this.repo.insert(trx, {
      ...copy,
      state: 'draft',
      stale: 0,
      stale_reason: null,
      stale_since: null,
      stale_notified_at: null,
      revision_of: row.id,
      created_by: userId(ctx),
      submitted_by: null,
      reviewed_by: null,
      review_note: null,
      published_at: null,
      created_at: now,
      updated_at: now,
    });
    await this.repo.replaceSources(
      trx,
      revId,
      sources.map(({ id: _s, entry_id: _e, position: _p, ...s }) => s),
    );
    await this.d.audit.record(trx, ctx, {
      action: 'qa.entry.revise',
      targetType: 'qa_entry',
      targetId: row.id,
      summary: `修订已发布的政策问答“${row.question}”（修订稿 ${revId}）`,
      after: { revisionId: revId },
    });
    return revId;
  }

  private snapshot(row: EntryRow, unit: Unit, sourceCount: number): QaEntrySnapshot {
    return {
      state: row.state as QaState,
      unitPath: unit.path,
      createdBy: row.created_by,
      submittedBy: row.submitted_by,
      sourceCount,
    };
  }

  /** The events the actor may be offered on the entry's page, with their reasons. */
  async availability(ctx: CallContext, id: number): Promise<EventAvailability<QaEntryEvent>[]> {
    const { row, unit } = await this.getForStaff(ctx, id);
    const n = (await this.repo.sources(id)).length;
    return this.engine.offered(this.snapshot(row, unit, n), { actor: ctx.actor });
  }

  /** Runs one workflow event; returns the id of the entry afterwards (a published revision: the original's). */
  async run(
    ctx: CallContext,
    id: number,
    event: QaEntryEvent,
    raw: Record<string, unknown> = {},
  ): Promise<number> {
    const reasonRaw = typeof raw.reason === 'string' ? raw.reason.trim() : '';
    return this.engine.run(ctx, {
      event,
      prepare: async () => {
        const { row, unit } = await this.getForStaff(ctx, id);
        const sources = await this.repo.sources(id);
        const months = (await this.settings.readGroup(QA_SETTINGS)).reviewMonths;
        return { row, unit, sources, months, now: this.d.clock.now().toISOString() };
      },
      subject: (p) => this.snapshot(p.row, p.unit, p.sources.length),
      env: () => ({ actor: ctx.actor }),
      guardInput: () => ({ reason: reasonRaw || null }),
      checkInput: () => {
        const p = reasonRaw ? textProblem('理由', reasonRaw, 500) : null;
        return p ? [{ field: 'reason', message: p }] : [];
      },
      commit: ({ prepared: p, from, to }) =>
        this.commitFor(ctx, event, p, from, to as QaState, reasonRaw || null),
    });
  }

  private commitFor(
    ctx: CallContext,
    event: QaEntryEvent,
    p: { row: EntryRow; unit: Unit; sources: SourceRow[]; months: number; now: string },
    from: QaState,
    to: QaState,
    reason: string | null,
  ) {
    const { row, now } = p;
    const today = todayInShanghai(new Date(now));
    const patch: Updateable<QaEntryTable> = { state: to, updated_at: now };
    if (event === 'submit') patch.submitted_by = userId(ctx);
    if (event === 'return' || event === 'withdraw') patch.review_note = reason;
    if (event === 'publish')
      Object.assign(patch, {
        reviewed_by: userId(ctx),
        review_note: null,
        published_at: now,
        review_on: addMonths(today, p.months),
        stale: 0,
        stale_reason: null,
        stale_since: null,
        stale_notified_at: null,
      });
    const merge = event === 'publish' && row.revision_of !== null;
    const targetId = merge ? row.revision_of! : row.id;
    return {
      change: async (trx: Transaction<DB>) => {
        if (!merge) return this.repo.updateIfState(trx, row.id, from, patch);
        // A revision: its text replaces the published entry's (same id, next version); the revision goes.
        if (!(await this.repo.updateIfState(trx, row.id, from, { state: 'published' }))) return false;
        const original = await this.repo.findById(targetId, trx);
        if (!original) return false;
        const {
          id: _i,
          revision_of: _r,
          created_at: _c,
          created_by: _b,
          origin: _o,
          origin_ref: _f,
          external_id: _x,
          version: _v,
          ...text
        } = row;
        await trx
          .updateTable('qa_entries')
          .set({ ...(text as Updateable<QaEntryTable>), ...patch, version: original.version + 1 })
          .where('id', '=', targetId)
          .execute();
        await this.repo.replaceSources(
          trx,
          targetId,
          p.sources.map(({ id: _s, entry_id: _e, position: _p, ...s }) => s),
        );
        await this.repo.delete(trx, row.id);
        return true;
      },
      audit: () => ({
        action: `qa.entry.${event}`,
        targetType: 'qa_entry',
        targetId,
        summary: `政策问答“${row.question}”：${QA_ENTRY_EVENTS[event].label}（${QA_STATE_LABELS[from]} → ${QA_STATE_LABELS[to]}）${merge ? '，修订稿替换已发布内容' : ''}${reason ? `，理由：${reason}` : ''}`,
        before: { state: from, version: row.version },
        after: { state: to, ...(merge ? { revisionId: row.id } : {}), ...(reason ? { reason } : {}) },
      }),
      result: () => targetId,
    };
  }
}
