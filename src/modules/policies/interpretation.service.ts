/**
 * 政策解读: a 解读 drafted from its policy (the draft and its interpretation_of relation in one
 * transaction), the 解读 clock of a policy (interpretation-clock.ts) and of the policies a 解读 interprets,
 * the late and missing list, the daily reminders, 新旧政策差异, the home page's latest 解读s and the
 * 政策解读 settings.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import {
  ancestorIds,
  type GroupValues,
  parseSettingsForm,
  type SettingsStore,
} from '../../lib/settings/index.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { kindMetadataOf } from '../publishing/documents/document-kind-metadata.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { InterpretationRepository } from './interpretation.repository.ts';
import {
  type InterpretationClock,
  interpretationClock,
  MISSING_STATES,
  needsReminder,
} from './interpretation-clock.ts';
import { diffPolicyTexts, type TextDiff } from './interpretation-diff.ts';
import { INTERPRETATION_KIND, isPolicyKind, type PolicyKind } from './policy.model.ts';
import { INTERPRETATION_SETTINGS } from './policy-settings.ts';

/** What the service is built from (a part of PolicyDeps; declared here so the files import no cycle). */
export interface InterpretationDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  units: Pick<UnitService, 'activeUnits'>;
  calendar: Pick<CalendarService, 'calendar'>;
  publishing: PublishingApi;
  settings: SettingsStore;
}

export const REMINDER_JOB = 'policies.interpretation-reminders';
type Settings = GroupValues<typeof INTERPRETATION_SETTINGS>;

/** A policy with its clock (late and missing list, the 解读 page). */
export interface PolicyClock {
  id: number;
  title: string;
  docNumber: string | null;
  kind: PolicyKind;
  unitId: number;
  unitPath: string;
  unitName: string;
  state: string;
  clock: InterpretationClock;
}

/** The differences of a 解读's policy against the edition it amends. */
export interface EditionDiff {
  policy: { id: number; title: string; docNumber: string | null };
  previous: { id: number; title: string; docNumber: string | null };
  diff: TextDiff;
}

interface ClockRow {
  id: number;
  kind: string;
  title: string;
  doc_number: string | null;
  unit_id: number;
  unit_path: string;
  unit_name: string;
  published_on: string | null;
  kind_metadata_json: string | null;
  state?: string;
}

export class InterpretationService {
  readonly repo: InterpretationRepository;

  constructor(private readonly d: InterpretationDeps) {
    this.repo = new InterpretationRepository(d.db);
  }

  /** The settings in force at a unit (the kinds are site-wide; the due days follow the unit's parents). */
  async settingsAt(unitId: number, unitPath: string): Promise<Settings> {
    return this.d.settings.readGroup(INTERPRETATION_SETTINGS, {
      unitId,
      ancestorIds: ancestorIds(unitPath, unitId),
    });
  }

  /** Whether a policy of `kind` at the unit must be interpreted (setting KINDS_REQUIRING_INTERPRETATION). */
  async requires(kind: string): Promise<boolean> {
    const s = await this.d.settings.readGroup(INTERPRETATION_SETTINGS);
    return isPolicyKind(kind) && s.kinds.includes(kind);
  }

  /**
   * Creates a 解读 draft of `policyId` in the policy's unit, with its interpretation_of relation in the
   * same transaction (the relation service's checks run there too). Needs 起草 rights on that unit.
   */
  async createForPolicy(ctx: CallContext, policyId: number, raw: Record<string, unknown>) {
    const { publishing } = this.d;
    const policy = await publishing.documents.get(ctx, policyId);
    if (!isPolicyKind(policy.kind)) throw AppError.notFound('政策文件');
    const input = {
      disclosureMode: 'proactive',
      topicId: policy.topic_id === null ? '' : String(policy.topic_id),
      ...raw,
      kind: INTERPRETATION_KIND,
    };
    return publishing.documents.createDraft(ctx, policy.unit_id, input, {
      inTransaction: async (trx, [id]) => {
        await publishing.relations.addInTransaction(trx, ctx, id!, {
          type: 'interpretation_of',
          toId: policy.id,
        });
      },
    });
  }

  /** The clock of one policy document (null when the document is not a policy). */
  async clockOf(policyId: number): Promise<PolicyClock | null> {
    const row = await this.repo.policy(policyId);
    if (!row || !isPolicyKind(row.kind)) return null;
    const published = row.ever_published ? row.published_on : null;
    const [c] = await this.clocks([{ ...row, published_on: published }]);
    return c ?? null;
  }

  /** The clocks of the policies a 解读 interprets. */
  async clocksOfInterpretation(interpretationId: number): Promise<PolicyClock[]> {
    const out: PolicyClock[] = [];
    for (const p of await this.repo.interpretedPolicies(interpretationId)) {
      const c = await this.clockOf(p.id);
      if (c) out.push(c);
    }
    return out;
  }

  /** The policies a 解读 interprets, by title and 文号 (any state; the admin page shows every one). */
  async policiesOf(interpretationId: number) {
    return this.repo.interpretedPolicies(interpretationId);
  }

  private async clocks(rows: readonly ClockRow[]): Promise<PolicyClock[]> {
    const dates = await this.repo.publishedInterpretationDates(rows.map((r) => r.id));
    const calendar = await this.d.calendar.calendar();
    const today = todayInShanghai(this.d.clock.now());
    const byUnit = new Map<number, Settings>();
    const out: PolicyClock[] = [];
    for (const r of rows) {
      const s = byUnit.get(r.unit_id) ?? (await this.settingsAt(r.unit_id, r.unit_path));
      byUnit.set(r.unit_id, s);
      const meta = kindMetadataOf(r.kind_metadata_json);
      const reason = typeof meta.noInterpretationReason === 'string' ? meta.noInterpretationReason : null;
      const clock = interpretationClock(
        {
          required: s.kinds.includes(r.kind as PolicyKind),
          noInterpretationReason: reason,
          publishedOn: r.published_on,
          interpretationDates: dates.get(r.id) ?? [],
          dueWorkingDays: s.dueWorkingDays,
          today,
        },
        calendar,
      );
      out.push({
        id: r.id,
        title: r.title,
        docNumber: r.doc_number,
        kind: r.kind as PolicyKind,
        unitId: r.unit_id,
        unitPath: r.unit_path,
        unitName: r.unit_name,
        state: r.state ?? 'published',
        clock,
      });
    }
    return out;
  }

  /**
   * Published policies whose 解读 is missing (未发布) or was late (逾期发布), of the units where the actor
   * holds policy.record or content.approve; the most overdue first.
   */
  async lateAndMissing(ctx: CallContext): Promise<PolicyClock[]> {
    const paths =
      ctx.actor.kind === 'system'
        ? undefined
        : (await this.d.units.activeUnits())
            .filter(
              (u) => can(ctx.actor, 'policy.record', u.path) || can(ctx.actor, 'content.approve', u.path),
            )
            .map((u) => u.path);
    if (paths && !paths.length) throw AppError.forbidden();
    return this.missingUnder(paths);
  }

  private async missingUnder(paths: string[] | undefined): Promise<PolicyClock[]> {
    const s = await this.d.settings.readGroup(INTERPRETATION_SETTINGS);
    const rows = await this.repo.publishedPolicies(s.kinds, paths);
    const clocks = await this.clocks(rows);
    const rank = (c: PolicyClock) => (c.clock.state === 'overdue' ? 0 : c.clock.state === 'pending' ? 1 : 2);
    return clocks
      .filter((c) => MISSING_STATES.includes(c.clock.state) || c.clock.state === 'late')
      .sort((a, b) => rank(a) - rank(b) || (a.clock.dueOn ?? '').localeCompare(b.clock.dueOn ?? ''));
  }

  /**
   * The daily job (the scheduler claims the day first): one reminder per policy and day for every 解读
   * due within 1 working day or overdue, and one audit event summarising the run. Also files the 政策解读 column under units created before
   * the column joined the 政府信息公开 template (idempotent: units that have it are left alone), since
   * an upgraded installation has no other moment to do so.
   */
  async sendReminders(day: string): Promise<{ reminders: number; columns: number }> {
    const ctx = { actor: systemActor('政策解读提醒定时任务'), meta: NO_REQUEST };
    const columns = await this.d.publishing.columns.createTemplatesForExistingUnits(ctx);
    const due = (await this.missingUnder(undefined)).filter((c) => needsReminder(c.clock));
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      const recorded: { id: number; title: string; unit: string; label: string }[] = [];
      for (const c of due)
        if (await this.repo.recordReminder(trx, c.id, day, now))
          recorded.push({ id: c.id, title: c.title, unit: c.unitName, label: c.clock.label });
      const listed = recorded
        .slice(0, 5)
        .map((r) => `${r.unit}“${r.title}”${r.label}`)
        .join('；');
      await this.d.audit.record(trx, ctx, {
        action: 'policy.interpretation_reminders',
        targetType: 'job',
        targetId: `${REMINDER_JOB}:${day}`,
        summary: `政策解读提醒：${day} 记录提醒 ${recorded.length} 条${
          listed ? `（${listed}${recorded.length > 5 ? ' 等' : ''}）` : ''
        }`,
        after: { day, policies: recorded },
      });
      return { reminders: recorded.length, columns };
    });
  }

  /** 新旧政策差异 of each policy the 解读 interprets that amends an earlier edition (public: published only). */
  async editionDiffs(interpretationId: number): Promise<EditionDiff[]> {
    const out: EditionDiff[] = [];
    for (const p of await this.repo.interpretedPolicies(interpretationId)) {
      if (p.state !== 'published') continue;
      const policy = await this.repo.policy(p.id);
      if (!policy) continue;
      for (const old of await this.repo.amendedEditions(p.id))
        out.push({
          policy: { id: p.id, title: p.title, docNumber: p.doc_number },
          previous: { id: old.id, title: old.title, docNumber: old.doc_number },
          diff: diffPolicyTexts(old.body_html, policy.body_html),
        });
    }
    return out;
  }

  /** The latest published 解读s of the site (the portal's home page). */
  async latestPublished(limit: number) {
    return this.repo.latestPublished(limit);
  }

  /** Saves the 政策解读 settings site-wide; needs policy.manage on a top-level unit. */
  async saveSettings(ctx: CallContext, raw: unknown): Promise<void> {
    if (!(await this.maySetSettings(ctx))) throw AppError.forbidden();
    const v = parseSettingsForm(INTERPRETATION_SETTINGS, raw);
    await this.d.settings.write(ctx, INTERPRETATION_SETTINGS, v, {
      audit: {
        action: 'policy.interpretation_settings',
        targetType: 'setting',
        summary: '修改政策解读设置',
      },
    });
  }

  async maySetSettings(ctx: CallContext): Promise<boolean> {
    if (ctx.actor.kind === 'system') return true;
    const roots = (await this.d.units.activeUnits()).filter((u) => u.parent_id === null);
    return roots.some((u) => can(ctx.actor, 'policy.manage', u.path));
  }

  /** The site-wide own values (settings form). */
  async ownSettings() {
    return this.d.settings.ownGroup(INTERPRETATION_SETTINGS);
  }
}
