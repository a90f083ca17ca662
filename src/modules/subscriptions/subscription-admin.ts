/**
 * The 政务公开办's view of 政策找人: counts by state and by choice, digest runs, mails sent and failed,
 * and the settings. Never an address in clear: rows carry only the masked form (z***@qq.com).
 */
import { canSiteWide } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { parseSettingsForm } from '../../lib/settings/settings-form.ts';
import {
  SUBSCRIPTION_AUDIENCE_LABELS,
  SUBSCRIPTION_KIND_LABELS,
  SUBSCRIPTION_STATES,
  type SubscriptionAudience,
  type SubscriptionKind,
  type SubscriptionState,
} from './subscription.model.ts';
import type { SubscriptionService } from './subscription.service.ts';
import { SUBSCRIPTION_SETTINGS } from './subscription-settings.ts';

export interface SubscriptionStats {
  byState: Record<SubscriptionState, number>;
  /** Live (pending or confirmed) subscriptions choosing each value; label → count. */
  byKind: [string, number][];
  byAudience: [string, number][];
  byTopic: [string, number][];
  byUnit: [string, number][];
  delivered: number;
  mails: Record<string, number>;
  failures: { id: number; recipient: string; subject: string; error: string | null; at: string }[];
  runs: { runKey: string; since: string; until: string; items: number; mails: number; finished: boolean }[];
}

const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export class SubscriptionAdmin {
  constructor(private readonly s: SubscriptionService) {}

  private check(ctx: CallContext): void {
    if (ctx.actor.kind !== 'user' || !canSiteWide(ctx.actor, 'subscription.view')) throw AppError.forbidden();
  }

  async stats(ctx: CallContext): Promise<SubscriptionStats> {
    this.check(ctx);
    const { repo, d } = this.s;
    const [rows, topics, units] = await Promise.all([
      repo.allChoices(),
      d.topics.list(),
      d.units.activeUnits(),
    ]);
    const topicName = new Map(topics.map((t) => [t.id, t.name]));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const byState = Object.fromEntries(SUBSCRIPTION_STATES.map((s) => [s, 0])) as Record<
      SubscriptionState,
      number
    >;
    const kinds = new Map<string, number>();
    const audiences = new Map<string, number>();
    const topicsN = new Map<string, number>();
    const unitsN = new Map<string, number>();
    for (const r of rows) {
      byState[r.state as SubscriptionState] = (byState[r.state as SubscriptionState] ?? 0) + 1;
      if (r.state === 'unsubscribed') continue;
      const ks = JSON.parse(r.kinds_json) as SubscriptionKind[];
      const as = JSON.parse(r.audiences_json) as SubscriptionAudience[];
      const ts = JSON.parse(r.topics_json) as number[];
      const us = JSON.parse(r.units_json) as number[];
      for (const k of ks.length ? ks.map((k) => SUBSCRIPTION_KIND_LABELS[k]) : ['（全部类别）'])
        count(kinds, k);
      for (const a of as.length ? as.map((a) => SUBSCRIPTION_AUDIENCE_LABELS[a]) : ['（不限对象）'])
        count(audiences, a);
      for (const t of ts.length ? ts.map((t) => topicName.get(t) ?? `主题 ${t}`) : ['（不限主题）'])
        count(topicsN, t);
      for (const u of us.length ? us.map((u) => unitName.get(u) ?? `单位 ${u}`) : ['（不限单位）'])
        count(unitsN, u);
    }
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      byState,
      byKind: sorted(kinds),
      byAudience: sorted(audiences),
      byTopic: sorted(topicsN),
      byUnit: sorted(unitsN),
      delivered: await repo.deliveryCount(),
      mails: await repo.mailCounts(),
      failures: (await repo.mailFailures(20)).map((f) => ({
        id: f.id,
        recipient: f.recipient_masked,
        subject: f.subject,
        error: f.last_error,
        at: f.updated_at,
      })),
      runs: (await repo.recentRuns(10)).map((r) => ({
        runKey: r.run_key,
        since: r.since,
        until: r.until,
        items: Number(r.items),
        mails: Number(r.mails),
        finished: r.finished_at !== null,
      })),
    };
  }

  async settings(ctx: CallContext) {
    this.check(ctx);
    return this.s.d.settings.readGroup(SUBSCRIPTION_SETTINGS);
  }

  async saveSettings(ctx: CallContext, raw: unknown): Promise<void> {
    this.check(ctx);
    const values = parseSettingsForm(SUBSCRIPTION_SETTINGS, raw);
    await this.s.d.settings.write(ctx, SUBSCRIPTION_SETTINGS, values, {
      audit: {
        action: 'subscription.settings_update',
        targetType: 'settings',
        summary: '修改政策找人订阅设置',
      },
    });
  }
}
