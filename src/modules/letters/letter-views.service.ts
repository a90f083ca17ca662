/**
 * What the letter pages show, read for one actor: the staff queue (scoped by grants), the staff letter page
 * (the writer's contact only for those who handle it), and the writer's view after 编号 + 查询码. Also the
 * settings page's save (site-wide letter.oversee).
 */

import { can, canSiteWide, scopesFor } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { parseSettingsForm } from '../../lib/settings/settings-form.ts';
import type { SettingsStore } from '../../lib/settings/settings-store.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitDirectory } from '../orgs/unit-directory.ts';
import type { WriterData } from './letter.model.ts';
import type { LetterService } from './letter.service.ts';
import type { LetterTransitions } from './letter.transitions.ts';
import { doneOn, type LetterClockState, type LetterDue, letterClockState } from './letter-clock.ts';
import { LETTER_SETTINGS } from './letter-settings.ts';
import type { LetterFilter, LetterRow, LettersRepository, QueueRow } from './letters.repository.ts';

export interface LetterViewDeps {
  audit: AuditLog;
  clock: Clock;
  calendar: CalendarService;
  units: UnitDirectory;
  repo: LettersRepository;
  settings: SettingsStore;
  letters: LetterService;
  transitions: LetterTransitions;
}

export type QueueItem = QueueRow & { clockState: LetterClockState };

export class LetterViews {
  constructor(private readonly d: LetterViewDeps) {}

  private today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** Whether the actor sees the staff pages at all. */
  mayWork(ctx: CallContext): boolean {
    return (['letter.route', 'letter.handle', 'letter.review'] as const).some(
      (a) => scopesFor(ctx.actor, a).length > 0,
    );
  }

  /** The queue: letters handled in the actor's subtrees, and those waiting to be routed in their boxes. */
  async queue(ctx: CallContext, f: Omit<LetterFilter, 'scopes' | 'routeScopes'>): Promise<QueueItem[]> {
    const scopes = [...scopesFor(ctx.actor, 'letter.handle'), ...scopesFor(ctx.actor, 'letter.review')];
    const rows = await this.d.repo.queue({ ...f, scopes, routeScopes: scopesFor(ctx.actor, 'letter.route') });
    const calendar = await this.d.calendar.calendar();
    const { dueSoonWorkingDays } = await this.d.letters.limits();
    const today = this.today();
    return rows.map((r) => ({
      ...r,
      clockState: letterClockState(
        calendar,
        { dueOn: r.due_on, doneOn: doneOn(r) },
        today,
        dueSoonWorkingDays,
      ),
    }));
  }

  /** The staff letter page. */
  async letter(ctx: CallContext, id: number) {
    const p = await this.d.transitions.prepare(id);
    const { row, snapshot, channel } = p;
    const handles = !!snapshot.unitPath && can(ctx.actor, 'letter.handle', snapshot.unitPath);
    const routes = can(ctx.actor, 'letter.route', snapshot.unitPath ?? snapshot.ownerPath);
    const reviews = !!snapshot.unitPath && can(ctx.actor, 'letter.review', snapshot.unitPath);
    const routesHere = can(ctx.actor, 'letter.route', snapshot.ownerPath);
    if (!handles && !routes && !reviews && !routesHere) throw AppError.forbidden('您没有查看此来信的权限');
    const calendar = await this.d.calendar.calendar();
    const { dueSoonWorkingDays } = await this.d.letters.limits();
    const due: LetterDue = await this.d.letters.dueOf(row, channel);
    const writer: WriterData | null = handles || routes || routesHere ? this.d.letters.writerOf(row) : null;
    return {
      row,
      channel,
      round: p.round,
      reply: p.reply,
      replies: await this.d.repo.replies(id),
      writer,
      attachments: await this.d.repo.attachments(id),
      events: await this.d.repo.events(id),
      due,
      clockState: letterClockState(
        calendar,
        { dueOn: row.due_on, doneOn: doneOn(row) },
        this.today(),
        dueSoonWorkingDays,
      ),
      unit: row.unit_id ? await this.d.units.findById(row.unit_id) : undefined,
      offered: await this.d.transitions.availability(ctx, id),
      mayEditDraft: handles && row.status === 'assigned',
      units: (await this.d.units.activeUnits()).filter((u) => u.id !== row.unit_id),
    };
  }

  /** An attachment's content, for those who may see the letter. */
  async attachment(ctx: CallContext, letterId: number, attachmentId: number) {
    await this.letter(ctx, letterId);
    const a = await this.d.repo.attachment(attachmentId);
    if (!a || a.letter_id !== letterId) throw AppError.notFound('附件');
    return {
      fileName: a.file_name,
      kind: a.file_kind,
      body: Buffer.from(this.d.letters.decrypt(a.content_enc), 'base64'),
    };
  }

  /** The writer's view after 编号 + 查询码: state, due date, sent replies, what they may do. */
  async forWriter(reference: string, code: string) {
    const row: LetterRow = await this.d.letters.findForWriter(reference, code);
    const calendar = await this.d.calendar.calendar();
    const { dueSoonWorkingDays } = await this.d.letters.limits();
    return {
      row,
      replies: (await this.d.repo.replies(row.id)).filter((r) => r.status === 'sent'),
      clockState: letterClockState(
        calendar,
        { dueOn: row.due_on, doneOn: doneOn(row) },
        this.today(),
        dueSoonWorkingDays,
      ),
      options: await this.d.transitions.writerOptions(row.id),
    };
  }

  /** Whether the actor may change the site-wide letter settings. */
  maySetSettings(ctx: CallContext): boolean {
    return canSiteWide(ctx.actor, 'letter.oversee');
  }

  async saveSettings(ctx: CallContext, raw: unknown): Promise<void> {
    if (!this.maySetSettings(ctx)) throw AppError.forbidden();
    const values = parseSettingsForm(LETTER_SETTINGS, raw);
    await this.d.settings.write(ctx, LETTER_SETTINGS, values, {
      audit: {
        action: 'letter.settings_update',
        targetType: 'settings',
        summary: '修改政民互动来信答复时限设置',
      },
    });
  }
}
