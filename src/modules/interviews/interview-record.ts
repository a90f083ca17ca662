/**
 * The 实录 as a 主动公开 document. When the interview interprets policies and the 政策解读 kind is
 * installed (policies module), the 实录 is filed as a 解读 of form 在线访谈 with an interpretation_of
 * relation to every policy — so it counts for 三同步 and the 解读 rates; otherwise as a document of
 * this module's own kind 'interview_record' in the unit's 在线访谈 column (created when missing).
 * The interview becomes 实录已发布 inside the transaction of the document's publication (hook).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { DocumentLifecycleNotice } from '../publishing/documents/document-events.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { ENTRY_ROLE_LABELS, type EntryRole, type Guest } from './interview.model.ts';
import type { EntryListRow, InterviewRow } from './interview.repository.ts';
import type { InterviewService } from './interview.service.ts';

/** Own document kind of a 实录 that interprets no policy (persisted in documents.kind). */
export const INTERVIEW_RECORD_KIND = 'interview_record';
/** The 政策解读 kind of the policies module and its form value for 在线访谈 (policy.model.ts). */
const INTERPRETATION_KIND = 'interpretation';
const ONLINE_INTERVIEW_FORM = 'online_interview';
/** Column a 实录 of the own kind is filed in. */
export const INTERVIEW_COLUMN_NAME = '在线访谈';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (s: string) =>
  s
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('');

/** The document body: 预告 facts, then every entry in order (all text escaped; images by URL). */
export function recordBodyHtml(row: InterviewRow, entries: readonly EntryListRow[]): string {
  const guests = JSON.parse(row.guests) as Guest[];
  const head = [
    `<p>访谈时间：${escapeHtml(row.starts_at)}${row.ends_at ? ` 至 ${escapeHtml(row.ends_at)}` : ''}</p>`,
    `<p>访谈嘉宾：${guests.map((g) => escapeHtml(g.title ? `${g.title} ${g.name}` : g.name)).join('；')}</p>`,
    row.host ? `<p>主持人：${escapeHtml(row.host)}</p>` : '',
    row.summary ? paragraphs(row.summary) : '',
  ].join('');
  const body = entries
    .map((e) => {
      const who = `${ENTRY_ROLE_LABELS[e.role as EntryRole]}${e.speaker ? ` ${e.speaker}` : ''}`;
      const img = e.image_kind
        ? `<p><img src="/interviews/${row.id}/images/${e.id}" alt="${escapeHtml(`${who}发言配图`)}"></p>`
        : '';
      return `<p><strong>${escapeHtml(who)}：</strong>${escapeHtml(e.content).replace(/\r?\n/g, '<br>')}</p>${img}`;
    })
    .join('');
  return `${head}<h2>访谈实录</h2>${body}`;
}

export class InterviewRecordPublisher {
  constructor(
    private readonly s: InterviewService,
    private readonly publishing: PublishingApi,
  ) {}

  /** Whether the 实录 of an interview with `policyIds` is filed as a 政策解读. */
  asInterpretation(policyIds: readonly number[]): boolean {
    return policyIds.length > 0 && this.publishing.kinds.get(INTERPRETATION_KIND) !== undefined;
  }

  private async columnId(unitId: number): Promise<number> {
    const columns = await this.publishing.columns.listActiveForUnit(unitId);
    const found = columns.find((c) => c.name === INTERVIEW_COLUMN_NAME && c.kind === 'list');
    if (found) return found.id;
    const ctx: CallContext = { actor: systemActor('在线访谈'), meta: NO_REQUEST };
    const col = await this.publishing.columns.createColumn(ctx, unitId, null, {
      name: INTERVIEW_COLUMN_NAME,
      kind: 'list',
      updateCycle: 'realtime',
    });
    return col.id;
  }

  /**
   * 提交实录发布: lists every reason it cannot run, then creates (or refreshes) the document, moves the
   * interview to 实录审核中 in the same transaction, and sends the document to 主动公开's review.
   */
  async submit(ctx: CallContext, id: number): Promise<number> {
    const { row, unit } = await this.s.getForStaff(ctx, id);
    const entries = await this.s.repo.entries(id);
    const reasons: string[] = [];
    if (row.status !== 'ended') reasons.push('访谈结束后才能提交实录发布');
    if (!entries.length) reasons.push('实录还没有任何条目');
    if (reasons.length) throw new AppError('invalid_transition', reasons.join('；'));
    const policyIds = await this.s.repo.policyIds(id);
    const guests = JSON.parse(row.guests) as Guest[];
    const interpretation = this.asInterpretation(policyIds);
    const input: Record<string, unknown> = {
      title: `“${row.title}”在线访谈实录`,
      disclosureMode: 'proactive',
      source: unit.name,
      formedOn: row.starts_at.slice(0, 10),
      summary: row.summary ?? '',
      bodyHtml: recordBodyHtml(row, entries),
      ...(interpretation
        ? {
            kind: INTERPRETATION_KIND,
            'meta.form': ONLINE_INTERVIEW_FORM,
            'meta.interpreter': guests
              .map((g) => (g.title ? `${g.title} ${g.name}` : g.name))
              .join('；')
              .slice(0, 100),
          }
        : { kind: INTERVIEW_RECORD_KIND, columnIds: [String(await this.columnId(unit.id))] }),
    };
    const doc = await this.publishing.documents.createDraft(ctx, unit.id, input, {
      inTransaction: async (trx, [docId]) => {
        if (interpretation)
          for (const toId of policyIds)
            await this.publishing.relations.addInTransaction(trx, ctx, docId!, {
              type: 'interpretation_of',
              toId,
            });
        await this.s.move(trx, ctx, row, 'submit_record', { document_id: docId! });
      },
    });
    try {
      await this.publishing.review.submit(ctx, doc.id);
    } catch (e) {
      // 主动公开 refused the document (its checks): back to 已结束; the draft stays for the editors.
      await this.s.d.db.transaction().execute(async (trx) => {
        const fresh = await this.s.repo.findById(id, trx);
        if (fresh) await this.back(trx, ctx, fresh);
      });
      throw e;
    }
    return doc.id;
  }

  private async back(trx: Transaction<DB>, ctx: CallContext, row: InterviewRow): Promise<void> {
    await this.s.repo.update(trx, row.id, 'in_review', {
      status: 'ended',
      document_id: null,
      updated_at: this.s.d.clock.now().toISOString(),
    });
    await this.s.d.audit.record(trx, ctx, {
      action: 'interview.submit_refused',
      targetType: 'interview',
      targetId: row.id,
      summary: `在线访谈“${row.title}”的实录未能送审：发布前检查未通过`,
    });
  }

  /** Published hook (inside the publication's transaction): the interview becomes 实录已发布. */
  async onPublished(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    const row = await this.s.repo.findByDocument(notice.documentId, trx);
    if (row?.status !== 'in_review') return;
    await this.s.move(trx, notice.ctx, row, 'record_published');
  }
}
