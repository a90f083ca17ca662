/** Read side of the public pages: the lists by group, one interview's page, recentPublic for the hub. */
import { can } from '../../kernel/permissions.ts';
import type { Actor } from '../../lib/actor.ts';
import type { FileKind } from '../../lib/file-types.ts';
import { type Guest, type InterviewState, PUBLIC_GROUPS, type PublicGroup } from './interview.model.ts';
import type { EntryListRow, InterviewRow, QuestionRow } from './interview.repository.ts';
import type { InterviewService } from './interview.service.ts';

export interface PublicInterview {
  row: InterviewRow;
  state: InterviewState;
  guests: Guest[];
  policies: { id: number; title: string }[];
  /** Adopted questions (the only ones the public sees). */
  questions: Pick<QuestionRow, 'id' | 'asker_name' | 'content' | 'phase'>[];
  /** The 实录, only once published. */
  entries: EntryListRow[];
}

export class InterviewPublicReader {
  constructor(private readonly s: InterviewService) {}

  async list(group: PublicGroup): Promise<InterviewRow[]> {
    const rows = await this.s.repo.listPublic(PUBLIC_GROUPS[group]);
    // 预告: the next session first.
    return group === 'upcoming' ? rows.reverse() : rows;
  }

  async get(id: number): Promise<PublicInterview | null> {
    const row = await this.s.repo.findPublic(id);
    if (!row) return null;
    const ids = await this.s.repo.policyIds(id);
    const policies = (await this.s.d.publishing.publicDocuments.publishedSummaries(ids)).map((d) => ({
      id: d.id,
      title: d.title,
    }));
    const questions = (await this.s.repo.questions(id, ['adopted'])).map(
      ({ id: qid, asker_name, content, phase }) => ({
        id: qid,
        asker_name,
        content,
        phase,
      }),
    );
    const state = row.status as InterviewState;
    const entries = state === 'published' ? await this.s.repo.entries(id) : [];
    return { row, state, guests: JSON.parse(row.guests) as Guest[], policies, questions, entries };
  }

  /** Newest public items for the 互动交流 hub: 进行中 and 预告 first, then published 实录. */
  async recentPublic(limit: number) {
    const live = await this.s.repo.listPublic(['live'], limit);
    const upcoming = (await this.s.repo.listPublic(['announced'], limit)).reverse();
    const past = await this.s.repo.listPublic(['published'], limit);
    const note: Record<string, string> = { live: '进行中', announced: '预告', published: '实录' };
    return [...live, ...upcoming, ...past].slice(0, limit).map((r) => ({
      title: r.title,
      href: `/interviews/${r.id}`,
      date: r.starts_at.slice(0, 10),
      note: note[r.status] ?? null,
    }));
  }

  /**
   * An image of the 实录: public once the 实录 is published; before, only for staff who may manage or
   * review the unit's interviews (the reviewer sees the document body with its images).
   */
  async image(id: number, entryId: number, actor: Actor) {
    const img = await this.s.repo.image(id, entryId);
    if (!img?.image_data || !img.image_kind) return null;
    if (img.status !== 'published') {
      const unit = await this.s.d.units.get(img.unit_id);
      if (!can(actor, 'interview.manage', unit.path) && !can(actor, 'content.approve', unit.path))
        return null;
    }
    return { kind: img.image_kind as FileKind, body: Buffer.from(img.image_data, 'base64') };
  }
}
