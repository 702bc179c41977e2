/**
 * A short-lived, in-memory cache of whole pages for signed-out visitors.
 *
 * Rendering a page with React costs milliseconds of CPU; the same bytes from
 * memory cost microseconds. Signed-out visitors (most buyers arriving from a
 * link on LINE or Facebook) all get the same HTML for a URL, because such pages
 * carry nothing personal: no user, no CSRF token (see app/root.tsx). So a page
 * rendered for one is kept for a few seconds and served to the next.
 *
 * Only what is provably shareable is kept: GET requests without a session
 * cookie, for storefront paths, answered 200 without Set-Cookie. The key holds
 * everything else that shapes such a page: host (absolute links), path and
 * query, and the remembered province (home's "groups near you"). A change by
 * a group (stock, photos) empties the cache of every app instance as soon as
 * it commits (page-cache-sync.server.ts); the TTL only bounds the rest.
 */
import { gzipSync } from "node:zlib";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** gzip of the body, made on the first request that accepts it. */
  gzip?: Buffer;
  /** The Content-Security-Policy nonce the body was rendered with; it is sent with the body. */
  nonce?: string;
  expiresAt: number;
}

/** Storefront pages and their Remix data requests (`.data`), in either language. */
const CACHEABLE_PATH = /^(?:\/en)?(?:\/|\/_root\.data|\.data|\/(?:products|groups|categories|provinces)\/[a-z0-9-]+(?:\.data)?)?$/;

export interface PageRequest {
  method: string;
  host: string;
  path: string;
  /** The query string including "?", or "". */
  search: string;
  cookies: Record<string, string>;
}

/** The cache key for a request, or null when its page may not be shared. */
export function pageCacheKey(request: PageRequest): string | null {
  if (request.method !== "GET") return null;
  if (request.cookies.__session) return null;
  if (!CACHEABLE_PATH.test(request.path)) return null;
  return `${request.host}\u0000${request.path}${request.search}\u0000${request.cookies.province ?? ""}`;
}

/** Whether a rendered response may be kept for others. */
export function isShareable(status: number, headers: Headers): boolean {
  return status === 200 && !headers.has("set-cookie");
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  /** What the budget counts: bodies and gzips of the entries held, nothing else. */
  private bytes = 0;

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; maxBytes: number; now?: () => number },
  ) {}

  private now() {
    return (this.options.now ?? Date.now)();
  }

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    // Map order is recency order: re-insert on use so the oldest unused goes first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Counts clears. A render that began before a clear read the old data; keeping its page would
   * serve that for a whole TTL after the change, so `set` refuses pages from an older generation.
   */
  generation = 0;

  /**
   * Keeps the page (the same object, so a gzip made for this response is kept with it), unless
   * the cache was cleared since `renderedAt` (the generation when its rendering began).
   */
  set(key: string, page: CachedPage, renderedAt = this.generation) {
    if (renderedAt !== this.generation) return;
    if (page.body.length > this.options.maxBytes / 10) return;
    this.delete(key);
    page.expiresAt = this.now() + this.options.ttlMs;
    this.entries.set(key, page);
    this.bytes += page.body.length + (page.gzip?.length ?? 0);
    while (this.entries.size > this.options.maxEntries || this.bytes > this.options.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  /**
   * The gzipped body, compressed once per entry. Responses that were never kept
   * (404s, pages that set a cookie) pass through here too; only a kept entry's
   * gzip counts against the budget, or those would fill it with bytes nobody holds.
   */
  gzipOf(entry: CachedPage): Buffer {
    if (!entry.gzip) {
      entry.gzip = gzipSync(entry.body);
      if (this.holds(entry)) this.bytes += entry.gzip.length;
    }
    return entry.gzip;
  }

  private holds(entry: CachedPage): boolean {
    for (const held of this.entries.values()) if (held === entry) return true;
    return false;
  }

  clear() {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size() {
    return this.entries.size;
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length + (entry.gzip?.length ?? 0);
    this.entries.delete(key);
  }
}
