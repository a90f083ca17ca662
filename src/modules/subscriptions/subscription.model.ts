/**
 * 政策找人 (issue 14 item 7): what a subscriber can choose, the states of a subscription, the item a source
 * gives the digest, and the matching rule. Pure: no database, no HTTP.
 */
import { z } from 'zod';

/** pending (double opt-in not yet confirmed) → confirmed → unsubscribed. */
export const SUBSCRIPTION_STATES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const SUBSCRIPTION_STATE_LABELS: Record<SubscriptionState, string> = {
  pending: '待确认',
  confirmed: '已确认',
  unsubscribed: '已退订',
};

/** What a subscriber can receive. */
export const SUBSCRIPTION_KINDS = ['document', 'interpretation', 'normative', 'qa'] as const;
export type SubscriptionKind = (typeof SUBSCRIPTION_KINDS)[number];
export const SUBSCRIPTION_KIND_LABELS: Record<SubscriptionKind, string> = {
  document: '政府信息',
  interpretation: '政策解读',
  normative: '规范性文件',
  qa: '政策问答',
};

/** 对象 (the same keys as the 问答库's tags). */
export const SUBSCRIPTION_AUDIENCES = ['enterprise', 'individual'] as const;
export type SubscriptionAudience = (typeof SUBSCRIPTION_AUDIENCES)[number];
export const SUBSCRIPTION_AUDIENCE_LABELS: Record<SubscriptionAudience, string> = {
  enterprise: '企业',
  individual: '个人',
};

/** The consent line the subscriber must tick (个人信息保护法 第十四条: consent given freely and expressly). */
export const CONSENT_TEXT =
  '我同意本网站使用上述电子邮箱向我发送所选政策信息的邮件；邮箱地址加密保存，仅用于本订阅，可随时一键退订。';

/** Choices of one subscription; an empty list means "any". */
export interface SubscriptionChoices {
  topics: number[];
  units: number[];
  audiences: SubscriptionAudience[];
  kinds: SubscriptionKind[];
}

/** One newly published thing a source offers the digest. */
export interface SubscriptionItem {
  kind: SubscriptionKind;
  id: number;
  title: string;
  /** Site path (or absolute URL) of the item's public page. */
  href: string;
  unitId: number;
  topicId: number | null;
  /** 对象 tags; empty = for everyone. */
  audiences: string[];
  /** ISO timestamp. */
  publishedAt: string;
}

/**
 * A source of items: 主动公开's documents, the 问答库, or any module that registers one
 * (`subscriptions.sources.register`). `since` returns items published strictly after `sinceIso`,
 * oldest first, at most `limit`.
 */
export interface SubscriptionSource {
  /** Stable key, part of the sent-log's uniqueness (e.g. 'documents', 'qa'). */
  kind: string;
  label: string;
  since(sinceIso: string, limit: number): Promise<SubscriptionItem[]>;
}

/** What matching needs to know about units: the path of each unit id (sub-units share the prefix). */
export type UnitPaths = ReadonlyMap<number, string>;

/**
 * Whether `item` matches `c`: every non-empty choice must be met. A unit choice includes its sub-units;
 * an item without 对象 tags is for everyone, so it matches any 对象 choice.
 */
export function matches(c: SubscriptionChoices, item: SubscriptionItem, paths: UnitPaths): boolean {
  if (c.kinds.length && !c.kinds.includes(item.kind)) return false;
  if (c.topics.length && (item.topicId === null || !c.topics.includes(item.topicId))) return false;
  if (
    c.audiences.length &&
    item.audiences.length &&
    !item.audiences.some((a) => c.audiences.includes(a as SubscriptionAudience))
  )
    return false;
  if (c.units.length) {
    const path = paths.get(item.unitId);
    if (path === undefined) return false;
    const under = c.units.some((u) => {
      const p = paths.get(u);
      return p !== undefined && path.startsWith(p);
    });
    if (!under) return false;
  }
  return true;
}

/** Every value of a form field as a list of strings (a checkbox group sends one value or several). */
export function listOf(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x).trim()).filter(Boolean);
}

/** Upper bound of each choice list (a form has no more options than this). */
const MAX_CHOICES = 200;

/**
 * The choices of a form or a feed query, checked against what exists. Unknown values are refused with a
 * message naming the field (never silently dropped: the subscriber would receive something else).
 */
export function choicesSchema(known: { topicIds: ReadonlySet<number>; unitIds: ReadonlySet<number> }) {
  const ids = (label: string, set: ReadonlySet<number>) =>
    z.preprocess(
      listOf,
      z
        .array(z.string())
        .max(MAX_CHOICES, `${label}选择过多`)
        .refine(
          (l) => l.every((v) => /^\d{1,9}$/.test(v) && set.has(Number(v))),
          `${label}选择有误，请从列表中选择`,
        )
        .transform((l) => [...new Set(l.map(Number))]),
    );
  const keys = <K extends string>(label: string, all: readonly K[]) =>
    z.preprocess(
      listOf,
      z
        .array(z.string())
        .max(MAX_CHOICES, `${label}选择过多`)
        .refine(
          (l) => l.every((v) => (all as readonly string[]).includes(v)),
          `${label}选择有误，请从列表中选择`,
        )
        .transform((l) => [...new Set(l)] as K[]),
    );
  return z.object({
    topics: ids('主题', known.topicIds),
    units: ids('发布单位', known.unitIds),
    audiences: keys('对象', SUBSCRIPTION_AUDIENCES),
    kinds: keys('信息类别', SUBSCRIPTION_KINDS),
  });
}

/** Whether a subscription chose nothing at all (it would receive every item: allowed, but said plainly). */
export const choosesEverything = (c: SubscriptionChoices) =>
  !c.topics.length && !c.units.length && !c.audiences.length && !c.kinds.length;
