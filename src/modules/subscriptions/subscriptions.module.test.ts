import { describe, expect, it } from 'vitest';
import type { Registry } from '../../platform/module.ts';
import { SubscriptionSources } from './subscription-sources.ts';
import { subscriptionsModule } from './subscriptions.module.ts';
import type { Subscriptions } from './subscriptions.services.ts';

const connect = (qa: unknown) => {
  const self = { sources: new SubscriptionSources() } as unknown as Subscriptions;
  subscriptionsModule.connect?.(self, { qa } as unknown as Registry);
  return self.sources;
};

describe('the 问答 source', () => {
  it('is registered when the qa module offers entries.publishedSince, and maps its entries', async () => {
    const asked: [string, number][] = [];
    const sources = connect({
      entries: {
        publishedSince: async (since: string, limit: number) => {
          asked.push([since, limit]);
          return [
            {
              id: 5,
              question: '小微企业有什么税收优惠',
              unitId: 2,
              topicId: 4,
              audiences: ['enterprise'],
              publishedAt: '2026-03-02T01:00:00.000Z',
              href: '/qa/5',
            },
          ];
        },
      },
    });
    const qa = sources.all().find((s) => s.kind === 'qa');
    expect(qa?.label).toBe('政策问答');
    expect(await qa?.since('2026-03-01T00:00:00.000Z', 10)).toEqual([
      {
        kind: 'qa',
        id: 5,
        title: '小微企业有什么税收优惠',
        href: '/qa/5',
        unitId: 2,
        topicId: 4,
        audiences: ['enterprise'],
        publishedAt: '2026-03-02T01:00:00.000Z',
      },
    ]);
    expect(asked).toEqual([['2026-03-01T00:00:00.000Z', 10]]);
  });

  it('is left out without the qa module or before it offers publishedSince', () => {
    expect(connect(undefined).all()).toEqual([]);
    expect(connect({ deps: {} }).all()).toEqual([]);
  });
});
