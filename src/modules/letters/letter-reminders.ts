/**
 * Deadlines of letters after they are set (issue 13 items 1 and 6): the daily job `letters.deadline-reminders`
 * records 临期 and 超期 reminders for letters still waiting for their answer (letter_reminders, once per
 * letter, kind and day — the primary key makes a second run or a second process a no-op), with their audit
 * event, and e-mails the handling unit's address (the unit's public e-mail: users have no e-mail of their own)
 * when mail is configured. The monitor's overdue list (`overdueList`) puts letters unanswered for more than
 * INSPECTION_UNANSWERED_MONTHS first: 国办秘函〔2019〕19号 fails a site outright for them (单项否决).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai, type WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import { DEFAULT_DUE_SOON_WORKING_DAYS, INSPECTION_UNANSWERED_MONTHS } from './letter.model.ts';
import { LetterOutputsRepository } from './letter-outputs.repository.ts';

export const REMINDER_JOB = 'letters.deadline-reminders';

export type ReminderKind = 'due_soon' | 'overdue';
export const REMINDER_LABELS: Record<ReminderKind, string> = { due_soon: '临期', overdue: '超期' };

/** The outbox, as far as the reminders use it. */
export type ReminderMail = Pick<MailOutbox, 'enabled' | 'enqueue'>;

export interface ReminderDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  calendar: { calendar(): Promise<WorkingDayCalendar> };
  mail?: ReminderMail | null;
  /** 临期: at most this many working days left (the letters settings; default DEFAULT_DUE_SOON_WORKING_DAYS). */
  dueSoonWorkingDays?: () => Promise<number>;
  /** PUBLIC_URL, for the link in the e-mail. */
  publicBaseUrl?: string | undefined;
}

export interface ReminderResult {
  /** Reminders recorded now. */
  recorded: number;
  /** Due today but already recorded (a second run the same day, or another process first). */
  already: number;
  mailed: number;
}

/**
 * The reminder a letter due on `dueOn` gets on `today`: 超期 after its due day, 临期 from `dueSoon` working
 * days before it to the due day itself, else none.
 */
export function reminderKind(
  dueOn: string,
  today: string,
  cal: Pick<WorkingDayCalendar, 'countWorkingDays'>,
  dueSoon: number,
): ReminderKind | null {
  if (today > dueOn) return 'overdue';
  return cal.countWorkingDays(today, dueOn) <= dueSoon ? 'due_soon' : null;
}

/** `day` plus `months` calendar months (the 31st of a shorter month becomes its last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** 国办秘函〔2019〕19号: unanswered for more than INSPECTION_UNANSWERED_MONTHS months on `today`. */
export function pastInspectionLimit(receivedOn: string, today: string): boolean {
  return today > addMonths(receivedOn, INSPECTION_UNANSWERED_MONTHS);
}

const JOB_CTX: CallContext = { actor: systemActor('来信期限提醒'), meta: NO_REQUEST };

export class LetterReminders {
  private readonly repo: LetterOutputsRepository;
  constructor(private readonly d: ReminderDeps) {
    this.repo = new LetterOutputsRepository(d.db);
  }

  /** The run of `today` ('YYYY-MM-DD', China). Safe to run twice and in several processes at once. */
  async run(today: string): Promise<ReminderResult> {
    const [cal, letters, dueSoon] = await Promise.all([
      this.d.calendar.calendar(),
      this.repo.openLetters(),
      this.d.dueSoonWorkingDays
        ? this.d.dueSoonWorkingDays()
        : Promise.resolve(DEFAULT_DUE_SOON_WORKING_DAYS),
    ]);
    const out: ReminderResult = { recorded: 0, already: 0, mailed: 0 };
    const now = this.d.clock.now().toISOString();
    for (const l of letters) {
      const kind = reminderKind(l.due_on, today, cal, dueSoon);
      if (!kind) continue;
      await this.d.db.transaction().execute(async (trx) => {
        if (!(await this.repo.remindOnce(trx, l.id, kind, today, now))) {
          out.already++;
          return;
        }
        out.recorded++;
        const who = l.unit_name ?? `${l.channel_unit_name}（待分办）`;
        const what =
          kind === 'overdue' ? `已超过答复期限（${l.due_on}）` : `答复期限为 ${l.due_on}，即将到期`;
        await this.d.audit.record(trx, JOB_CTX, {
          action: 'letter.reminder',
          targetType: 'letter',
          targetId: l.id,
          summary: `提醒${who}：来信“${l.reference}”${what}`,
          after: { kind, day: today, due_on: l.due_on },
        });
        const to = l.unit_id === null ? l.channel_unit_email : l.unit_email;
        if (this.d.mail?.enabled && to) {
          // No personal data and no title in the mail: the reference, the box and the due day only.
          await this.d.mail.enqueue(trx, {
            kind: 'letter.reminder',
            to,
            subject: `【${REMINDER_LABELS[kind]}】来信 ${l.reference} ${what}`,
            text: [
              `${who}：`,
              `“${l.channel_name}”的来信 ${l.reference}（收到于 ${l.received_on}）${what}，请及时办理答复。`,
              `办理页面：${this.d.publicBaseUrl ?? ''}/admin/letters/${l.id}`,
              '（本邮件由系统自动发送）',
            ].join('\n'),
            ref: { type: 'letter', id: l.id },
          });
          out.mailed++;
        }
      });
    }
    return out;
  }

  /** The latest reminder of each letter (the staff queue shows "已于 … 提醒（超期）"). */
  latest(letterIds: readonly number[]) {
    return this.repo.latestReminders(letterIds);
  }

  /** One letter's reminders, newest first. */
  of(letterId: number) {
    return this.repo.remindersOf(letterId);
  }
}

/** One line of the monitor's overdue list. */
export interface OverdueEntry {
  id: number;
  reference: string;
  title: string;
  channelName: string;
  /** The handling unit, or the box's unit while it waits to be routed. */
  unitName: string;
  routed: boolean;
  status: string;
  receivedOn: string;
  dueOn: string;
  /** Working days past the due day. */
  workingDaysLate: number;
  /** Unanswered for more than INSPECTION_UNANSWERED_MONTHS months (单项否决). */
  inspection: boolean;
  pageUrl: string | null;
}

export interface OverdueList {
  today: string;
  /** 信箱 letters past their due day, the ones past the inspection limit first (oldest first). */
  letters: OverdueEntry[];
  /** 找错 reports past their limit. */
  siteErrors: OverdueEntry[];
}

/** Every letter past its due day on `today`, for the monitor (国办秘函〔2019〕19号 ones first). */
export async function overdueList(
  d: Pick<ReminderDeps, 'db' | 'calendar' | 'clock'>,
  unitPaths: readonly string[] | null = null,
): Promise<OverdueList> {
  const today = todayInShanghai(d.clock.now());
  const repo = new LetterOutputsRepository(d.db);
  const [cal, open] = await Promise.all([d.calendar.calendar(), repo.openLetters()]);
  const visible = (path: string | null) =>
    unitPaths === null || (path !== null && unitPaths.some((p) => path.startsWith(p)));
  const entries: (OverdueEntry & { kind: string })[] = open
    .filter((l) => l.due_on < today)
    .filter((l) => (l.unit_id === null ? visible(l.channel_unit_path) : visible(l.unit_path)))
    .map((l) => ({
      id: l.id,
      reference: l.reference,
      title: l.title,
      channelName: l.channel_name,
      unitName: l.unit_name ?? l.channel_unit_name,
      routed: l.unit_id !== null,
      status: l.status,
      receivedOn: l.received_on,
      dueOn: l.due_on,
      workingDaysLate: cal.countWorkingDays(l.due_on, today),
      inspection: pastInspectionLimit(l.received_on, today),
      pageUrl: l.page_url,
      kind: l.channel_kind,
    }));
  const order = (a: OverdueEntry, b: OverdueEntry) =>
    Number(b.inspection) - Number(a.inspection) ||
    a.receivedOn.localeCompare(b.receivedOn) ||
    a.dueOn.localeCompare(b.dueOn) ||
    a.id - b.id;
  const strip = ({ kind: _k, ...e }: OverdueEntry & { kind: string }): OverdueEntry => e;
  return {
    today,
    letters: entries
      .filter((e) => e.kind !== 'site_error')
      .map(strip)
      .sort(order),
    siteErrors: entries
      .filter((e) => e.kind === 'site_error')
      .map(strip)
      .sort(order),
  };
}
