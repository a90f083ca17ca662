/**
 * In-process cache of rendered anonymous public responses (document pages, the home page, column lists,
 * feeds): a size-bounded LRU whose entries live at most `ttlMs` and only as long as the **public content
 * generation** they were rendered under.
 *
 * The generation is the id of the newest audit event plus the China-time date (see
 * PublicDocumentRepository#contentGeneration): every state change writes an audit event in its own
 * transaction, so publishing, withdrawing, correcting, column/unit/topic edits — in this process or any
 * other process on the same database — change the generation, and the next request starts an empty cache.
 * The date part covers what a page derives from "today" (year filters, dates of effect). Pure: no I/O.
 */

/** A stored response: the body as sent and its validator. */
export interface CachedResponse {
  body: Buffer;
  etag: string;
  contentType: string;
  /** The body differs with cookies (长者模式), so shared caches must key on them. */
  varyCookie: boolean;
}

interface Entry extends CachedResponse {
  storedAt: number;
}

export interface PublicPageCacheOptions {
  /** Upper bound of the stored bodies in bytes; 0 turns the cache off. */
  maxBytes: number;
  /** How long an entry may be served; never longer than the public Cache-Control max-age. */
  ttlMs: number;
  /** Most entries kept, whatever their size. */
  maxEntries?: number;
  /** Monotonic milliseconds (injectable for tests). */
  now?: () => number;
}

/** PUBLIC_PAGE_CACHE_MB's default: 32 MB holds ≈1,000 document pages. */
export const DEFAULT_PUBLIC_PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** Most entries kept by default (many small column-list variants would otherwise crowd the map). */
const PUBLIC_PAGE_CACHE_MAX_ENTRIES = 5_000;
/** A body larger than this share of the cache is not stored (one huge sitemap must not evict all pages). */
const MAX_ENTRY_SHARE = 8;

export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private generation: string | null = null;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly opts: PublicPageCacheOptions) {
    this.maxEntries = opts.maxEntries ?? PUBLIC_PAGE_CACHE_MAX_ENTRIES;
    this.now = opts.now ?? (() => performance.now());
  }

  get enabled(): boolean {
    return this.opts.maxBytes > 0;
  }

  /** Entries and bytes held (for tests and diagnostics). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The entry for `key` rendered under `generation`, or undefined. Seeing a new generation empties the
   * cache: everything in it was rendered from older data.
   */
  get(key: string, generation: string): CachedResponse | undefined {
    if (generation !== this.generation) {
      this.clear();
      this.generation = generation;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > this.opts.ttlMs) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used last: Map iteration order is insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a response rendered under `generation`. A response rendered under a generation that is no
   * longer current (the data changed while it was rendered) is dropped.
   */
  set(key: string, generation: string, response: CachedResponse): void {
    if (!this.enabled || generation !== this.generation) return;
    const size = response.body.byteLength + key.length;
    if (size > this.opts.maxBytes / MAX_ENTRY_SHARE) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...response, storedAt: this.now() });
    this.bytes += size;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.opts.maxBytes && this.entries.size <= this.maxEntries) break;
      this.remove(k, e);
    }
  }

  /** Forgets everything (the next request renders afresh). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength + key.length;
  }
}
