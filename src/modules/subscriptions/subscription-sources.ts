/**
 * The extension point `subscriptions.sources`: modules register what can be pushed to subscribers. Two
 * sources are built in: 主动公开's published documents and the 问答库's published entries (when the qa
 * module is present and offers `entries.publishedSince`).
 */
import type { SubscriptionItem, SubscriptionKind, SubscriptionSource } from './subscription.model.ts';
import type { SubscriptionRepository } from './subscription.repository.ts';

export class SubscriptionSources {
  private readonly list: SubscriptionSource[] = [];

  /** Adds a source; its `kind` must be new (a second registration is a bug). */
  register(source: SubscriptionSource): void {
    if (this.list.some((s) => s.kind === source.kind))
      throw new Error(`subscription source “${source.kind}” is registered twice`);
    this.list.push(source);
  }

  all(): readonly SubscriptionSource[] {
    return this.list;
  }
}

/** 政策解读. */
const INTERPRETATION_KINDS = new Set(['interpretation']);
/**
 * 规范性文件: the 规范性文件库's kinds 规章 ('regulation') and 行政规范性文件 ('normative') (see
 * src/modules/policies/policy.model.ts POLICY_KINDS); '其他政策文件' and every other kind are 政府信息.
 */
const NORMATIVE_KINDS = new Set(['regulation', 'normative']);

/** The subscription kind of a publishing document kind. */
export function kindOfDocument(documentKind: string): SubscriptionKind {
  if (INTERPRETATION_KINDS.has(documentKind)) return 'interpretation';
  if (NORMATIVE_KINDS.has(documentKind)) return 'normative';
  return 'document';
}

/** 主动公开's newly published documents. Documents carry no 对象 tag: they are for everyone. */
export function documentsSource(repo: SubscriptionRepository): SubscriptionSource {
  return {
    kind: 'documents',
    label: '主动公开的政府信息',
    async since(sinceIso, limit) {
      const rows = await repo.documentsSince(sinceIso, limit);
      return rows.map(
        (r): SubscriptionItem => ({
          kind: kindOfDocument(r.kind),
          id: r.id,
          title: r.title,
          href: `/documents/${r.id}`,
          unitId: r.unit_id,
          topicId: r.topic_id,
          audiences: [],
          publishedAt: r.published_at ?? sinceIso,
        }),
      );
    },
  };
}

/** What the qa module offers (issue 14 contract, qa-context.md), used structurally. */
export interface QaEntriesSince {
  publishedSince(
    sinceIso: string,
    limit: number,
  ): Promise<
    {
      id: number;
      question: string;
      unitId: number;
      topicId: number | null;
      audiences: string[];
      publishedAt: string;
      href: string;
    }[]
  >;
}

/** The 问答库's newly published entries. */
export function qaSource(entries: QaEntriesSince): SubscriptionSource {
  return {
    kind: 'qa',
    label: '政策问答',
    async since(sinceIso, limit) {
      return (await entries.publishedSince(sinceIso, limit)).map(
        (e): SubscriptionItem => ({
          kind: 'qa',
          id: e.id,
          title: e.question,
          href: e.href,
          unitId: e.unitId,
          topicId: e.topicId,
          audiences: e.audiences,
          publishedAt: e.publishedAt,
        }),
      );
    },
  };
}
