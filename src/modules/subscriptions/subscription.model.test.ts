import { describe, expect, it } from 'vitest';
import { parseInput } from '../../lib/validation.ts';
import {
  choicesSchema,
  matches,
  type SubscriptionChoices,
  type SubscriptionItem,
} from './subscription.model.ts';
import { nextSince } from './subscription-digest.ts';
import { FEED_SIZE, feedItems } from './subscription-feed.ts';
import { linkValid, signLink, tokenId } from './subscription-links.ts';
import { digestMail, manageUrls } from './subscription-mails.ts';
import { kindOfDocument, SubscriptionSources } from './subscription-sources.ts';

const paths = new Map([
  [1, '/1/'],
  [4, '/1/4/'],
  [9, '/1/4/9/'],
  [5, '/1/5/'],
]);
const item = (over: Partial<SubscriptionItem> = {}): SubscriptionItem => ({
  kind: 'document',
  id: 1,
  title: '关于做好低保工作的通知',
  href: '/documents/1',
  unitId: 9,
  topicId: 3,
  audiences: [],
  publishedAt: '2026-03-02T01:00:00.000Z',
  ...over,
});
const any: SubscriptionChoices = { topics: [], units: [], audiences: [], kinds: [] };

describe('matches', () => {
  it.each<[string, Partial<SubscriptionChoices>, Partial<SubscriptionItem>, boolean]>([
    ['no choice matches everything', {}, {}, true],
    ['kind chosen', { kinds: ['document'] }, {}, true],
    ['other kind', { kinds: ['qa'] }, {}, false],
    ['topic chosen', { topics: [3] }, {}, true],
    ['other topic', { topics: [2] }, {}, false],
    ['topic chosen, item without topic', { topics: [3] }, { topicId: null }, false],
    ['unit chosen: the unit itself', { units: [9] }, {}, true],
    ['unit chosen: a sub-unit (two levels down)', { units: [1] }, {}, true],
    ['unit chosen: a sibling is not included', { units: [5] }, {}, false],
    ['对象 chosen, item for everyone', { audiences: ['enterprise'] }, {}, true],
    ['对象 chosen, item for 企业', { audiences: ['enterprise'] }, { audiences: ['enterprise'] }, true],
    ['对象 chosen, item for 个人 only', { audiences: ['enterprise'] }, { audiences: ['individual'] }, false],
    ['all choices must hold', { kinds: ['document'], units: [5] }, {}, false],
  ])('%s', (_name, c, i, expected) => {
    expect(matches({ ...any, ...c }, item(i), paths)).toBe(expected);
  });
});

describe('choicesSchema', () => {
  const schema = choicesSchema({ topicIds: new Set([1, 3]), unitIds: new Set([1, 4]) });
  it('reads one value or several, deduplicated', () => {
    expect(
      parseInput(schema, { topics: ['3', '3'], units: '4', audiences: 'individual', kinds: ['qa'] }),
    ).toEqual({
      topics: [3],
      units: [4],
      audiences: ['individual'],
      kinds: ['qa'],
    });
  });
  it('refuses unknown values naming each field', () => {
    const r = schema.safeParse({
      topics: '99',
      units: 'x',
      audiences: 'robots',
      kinds: ['document', 'DROP'],
    });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({
      topics: '主题选择有误，请从列表中选择',
      units: '发布单位选择有误，请从列表中选择',
      audiences: '对象选择有误，请从列表中选择',
      kinds: '信息类别选择有误，请从列表中选择',
    });
  });
});

describe('signed links', () => {
  const secret = 'test-secret';
  it('work only for their own subscription, purpose and nonce', () => {
    const t = signLink(secret, 'manage', 7, 'nonce-a');
    expect(tokenId(t)).toBe(7);
    expect(linkValid(secret, 'manage', 7, 'nonce-a', t)).toBe(true);
    expect(linkValid(secret, 'manage', 8, 'nonce-a', t)).toBe(false);
    expect(linkValid(secret, 'confirm', 7, 'nonce-a', t)).toBe(false);
    expect(linkValid(secret, 'manage', 7, 'nonce-b', t)).toBe(false);
    expect(linkValid(secret, 'manage', 7, null, t)).toBe(false);
    expect(linkValid('other', 'manage', 7, 'nonce-a', t)).toBe(false);
    expect(tokenId('7.short')).toBeNull();
    expect(tokenId('<script>')).toBeNull();
  });
});

describe('digest mail', () => {
  const c = { secret: 's', base: 'https://gk.example.gov.cn', site: '示范县人民政府' };
  it('lists the items with absolute links and carries the RFC 8058 headers', () => {
    const urls = manageUrls(c, 3, 'n');
    const m = digestMail(c, urls, [
      item(),
      item({ kind: 'qa', id: 2, title: '低保怎么申请', href: '/qa/2' }),
    ]);
    expect(m.subject).toBe('示范县人民政府：您订阅的政策信息有 2 条更新');
    expect(m.text).toContain('【政府信息】关于做好低保工作的通知\nhttps://gk.example.gov.cn/documents/1');
    expect(m.text).toContain('【政策问答】低保怎么申请\nhttps://gk.example.gov.cn/qa/2');
    expect(m.text).toContain(urls.unsubscribe);
    expect(m.headers).toEqual({
      'List-Unsubscribe': `<${urls.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
  it('has no List-Unsubscribe header without an absolute site address (RFC 8058 needs one)', () => {
    const rel = { ...c, base: '' };
    expect(digestMail(rel, manageUrls(rel, 3, 'n'), [item()]).headers).toBeUndefined();
  });
});

describe('kindOfDocument', () => {
  it.each([
    ['interpretation', 'interpretation'],
    ['normative', 'normative'],
    ['regulation', 'normative'],
    ['policy', 'document'],
    ['document', 'document'],
  ])('%s → %s', (k, expected) => expect(kindOfDocument(k)).toBe(expected));
});

describe('nextSince', () => {
  const since = '2026-03-01T00:00:00.000Z';
  it('starts an hour back after a complete run, just before the page end after a full page', () => {
    expect(nextSince(since, '2026-03-02T00:00:00.000Z', false)).toBe('2026-03-01T23:00:00.000Z');
    expect(nextSince(since, '2026-03-01T05:00:00.000Z', true)).toBe('2026-03-01T04:59:59.999Z');
    // A full page of items all at `since` + 1 ms: the window still moves on.
    expect(nextSince(since, '2026-03-01T00:00:00.001Z', true)).toBe('2026-03-01T00:00:00.001Z');
  });
});

describe('feedItems', () => {
  it('asks a busy source again over a shorter window, so the feed shows the newest items', async () => {
    const now = Date.parse('2026-03-02T00:00:00.000Z');
    // One item a minute for 60 days: far more than a page.
    const all = Array.from({ length: 60 * 24 * 60 }, (_, i) =>
      item({ id: i, publishedAt: new Date(now - (60 * 24 * 60 - i) * 60_000).toISOString() }),
    );
    const sources = new SubscriptionSources();
    sources.register({
      kind: 'busy',
      label: '繁忙',
      since: async (since, limit) => all.filter((i) => i.publishedAt > since).slice(0, limit),
    });
    const got = await feedItems(sources, any, paths, now);
    expect(got).toHaveLength(FEED_SIZE);
    expect(got[0]?.id).toBe(all.length - 1);
  });
});
