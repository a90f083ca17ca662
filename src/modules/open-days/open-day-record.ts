/**
 * The 活动记录 as a 主动公开 document of kind 'open_day_record', filed in the unit's 政务公开主题日 column
 * (created through publishing's column service when missing). The event becomes 活动记录已发布 inside
 * the transaction of the document's publication (hook).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { DocumentLifecycleNotice } from '../publishing/documents/document-events.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { OPEN_DAY_TYPE_LABELS, type OpenDayType } from './open-day.model.ts';
import type { OpenDayRow } from './open-day.repository.ts';
import type { OpenDayService } from './open-day.service.ts';

export const OPEN_DAY_RECORD_KIND = 'open_day_record';
/** The column the seeds name (000 (11), 003 公开(十五), 004 (十一): the record published). */
export const OPEN_DAY_COLUMN_NAME = '政务公开主题日';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function recordBodyHtml(row: OpenDayRow, images: readonly { id: number }[], attended: number): string {
  const list = (json: string) => (JSON.parse(json) as string[]).map(esc).join('、');
  const text = (row.record_text ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
  const imgs = images
    .map((m, i) => `<p><img src="/open-days/${row.id}/images/${m.id}" alt="活动现场图片${i + 1}"></p>`)
    .join('');
  return [
    `<p>活动类型：${OPEN_DAY_TYPE_LABELS[row.type as OpenDayType]}</p>`,
    `<p>活动时间：${esc(row.event_date)} ${esc(row.start_time)}${row.end_time ? `—${esc(row.end_time)}` : ''}</p>`,
    `<p>活动地点：${esc(row.place)}</p>`,
    `<p>邀请对象：${list(row.invited_groups)}</p>`,
    `<p>活动内容：${list(row.activities)}</p>`,
    `<p>参加人数：${attended} 人</p>`,
    `<h2>活动记录</h2>${text}${imgs}`,
  ].join('');
}

export class OpenDayRecordPublisher {
  constructor(
    private readonly s: OpenDayService,
    private readonly publishing: PublishingApi,
  ) {}

  private async columnId(unitId: number): Promise<number> {
    const columns = await this.publishing.columns.listActiveForUnit(unitId);
    const found = columns.find((c) => c.name === OPEN_DAY_COLUMN_NAME && c.kind === 'list');
    if (found) return found.id;
    const ctx: CallContext = { actor: systemActor('政务公开主题日'), meta: NO_REQUEST };
    return (
      await this.publishing.columns.createColumn(ctx, unitId, null, {
        name: OPEN_DAY_COLUMN_NAME,
        kind: 'list',
        updateCycle: 'as_needed',
      })
    ).id;
  }

  /** 提交活动记录发布: every reason first, then the document and the state change in one transaction, then review. */
  async submit(ctx: CallContext, id: number): Promise<number> {
    const { row, unit } = await this.s.getForStaff(ctx, id);
    const reasons: string[] = [];
    if (row.status !== 'held') reasons.push('活动举办后才能提交活动记录发布');
    if (!row.record_text) reasons.push('还没有填写活动记录');
    if (reasons.length) throw new AppError('invalid_transition', reasons.join('；'));
    const images = await this.s.repo.images(id);
    const attended = (await this.s.repo.registrations(id)).filter((r) => r.attended === 1).length;
    const input = {
      kind: OPEN_DAY_RECORD_KIND,
      title: `${row.theme}活动记录`,
      disclosureMode: 'proactive',
      source: unit.name,
      formedOn: row.event_date,
      bodyHtml: recordBodyHtml(row, images, attended),
      columnIds: [String(await this.columnId(unit.id))],
    };
    const doc = await this.publishing.documents.createDraft(ctx, unit.id, input, {
      inTransaction: (trx, [docId]) => this.s.move(trx, ctx, row, 'submit_record', { document_id: docId! }),
    });
    try {
      await this.publishing.review.submit(ctx, doc.id);
    } catch (e) {
      await this.s.d.db.transaction().execute(async (trx) => {
        await this.s.repo.update(trx, id, 'in_review', {
          status: 'held',
          document_id: null,
          updated_at: this.s.d.clock.now().toISOString(),
        });
        await this.s.d.audit.record(trx, ctx, {
          action: 'openday.submit_refused',
          targetType: 'open_day',
          targetId: id,
          summary: `活动“${row.theme}”的活动记录未能送审：发布前检查未通过`,
        });
      });
      throw e;
    }
    return doc.id;
  }

  async onPublished(notice: DocumentLifecycleNotice, trx: Transaction<DB>): Promise<void> {
    const row = await this.s.repo.findByDocument(notice.documentId, trx);
    if (row?.status !== 'in_review') return;
    await this.s.move(trx, notice.ctx, row, 'record_published');
  }
}
