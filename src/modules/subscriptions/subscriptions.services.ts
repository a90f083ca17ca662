/** Builds the 政策找人 services of one App. */
import { SettingsStore } from '../../lib/settings/settings-store.ts';
import { type SubscriptionDeps, SubscriptionService } from './subscription.service.ts';
import { SubscriptionAdmin } from './subscription-admin.ts';
import { SubscriptionDigest } from './subscription-digest.ts';
import { documentsSource, SubscriptionSources } from './subscription-sources.ts';

export interface Subscriptions {
  service: SubscriptionService;
  digest: SubscriptionDigest;
  admin: SubscriptionAdmin;
  /** Extension point: other modules register what may be pushed (`sources.register(source)`). */
  sources: SubscriptionSources;
}

export function createSubscriptions(
  d: Omit<SubscriptionDeps, 'settings'> & {
    units: SubscriptionDeps['units'] & { listAll(): Promise<{ id: number; path: string }[]> };
  },
): Subscriptions {
  const service = new SubscriptionService({ ...d, settings: new SettingsStore(d) });
  const sources = new SubscriptionSources();
  sources.register(documentsSource(service.repo));
  return {
    service,
    sources,
    digest: new SubscriptionDigest(service, sources, d.units),
    admin: new SubscriptionAdmin(service),
  };
}
