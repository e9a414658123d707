import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from './clock.js';
import type { ResultCache, ResultCacheStats } from './result-cache.js';

export interface LruResultCacheOptions {
  /**
   * Most entries kept; the least recently used goes first.
   * @default 1000
   */
  maxEntries?: number;
  /**
   * What time-to-live is measured on. Give it the clock the runs use (a virtual clock in tests).
   * @default the system clock (what `executePlan` uses by default)
   */
  clock?: Clock;
}

/**
 * An in-process {@link ResultCache}: an LRU (lru-cache) whose TTL is measured on `clock`.
 *
 * lru-cache reads time through its `perf` option, so we hand it the clock, and set
 * `ttlResolution: 0` because otherwise it caches "now" and clears that with a real `setTimeout`
 * (a timer outside the virtual clock). There is no auto-purge either (it would schedule timers):
 * expiry is checked when an entry is read, and `size` purges stale entries first.
 */
export function createLruResultCache(options: LruResultCacheOptions = {}): ResultCache {
  const maxEntries = options.maxEntries ?? 1000;
  if (!(Number.isInteger(maxEntries) && maxEntries > 0)) {
    throw new TypeError(
      `Expected \`maxEntries\` to be a positive integer, got \`${String(maxEntries)}\``,
    );
  }
  const clock = options.clock ?? systemClock;
  const lru = new LRUCache<string, { value: unknown }>({
    max: maxEntries,
    ttlResolution: 0,
    perf: { now: () => clock.now() },
  });
  let hits = 0;
  let misses = 0;
  const size = (): number => {
    lru.purgeStale();
    return lru.size;
  };
  return {
    get(key) {
      const entry = lru.get(key);
      if (entry === undefined) misses += 1;
      else hits += 1;
      return entry;
    },
    set(key, value, ttlMs) {
      // lru-cache reads a ttl of 0 as "never expires": keep nothing instead.
      if (!(ttlMs > 0)) return;
      lru.set(key, { value }, { ttl: ttlMs });
    },
    delete: (key) => lru.delete(key),
    get size() {
      return size();
    },
    stats(): ResultCacheStats {
      const lookups = hits + misses;
      return { size: size(), hits, misses, hitRate: lookups === 0 ? 0 : hits / lookups };
    },
  };
}
