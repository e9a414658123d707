/** How a result cache has done so far. */
export interface ResultCacheStats {
  /** Entries held (expired ones are not counted). */
  size: number;
  hits: number;
  misses: number;
  /** `hits / (hits + misses)`, 0 before the first lookup. */
  hitRate: number;
}

/**
 * Where results of read-only tools with `ttlMs` are kept between calls (DESIGN.md, "Tools").
 * Keys are the tool's name and the canonical arguments, strings so that a shared store (Redis,
 * say) can replace the in-process LRU of `createLruResultCache` later.
 *
 * Values are handed out as they were stored, not copied: tools' results are treated as immutable.
 */
export interface ResultCache {
  /** The entry under `key`, boxed so that a cached `undefined` is still a hit; counts a hit or miss. */
  get(key: string): { value: unknown } | undefined;
  /** Keeps `value` for `ttlMs` milliseconds (a `ttlMs` ≤ 0 keeps nothing). */
  set(key: string, value: unknown, ttlMs: number): void;
  delete(key: string): boolean;
  /** Entries held (expired ones are not counted). */
  readonly size: number;
  stats(): ResultCacheStats;
}
