/** OpenAI caches prompts of at least this many tokens… */
export const MIN_CACHED_PREFIX_TOKENS = 1024;
/** …and reports cache hits in steps of this many tokens. */
export const CACHE_INCREMENT_TOKENS = 128;

/**
 * What OpenAI reports as `cached_tokens` for a prefix of `sharedTokens` tokens identical to an
 * earlier prompt: nothing below 1,024 tokens, else the prefix rounded down to a multiple of 128.
 */
export function cachedTokensFor(sharedTokens: number): number {
  if (sharedTokens < MIN_CACHED_PREFIX_TOKENS) return 0;
  return Math.floor(sharedTokens / CACHE_INCREMENT_TOKENS) * CACHE_INCREMENT_TOKENS;
}

/** Length of the common prefix of two token arrays. */
export function sharedPrefixLength(left: ArrayLike<number>, right: ArrayLike<number>): number {
  const length = Math.min(left.length, right.length);
  let index = 0;
  while (index < length && left[index] === right[index]) index += 1;
  return index;
}

/**
 * The recent prompts a provider still holds in its prefix cache, least recently used first out.
 * Entries do not expire by time: OpenAI keeps them 5–10 minutes idle, longer than any benchmark
 * scenario takes, and a wall-clock expiry would misbehave under `speed`.
 */
export class PromptCache {
  readonly #capacity: number;
  // Insertion order of a Map is the recency order: re-inserting moves an entry to the back.
  readonly #entries = new Map<string, Uint32Array>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /**
   * The cached tokens this prompt would be billed with, then remembers the prompt. A prompt only
   * hits prompts seen before it, never itself.
   */
  lookupAndStore(tokens: readonly number[]): number {
    let best = 0;
    let bestKey: string | undefined;
    for (const [key, entry] of this.#entries) {
      const shared = sharedPrefixLength(entry, tokens);
      if (shared > best) {
        best = shared;
        bestKey = key;
      }
    }
    if (bestKey !== undefined) {
      const entry = this.#entries.get(bestKey) as Uint32Array;
      this.#entries.delete(bestKey);
      this.#entries.set(bestKey, entry);
    }
    this.#store(tokens);
    return cachedTokensFor(best);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #store(tokens: readonly number[]): void {
    const array = Uint32Array.from(tokens);
    const key = fingerprint(array);
    this.#entries.delete(key);
    this.#entries.set(key, array);
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}

// Identical prompts share one entry. A collision of this 32-bit hash only drops an entry early.
function fingerprint(tokens: Uint32Array): string {
  let hash = 2166136261;
  for (const token of tokens) {
    hash ^= token;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return `${tokens.length}:${hash.toString(16)}`;
}
