import { describe, expect, it } from 'vitest';
import { type CachedResponse, PublicPageCache } from './public-page-cache.ts';

const page = (text: string): CachedResponse => ({
  body: Buffer.from(text),
  etag: `W/"${text}"`,
  contentType: 'text/html; charset=utf-8',
  varyCookie: true,
});

/** A cache on a hand-driven clock. */
function cacheOf(opts: { maxBytes?: number; ttlMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 0 };
  const cache = new PublicPageCache({
    maxBytes: opts.maxBytes ?? 10_000,
    ttlMs: opts.ttlMs ?? 60_000,
    ...(opts.maxEntries ? { maxEntries: opts.maxEntries } : {}),
    now: () => clock.t,
  });
  return { cache, clock };
}

describe('PublicPageCache', () => {
  it('serves an entry for its generation and forgets everything when the generation changes', () => {
    const { cache } = cacheOf();
    expect(cache.get('/a', 'g1')).toBeUndefined();
    cache.set('/a', 'g1', page('a'));
    expect(cache.get('/a', 'g1')?.body.toString()).toBe('a');
    expect(cache.get('/a', 'g2')).toBeUndefined();
    expect(cache.size.entries).toBe(0);
    expect(cache.get('/a', 'g1')).toBeUndefined();
  });

  it('drops a response rendered under a generation that is no longer current', () => {
    const { cache } = cacheOf();
    cache.get('/a', 'g1');
    cache.get('/b', 'g2'); // a change happened while /a was being rendered
    cache.set('/a', 'g1', page('stale'));
    expect(cache.size.entries).toBe(0);
    expect(cache.get('/a', 'g2')).toBeUndefined();
  });

  it('expires entries after the TTL', () => {
    const { cache, clock } = cacheOf({ ttlMs: 60_000 });
    cache.get('/a', 'g');
    cache.set('/a', 'g', page('a'));
    clock.t = 60_000;
    expect(cache.get('/a', 'g')).toBeDefined();
    clock.t = 60_001;
    expect(cache.get('/a', 'g')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('evicts the least recently used entries beyond the byte budget', () => {
    // Budget 800 bytes: 8 entries of ~100 bytes; an entry over 1/8 of the budget is not stored at all.
    const { cache } = cacheOf({ maxBytes: 800 });
    cache.get('/0', 'g');
    for (let i = 0; i < 8; i++) cache.set(`/${i}`, 'g', page('x'.repeat(95)));
    expect(cache.size.entries).toBe(8);
    expect(cache.get('/0', 'g')).toBeDefined(); // /0 is now the most recently used
    cache.set('/8', 'g', page('y'.repeat(95)));
    expect(cache.get('/1', 'g')).toBeUndefined();
    expect(cache.get('/0', 'g')).toBeDefined();
    expect(cache.get('/8', 'g')).toBeDefined();
    expect(cache.size.bytes).toBeLessThanOrEqual(800);
    cache.set('/big', 'g', page('z'.repeat(200)));
    expect(cache.get('/big', 'g')).toBeUndefined();
  });

  it('keeps at most maxEntries entries, and stores nothing when turned off', () => {
    const { cache } = cacheOf({ maxEntries: 2 });
    cache.get('/a', 'g');
    for (const k of ['/a', '/b', '/c']) cache.set(k, 'g', page(k));
    expect(cache.size.entries).toBe(2);
    expect(cache.get('/a', 'g')).toBeUndefined();
    const off = cacheOf({ maxBytes: 0 }).cache;
    expect(off.enabled).toBe(false);
    off.get('/a', 'g');
    off.set('/a', 'g', page('a'));
    expect(off.get('/a', 'g')).toBeUndefined();
  });
});
