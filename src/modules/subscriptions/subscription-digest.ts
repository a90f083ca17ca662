/**
 * The digest job `subscriptions.digest`: collects the items every source published since the last run,
 * and sends each confirmed subscriber ONE mail listing all their matches. Safe across processes and
 * re-runs: a run is claimed by its unique key (subscription_runs), and each (subscription, source, item)
 * is written to the sent-log in the same transaction as the mail it goes out in — an item already in the
 * log is never mailed again, so overlapping windows cost nothing.
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { matches, type SubscriptionItem, type UnitPaths } from './subscription.model.ts';
import type { SubscriptionRow } from './subscription.repository.ts';
import { choicesOf, type SubscriptionService } from './subscription.service.ts';
import { digestMail } from './subscription-mails.ts';
import type { SubscriptionSources } from './subscription-sources.ts';

export const DIGEST_JOB = 'subscriptions.digest';
/** The first run looks back this far (nothing older is pushed to anyone). */
const FIRST_WINDOW_MS = 86_400_000;
/**
 * Each window starts this much before the previous one ended: an item whose transaction committed just
 * after a run read the table is still found by the next run (the sent-log keeps it from going twice).
 */
const OVERLAP_MS = 3_600_000;
/** Items read from one source per run (a source with more is continued by the next run). */
export const ITEMS_PER_SOURCE = 500;
/** Items listed in one mail (the rest are counted, with a link to the site). */
export const ITEMS_PER_MAIL = 50;

const SENDER: CallContext = { actor: systemActor('政策找人推送'), meta: NO_REQUEST };

/**
 * Where the run after one that covered (since, end] starts: OVERLAP_MS before `end` after a complete run;
 * after a source's full page, just before its last item (that instant's items are read again, the sent-log
 * drops the repeats), but always past `since` so the window moves on.
 */
export function nextSince(since: string, end: string, truncated: boolean): string {
  const endMs = Date.parse(end);
  if (!truncated) return new Date(endMs - OVERLAP_MS).toISOString();
  const back = new Date(endMs - 1).toISOString();
  return back > since ? back : end;
}

export interface DigestResult {
  ran: boolean;
  items: number;
  mails: number;
}

interface SourcedItem extends SubscriptionItem {
  source: string;
}

export class SubscriptionDigest {
  constructor(
    private readonly s: SubscriptionService,
    private readonly sources: SubscriptionSources,
    private readonly units: { listAll(): Promise<{ id: number; path: string }[]> },
  ) {}

  /** One run under `runKey` (the day for the daily job); a key already claimed does nothing. */
  async run(runKey: string): Promise<DigestResult> {
    const { repo, d } = this.s;
    if (!d.mail.enabled) return { ran: false, items: 0, mails: 0 };
    const nowMs = d.clock.now().getTime();
    const since = (await repo.nextSince()) ?? new Date(nowMs - FIRST_WINDOW_MS).toISOString();
    const until = new Date(nowMs).toISOString();
    if (!(await repo.claimRun(runKey, since, until, until))) return { ran: false, items: 0, mails: 0 };
    try {
      const { items: all, complete } = await this.collect(since);
      // A source that filled its page sets where this run ends; the next run continues from there.
      const end = complete ?? until;
      const items = all.filter((i) => i.publishedAt <= end);
      const paths: UnitPaths = new Map((await this.units.listAll()).map((u) => [u.id, u.path]));
      let mails = 0;
      if (items.length)
        for (const sub of await repo.confirmed()) if (await this.send(runKey, sub, items, paths)) mails++;
      await repo.finishRun(
        runKey,
        { items: items.length, mails, until: end, nextSince: nextSince(since, end, complete !== null) },
        d.clock.now().toISOString(),
      );
      return { ran: true, items: items.length, mails };
    } catch (e) {
      await repo.dropRun(runKey);
      throw e;
    }
  }

  /**
   * Every source's items after `since`, oldest first. `complete` is the earliest last publication time of
   * a source that returned a full page (it may have more): items up to it are complete; null when none did.
   */
  private async collect(since: string): Promise<{ items: SourcedItem[]; complete: string | null }> {
    const items: SourcedItem[] = [];
    let complete: string | null = null;
    for (const source of this.sources.all()) {
      const got = await source.since(since, ITEMS_PER_SOURCE);
      for (const item of got) items.push({ ...item, source: source.kind });
      const last = got.at(-1)?.publishedAt;
      if (got.length >= ITEMS_PER_SOURCE && last && (complete === null || last < complete)) complete = last;
    }
    items.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
    return { items, complete };
  }

  /** Mails `sub` its matches not sent before; false when there were none. */
  private async send(
    runKey: string,
    sub: SubscriptionRow,
    items: readonly SourcedItem[],
    paths: UnitPaths,
  ): Promise<boolean> {
    const { repo, d, cipher } = this.s;
    const choices = choicesOf(sub);
    const confirmedAt = sub.confirmed_at ?? sub.created_at;
    const mine = items.filter((i) => i.publishedAt >= confirmedAt && matches(choices, i, paths));
    if (!mine.length) return false;
    const now = d.clock.now().toISOString();
    return d.db.transaction().execute(async (trx) => {
      const fresh: SourcedItem[] = [];
      for (const i of mine) {
        const row = {
          subscription_id: sub.id,
          source: i.source,
          item_id: i.id,
          run_key: runKey,
          created_at: now,
        };
        if (await repo.recordDelivery(trx, row)) fresh.push(i);
      }
      if (!fresh.length) return false;
      const listed = fresh.slice(0, ITEMS_PER_MAIL);
      const mail = await d.mail.enqueue(trx, {
        ...digestMail(this.s.linkContext(), this.s.urlsOf(sub), listed, fresh.length),
        to: cipher.decrypt(sub.email_enc),
        kind: 'subscription.digest',
        ref: { type: 'subscription', id: sub.id },
      });
      await repo.setDeliveryMail(trx, sub.id, runKey, mail.id, now);
      await d.audit.record(trx, SENDER, {
        action: 'subscription.digest',
        targetType: 'subscription',
        targetId: sub.id,
        summary: `向 ${sub.email_masked} 发送订阅邮件（${fresh.length} 条）`,
        after: { runKey, items: fresh.map((i) => `${i.source}:${i.id}`) },
      });
      return true;
    });
  }
}
