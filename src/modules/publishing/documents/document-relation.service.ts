/**
 * Typed links between documents (解读 / 修改 / 废止 / 反馈): add and remove a relation from the document
 * that starts it, list both directions for the back office and the public page. Every reason a relation
 * cannot be added is listed (no self-link, the target exists and the user may see it, the kinds of both
 * ends allow the type, the type's own rules, no duplicate); the relation and its audit event are written
 * in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { can } from '../../../kernel/permissions.ts';
import type { Action } from '../../../kernel/roles.ts';
import type { CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { choice, intField, parseInput } from '../../../lib/validation.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import { PUBLICLY_VISIBLE_STATES } from '../review/document.workflow.ts';
import type { DocumentRepository } from './document.repository.ts';
import type { DocumentService } from './document.service.ts';
import type { DocumentKindRegistry } from './document-kinds.ts';
import {
  type DocumentRelations,
  ONE_WAY_RELATIONS,
  RELATION_TYPE_LABELS,
  RELATION_TYPES,
  RELATIONS_TO_PUBLISHED,
  type RelationType,
} from './document-relation.model.ts';
import type { DocumentRelationRepository } from './document-relation.repository.ts';

export interface DocumentRelationServiceDeps {
  db: Kysely<DB>;
  relations: DocumentRelationRepository;
  documents: DocumentRepository;
  drafting: DocumentService;
  kinds: DocumentKindRegistry;
  audit: AuditLog;
  clock: Clock;
}

/** Roles that may read a document in the back office (DocumentService#get). */
const CONTENT_ROLES: readonly Action[] = [
  'content.draft',
  'content.review_confidentiality',
  'content.approve',
];

/** The add-relation form: the type and the id of the target document. */
const relationInputSchema = z.object({
  type: choice('关联类型', RELATION_TYPES),
  toId: intField('关联信息编号', { min: 1 }),
});

export class DocumentRelationService {
  constructor(private readonly d: DocumentRelationServiceDeps) {}

  /**
   * Adds the relation `fromId` —type→ `toId`; needs 起草 or 审核 rights on the unit of `fromId`. Returns the
   * relation's id.
   */
  async addRelation(ctx: CallContext, fromId: number, raw: unknown): Promise<number> {
    const from = await this.editable(ctx, fromId);
    const { type, toId } = parseInput(relationInputSchema, raw);
    const to = await this.visibleTarget(ctx, toId);
    await this.refuseProblems(from, to, type, toId);
    return this.d.db.transaction().execute((trx) => this.write(trx, ctx, from, to!, type));
  }

  /**
   * Like {@link addRelation}, inside the caller's transaction (a draft created together with its relation,
   * `documents.createDraft(…, { inTransaction })`): the same checks, every read and the write through
   * `trx` (on SQLite it holds the only connection). Throws the same errors, so the caller's transaction
   * rolls back and nothing is written.
   */
  async addInTransaction(
    trx: Transaction<DB>,
    ctx: CallContext,
    fromId: number,
    raw: unknown,
  ): Promise<number> {
    const from = await this.d.documents.findById(fromId, trx);
    if (!from) throw AppError.notFound('信息');
    if (!(await this.mayUse(ctx, from, ['content.draft', 'content.approve'], trx)))
      throw AppError.forbidden('您没有修改此信息关联的权限');
    const { type, toId } = parseInput(relationInputSchema, raw);
    const found = await this.d.documents.findById(toId, trx);
    const visible =
      found &&
      ((PUBLICLY_VISIBLE_STATES as readonly string[]).includes(found.state) ||
        (await this.mayUse(ctx, found, CONTENT_ROLES, trx)));
    const to = visible ? found : undefined;
    await this.refuseProblems(from, to, type, toId, trx);
    return this.write(trx, ctx, from, to!, type);
  }

  /** Throws the validation error listing every reason `from` —type→ `to` cannot be added, if any. */
  private async refuseProblems(
    from: DocumentRow,
    to: DocumentRow | undefined,
    type: RelationType,
    toId: number,
    q?: Transaction<DB>,
  ): Promise<void> {
    const problems = to ? await this.problems(from, to, type, q) : [];
    if (!to) problems.push({ field: 'toId', message: `关联信息编号 ${toId} 不存在` });
    if (problems.length) throw AppError.validation(problems);
  }

  /** The row and its audit event, in `trx`. */
  private async write(
    trx: Transaction<DB>,
    ctx: CallContext,
    from: DocumentRow,
    to: DocumentRow,
    type: RelationType,
  ): Promise<number> {
    const label = RELATION_TYPE_LABELS[type].label;
    const id = await this.d.relations.insert(trx, {
      from_document_id: from.id,
      to_document_id: to.id,
      relation_type: type,
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      created_at: this.d.clock.now().toISOString(),
    });
    await this.d.audit.record(trx, ctx, {
      action: 'document.relation_add',
      targetType: 'document',
      targetId: from.id,
      summary: `关联信息“${from.title}”与“${to.title}”：${label}`,
      after: { relationId: id, type, fromId: from.id, toId: to.id },
    });
    return id;
  }

  /** Whether the actor holds one of `actions` on the unit of `doc` (read through `q`). */
  private async mayUse(
    ctx: CallContext,
    doc: DocumentRow,
    actions: readonly Action[],
    q: Transaction<DB>,
  ): Promise<boolean> {
    if (ctx.actor.kind === 'system') return true;
    const path = await this.d.relations.unitPath(doc.unit_id, q);
    return path !== undefined && actions.some((a) => can(ctx.actor, a, path));
  }

  /** Removes a relation that `fromId` starts; needs the same rights as adding it. */
  async removeRelation(ctx: CallContext, fromId: number, relationId: number): Promise<void> {
    const row = await this.d.relations.findById(relationId);
    if (!row || row.from_document_id !== fromId) throw AppError.notFound('关联');
    const from = await this.editable(ctx, row.from_document_id);
    const to = await this.d.documents.findById(row.to_document_id);
    const label = RELATION_TYPE_LABELS[row.relation_type as RelationType]?.label ?? row.relation_type;
    await this.d.db.transaction().execute(async (trx) => {
      await this.d.relations.delete(trx, relationId);
      await this.d.audit.record(trx, ctx, {
        action: 'document.relation_remove',
        targetType: 'document',
        targetId: from.id,
        summary: `取消信息“${from.title}”与“${to?.title ?? row.to_document_id}”的关联：${label}`,
        before: {
          relationId,
          type: row.relation_type,
          fromId: row.from_document_id,
          toId: row.to_document_id,
        },
      });
    });
  }

  /** Both directions, every state of the other end (back office; needs a content role on the document). */
  async relationsOf(ctx: CallContext, documentId: number): Promise<DocumentRelations> {
    await this.d.drafting.get(ctx, documentId);
    return this.both(documentId, false);
  }

  /** Both directions, only published documents at the other end (the public page). */
  async publicRelationsOf(documentId: number): Promise<DocumentRelations> {
    return this.both(documentId, true);
  }

  private async both(documentId: number, publicOnly: boolean): Promise<DocumentRelations> {
    return {
      outgoing: await this.d.relations.list(documentId, 'outgoing', publicOnly),
      incoming: await this.d.relations.list(documentId, 'incoming', publicOnly),
    };
  }

  /** Whether the actor may add or remove the relations `doc` starts (起草 or 审核 on its unit). */
  async canEdit(ctx: CallContext, doc: DocumentRow): Promise<boolean> {
    if (ctx.actor.kind === 'system') return true;
    const { unitPath } = await this.d.drafting.snapshot(doc);
    return can(ctx.actor, 'content.draft', unitPath) || can(ctx.actor, 'content.approve', unitPath);
  }

  /** The document that starts a relation, if the actor may change its relations (起草 or 审核). */
  private async editable(ctx: CallContext, id: number): Promise<DocumentRow> {
    const doc = await this.d.drafting.get(ctx, id);
    if (!(await this.canEdit(ctx, doc))) throw AppError.forbidden('您没有修改此信息关联的权限');
    return doc;
  }

  /** The target if it exists and the actor may see it: public, or readable in the back office. */
  private async visibleTarget(ctx: CallContext, id: number): Promise<DocumentRow | undefined> {
    const doc = await this.d.documents.findById(id);
    if (!doc || (PUBLICLY_VISIBLE_STATES as readonly string[]).includes(doc.state)) return doc;
    return this.d.drafting.get(ctx, id).catch((e) => {
      if (e instanceof AppError && e.code === 'forbidden') return undefined;
      throw e;
    });
  }

  /** Every reason `from` —type→ `to` cannot be added (field toId or type). */
  private async problems(
    from: DocumentRow,
    to: DocumentRow,
    type: RelationType,
    q?: Transaction<DB>,
  ): Promise<FieldProblem[]> {
    const { label } = RELATION_TYPE_LABELS[type];
    const problems: FieldProblem[] = [];
    const add = (field: string, message: string) => problems.push({ field, message });
    if (from.id === to.id) add('toId', '不能关联信息本身');
    const [fromKind, toKind] = [this.d.kinds.of(from.kind), this.d.kinds.of(to.kind)];
    if (fromKind.relations?.from && !fromKind.relations.from.includes(type))
      add('type', `“${fromKind.label}”类信息不能作为${label}关联的发起方`);
    if (toKind.relations?.to && !toKind.relations.to.includes(type))
      add('type', `“${toKind.label}”类信息不能被${label}`);
    const targets = fromKind.relations?.targetKinds?.[type];
    if (targets && !targets.includes(toKind.key))
      add(
        'toId',
        `${fromKind.label}只能${label}${targets.map((k) => `“${this.d.kinds.of(k).label}”`).join('、')}，所选信息是“${toKind.label}”`,
      );
    if (RELATIONS_TO_PUBLISHED.includes(type) && to.ever_published !== 1)
      add('toId', `只能${label}已发布过的信息`);
    if (type === 'interpretation_of' && (await this.d.relations.startsAny(to.id, 'interpretation_of', q)))
      add('toId', '所选信息本身是解读，不能再被解读');
    if (ONE_WAY_RELATIONS.includes(type) && (await this.d.relations.exists(to.id, from.id, type, q)))
      add('toId', `所选信息已${label}本信息，两份信息不能互相${label}`);
    if (await this.d.relations.exists(from.id, to.id, type, q)) add('toId', `已存在同样的${label}关联`);
    return problems;
  }
}
