/**
 * 一事一申请 (国办函〔2020〕109号 counts fees per split item; the items are those of 条例 第二十九条):
 * a handler splits a multi-item application into linked cases. The case keeps item 1; each further item becomes a new case with
 * its own 受理编号 and 查询码, the same applicant (the encrypted data is copied, never decrypted),
 * channel, date of receipt and clock history — the 20 working days run from when the application was
 * received, not from the split. One transaction; an audit entry and a timeline line for every case.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai, yearOf } from '../../lib/calendar/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { FieldCipher, hashLookupCode, newLookupCode } from '../../lib/field-cipher.ts';
import { toProblems } from '../../lib/validation.ts';
import { dueDateFor } from './info-request.case.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { InfoRequestRow } from './info-request.repository.ts';
import { STATE_LABELS, type State } from './info-request.workflow.ts';
import type { InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';
import { type SplitInput, type SplitItem, splitSchema } from './info-request-split.schema.ts';

/**
 * States in which a case may be split. Only 已受理: in 补正中 the content of the application is not
 * settled yet (the 补正 may itself narrow it down, and the 20 WD restart from it), so staff split after
 * receiving the 补正; once a consultation, an extension or a draft reply exists the case is about one
 * set of items and splitting would orphan that work.
 */
export const SPLITTABLE_STATES: readonly State[] = ['accepted'];

/** A case created by a split, with the 查询码 the applicant needs for it. */
export interface SplitChild {
  id: number;
  reference: string;
  lookupCode: string;
}

/** The cases linked to one case by splits (shown on the case page). */
export interface CaseLinks {
  parent: { id: number; reference: string } | null;
  children: { id: number; reference: string; stateLabel: string; lookupCode: string }[];
}

export class InfoRequestSplitService {
  private readonly cipher: FieldCipher;

  constructor(
    private readonly d: InfoRequestDeps & { lifecycle: InfoRequestLifecycleRepository },
    encryptionKey: Uint8Array,
  ) {
    this.cipher = new FieldCipher(encryptionKey);
  }

  /**
   * Splits case `id` into the items of `raw` (see splitSchema).
   * @throws 'forbidden' without request.handle on the case's unit, 'invalid_transition' when the case
   *   is not 已受理 (with any input problems too), 'validation' for input only, 'conflict' when the
   *   case changed since the form was shown (also a resubmitted form).
   */
  async split(ctx: CallContext, id: number, raw: unknown): Promise<SplitChild[]> {
    const row = await this.d.repo.findById(id);
    if (!row) throw AppError.notFound('申请');
    const unit = await this.d.unitDirectory.findById(row.unit_id);
    if (!unit || !can(ctx.actor, 'request.handle', unit.path)) throw AppError.forbidden();
    const parsed = splitSchema.safeParse(raw ?? {});
    const fields = parsed.success ? [] : toProblems(parsed.error);
    if (!SPLITTABLE_STATES.includes(row.state as State)) {
      const message = `“${STATE_LABELS[row.state as State]}”状态的申请不能拆分，只有“已受理”的申请可以拆分`;
      throw new AppError('invalid_transition', message, [{ field: '_', message }, ...fields]);
    }
    if (!parsed.success) throw AppError.validation(fields);
    const children = (await this.d.lifecycle.splitChildren(row.id)).length;
    if (parsed.data.version !== splitVersion(row.updated_at, children)) throw stale();
    return this.apply(ctx, row, unit.code, parsed.data, children);
  }

  private async apply(
    ctx: CallContext,
    row: InfoRequestRow,
    unitCode: string,
    input: SplitInput,
    childrenBefore: number,
  ) {
    const now = this.d.clock.now().toISOString();
    const year = yearOf(todayInShanghai(this.d.clock.now()));
    const calendar = await this.d.calendar.calendar();
    const [first, ...rest] = input.items as [SplitItem, ...SplitItem[]];
    return this.d.db.transaction().execute(async (trx) => {
      // The row lock taken here serialises two splits of one case; the count then sees the other's.
      const kept = await this.d.lifecycle.keepFirstItem(trx, row.id, row.updated_at, itemColumns(first), now);
      if (!kept || (await this.d.lifecycle.splitChildren(row.id, trx)).length !== childrenBefore)
        throw stale();
      const children: SplitChild[] = [];
      for (const item of rest) {
        const serial = await this.d.repo.nextSerial(trx, row.unit_id, year);
        const reference = `${unitCode}-${year}-${String(serial).padStart(5, '0')}`;
        const lookupCode = newLookupCode();
        const child = await this.d.repo.insert(trx, {
          ...inherited(row),
          ...itemColumns(item),
          reference,
          serial_year: year,
          lookup_code_hash: hashLookupCode(lookupCode),
          lookup_code_enc: this.cipher.encrypt(lookupCode),
          split_from_id: row.id,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          created_at: now,
          updated_at: now,
        });
        await this.d.lifecycle.copyConsultations(trx, row.id, child.id);
        await this.d.lifecycle.copyFiles(trx, row.id, child.id);
        const consultations = await this.d.repo.consultations(child.id, trx);
        const { dueDate } = dueDateFor(calendar, 'accepted', child, consultations);
        await this.d.repo.update(trx, child.id, { due_date: dueDate });
        await this.recordChild(trx, ctx, row, { id: child.id, reference, dueDate }, now);
        children.push({ id: child.id, reference, lookupCode });
      }
      await this.recordParent(trx, ctx, row, first, children, now);
      return children;
    });
  }

  private async recordChild(
    trx: Transaction<DB>,
    ctx: CallContext,
    parent: InfoRequestRow,
    child: { id: number; reference: string; dueDate: string | null },
    now: string,
  ): Promise<void> {
    await this.d.repo.addTimeline(trx, {
      request_id: child.id,
      occurred_at: now,
      event: 'split_created',
      from_state: null,
      to_state: 'accepted',
      public_note: `由申请 ${parent.reference} 按“一事一申请”拆分而来；收到申请日期沿用原申请的 ${parent.received_on}，答复期限至 ${child.dueDate}`,
      actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    });
    await this.d.audit.record(trx, ctx, {
      action: 'request.split_created',
      targetType: 'info_request',
      targetId: child.id,
      summary: `由政府信息公开申请 ${parent.reference} 拆分登记申请 ${child.reference}（一事一申请）`,
      after: { reference: child.reference, splitFrom: parent.reference, dueDate: child.dueDate },
    });
  }

  private async recordParent(
    trx: Transaction<DB>,
    ctx: CallContext,
    row: InfoRequestRow,
    first: SplitItem,
    children: SplitChild[],
    now: string,
  ): Promise<void> {
    const refs = children.map((c) => c.reference);
    await this.d.repo.addTimeline(trx, {
      request_id: row.id,
      occurred_at: now,
      event: 'split',
      from_state: row.state,
      to_state: row.state,
      public_note: `本申请包含 ${children.length + 1} 项内容，已按“一事一申请”拆分：本申请继续办理第 1 项，其余各项另行编号办理（${refs.join('、')}），答复期限不变`,
      actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    });
    await this.d.audit.record(trx, ctx, {
      action: 'request.split',
      targetType: 'info_request',
      targetId: row.id,
      summary: `政府信息公开申请 ${row.reference} 按一事一申请拆分为 ${children.length + 1} 件（另行编号：${refs.join('、')}）`,
      before: itemColumns({
        infoName: row.info_name,
        infoDocNumber: row.info_doc_number,
        infoDescription: row.info_description,
      }),
      after: { ...itemColumns(first), children: refs },
    });
  }

  /** The parent and children of a case, with each child's 查询码 (for staff who handle the case). */
  async links(row: InfoRequestRow): Promise<CaseLinks> {
    const parentRef = row.split_from_id ? await this.d.lifecycle.referenceOf(row.split_from_id) : null;
    const children = await this.d.lifecycle.splitChildren(row.id);
    return {
      parent: row.split_from_id && parentRef ? { id: row.split_from_id, reference: parentRef } : null,
      children: children.map((c) => ({
        id: c.id,
        reference: c.reference,
        stateLabel: STATE_LABELS[c.state as State],
        lookupCode: this.cipher.decrypt(c.lookup_code_enc),
      })),
    };
  }
}

/**
 * The version a split form carries: the case's last change and how many cases were split from it, so
 * a stale form, a form sent twice or a concurrent split is refused even within one millisecond.
 */
export function splitVersion(updatedAt: string, children: number): string {
  return `${updatedAt}|${children}`;
}

const stale = () => AppError.conflict('该申请刚刚已被他人处理或已经拆分，请刷新页面后重试');

function itemColumns(i: SplitItem) {
  return { info_name: i.infoName, info_doc_number: i.infoDocNumber, info_description: i.infoDescription };
}

/** What a split case takes over from the case it comes from: applicant, channel and the clock. */
function inherited(row: InfoRequestRow) {
  return {
    unit_id: row.unit_id,
    idempotency_key: null,
    state: 'accepted',
    channel: row.channel,
    applicant_kind: row.applicant_kind,
    report_category: row.report_category,
    applicant_enc: row.applicant_enc,
    applicant_key: row.applicant_key,
    delivery_method: row.delivery_method,
    carrier: row.carrier,
    submitted_at: row.submitted_at,
    received_on: row.received_on,
    correction_requested_on: row.correction_requested_on,
    correction_period_end: row.correction_period_end,
    correction_received_on: row.correction_received_on,
    extension_working_days: row.extension_working_days,
    extension_reason: row.extension_reason,
    extension_approved_by: row.extension_approved_by,
    overdue_since: row.overdue_since,
    handler_user_id: row.handler_user_id,
  };
}
