/** Read side of the public pages: the list, one event (places left), the 活动计划表 (page and xlsx), images. */
import { can } from '../../kernel/permissions.ts';
import type { Actor } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { FileKind } from '../../lib/file-types.ts';
import { defineSheet, writeXlsx } from '../../lib/spreadsheet/index.ts';
import {
  OPEN_DAY_STATE_LABELS,
  OPEN_DAY_TYPE_LABELS,
  type OpenDayState,
  type OpenDayType,
  registrationProblem,
} from './open-day.model.ts';
import type { OpenDayRow } from './open-day.repository.ts';
import type { OpenDayService } from './open-day.service.ts';

export interface PublicOpenDay {
  row: OpenDayRow;
  groups: string[];
  activities: string[];
  placesLeft: number;
  /** Why registration is closed today (null = open). */
  closed: string | null;
  /** The published 活动记录's document, when published. */
  recordDocumentId: number | null;
}

const list = (json: string) => (JSON.parse(json) as string[]).join('、');
export const PLAN_SHEET = defineSheet<OpenDayRow>({
  sheetName: '活动计划表',
  columns: [
    { key: 'event_date', header: '活动日期', width: 12 },
    {
      key: 'time',
      header: '时间',
      width: 12,
      cell: (r) => `${r.start_time}${r.end_time ? `—${r.end_time}` : ''}`,
    },
    { key: 'type', header: '活动类型', width: 16, cell: (r) => OPEN_DAY_TYPE_LABELS[r.type as OpenDayType] },
    { key: 'theme', header: '活动主题', width: 36 },
    { key: 'place', header: '活动地点', width: 24 },
    { key: 'groups', header: '邀请对象', width: 30, cell: (r) => list(r.invited_groups) },
    { key: 'activities', header: '活动内容', width: 30, cell: (r) => list(r.activities) },
    { key: 'capacity', header: '名额', width: 8 },
    { key: 'state', header: '状态', width: 16, cell: (r) => OPEN_DAY_STATE_LABELS[r.status as OpenDayState] },
  ],
});

export class OpenDayPublicReader {
  constructor(private readonly s: OpenDayService) {}

  async upcomingAndPast(): Promise<{ upcoming: OpenDayRow[]; past: OpenDayRow[] }> {
    const today = todayInShanghai(this.s.d.clock.now());
    const rows = await this.s.repo.listPublic(['planned', 'held', 'in_review', 'published']);
    return {
      upcoming: rows.filter((r) => r.status === 'planned' && r.event_date >= today).reverse(),
      past: rows.filter((r) => !(r.status === 'planned' && r.event_date >= today)),
    };
  }

  async get(id: number): Promise<PublicOpenDay | null> {
    const row = await this.s.repo.findPublic(id);
    if (!row) return null;
    const published = row.status === 'published' && row.document_id !== null;
    return {
      row,
      groups: JSON.parse(row.invited_groups) as string[],
      activities: JSON.parse(row.activities) as string[],
      placesLeft: Math.max(0, row.capacity - row.registered),
      closed: registrationProblem(row, todayInShanghai(this.s.d.clock.now())),
      recordDocumentId: published ? row.document_id : null,
    };
  }

  plan(year: number): Promise<OpenDayRow[]> {
    return this.s.repo.plan(year);
  }

  async planXlsx(year: number): Promise<Buffer> {
    return writeXlsx(PLAN_SHEET, await this.s.repo.plan(year), {
      title: `${year}年政务公开主题日（政府开放日）活动计划表`,
      neutraliseFormulas: true,
    });
  }

  /** Newest public items for the 互动交流 hub: upcoming events open for registration first, then records. */
  async recentPublic(limit: number) {
    const { upcoming, past } = await this.upcomingAndPast();
    return [...upcoming, ...past.filter((r) => r.status === 'published')].slice(0, limit).map((r) => ({
      title: r.theme,
      href: `/open-days/${r.id}`,
      date: r.event_date,
      note: r.status === 'published' ? '活动记录' : OPEN_DAY_TYPE_LABELS[r.type as OpenDayType],
    }));
  }

  /** An image of the 活动记录: public once published; before, for staff of the unit and its reviewers. */
  async image(id: number, imageId: number, actor: Actor) {
    const img = await this.s.repo.image(id, imageId);
    if (!img) return null;
    if (img.status !== 'published') {
      const unit = await this.s.d.units.get(img.unit_id);
      if (!can(actor, 'openday.manage', unit.path) && !can(actor, 'content.approve', unit.path)) return null;
    }
    return { kind: img.kind as FileKind, body: Buffer.from(img.data, 'base64') };
  }
}
