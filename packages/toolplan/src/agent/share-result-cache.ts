import { createHash } from 'node:crypto';
import type { ResultCache } from '../runtime/index.js';
import { isJsonValue } from './is-json-value.js';
import type { RedisChannels } from './redis-channels.js';
import type { RedisConnection } from './redis-connection.js';
import { splitScopedKey } from './split-scoped-key.js';

/** A result as Redis keeps it: the value and where it came from. */
interface SharedResult {
  /** The full scoped key (sharing key and call key): checked against the Redis key on read. */
  key: string;
  /** The `shareScope` it was made in: a result is only ever served in this scope. */
  scope: string;
  /** Absent for a cached `undefined`. */
  value?: unknown;
  /** Which process stored it (a random id per store), and when (ISO 8601). */
  origin: string;
  storedAt: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** The Redis key of a result: its scope's digest, then its call's (both inside the namespace). */
export function resultRedisKey(prefix: string, scope: string, scopedKey: string): string {
  return `${prefix}result:${digest(scope)}:${digest(scopedKey)}`;
}

/**
 * A result cache shared through Redis, two levels: the process's own cache (`local`) stays the
 * read path — `get` is synchronous, on the hot path — and Redis is filled from it. A result set
 * here is written to Redis under its scope (`SET … PX ttl`) and announced on the namespace's
 * channel; every process takes it into its own cache with the time it has left, so a result made
 * anywhere serves the next call everywhere within milliseconds. A local miss also asks Redis in
 * the background (for a process that started after the announcement): the call is made this
 * time, and a later one is served.
 *
 * Only results of runs with a `shareScope` leave the process: a run without one shares with its
 * own replans only (DESIGN.md, "Isolation"), which run here. The scope is part of the Redis key
 * and kept in the value, and a value whose scope or key does not match where it was read is
 * dropped, so no result is ever served across scopes. Provenance needs nothing more: a step's
 * sources follow from the plan's references and the step's tool, however its call was served
 * (`StepProvenance`), and the namespace's catalog hash pins the tools' `trusted` marks. Results
 * that JSON would change (a `Date`, `NaN`) are kept locally only.
 */
export function shareResultCache(options: {
  local: ResultCache;
  redis: RedisConnection;
  channels: RedisChannels;
  prefix: string;
  origin: string;
  onError: (error: unknown) => void;
}): { cache: ResultCache; ready: Promise<() => void> } {
  const { local, redis, channels, prefix, origin, onError } = options;
  const channel = `${prefix}results`;
  /** Keys being fetched after a miss, so that a burst of misses asks once. */
  const fetching = new Set<string>();

  const take = async (redisKey: string) => {
    // Time left is counted from before the request: the local copy never outlives Redis's.
    const asked = performance.now();
    const [text, left] = await Promise.all([
      redis.call('GET', redisKey) as Promise<string | null>,
      redis.call('PTTL', redisKey) as Promise<number>,
    ]);
    const ttl = left - (performance.now() - asked);
    if (text === null || !(ttl > 0)) return;
    const shared = JSON.parse(text) as SharedResult;
    const split = splitScopedKey(shared.key);
    if (
      split?.kind !== 'scope' ||
      split.name !== shared.scope ||
      resultRedisKey(prefix, shared.scope, shared.key) !== redisKey
    )
      return;
    local.set(shared.key, 'value' in shared ? shared.value : undefined, ttl);
  };

  const ready = channels.listen(channel, (message) => {
    if (!message.startsWith(prefix)) return;
    take(message).catch(onError);
  });

  const cache: ResultCache = {
    get(key) {
      const hit = local.get(key);
      if (hit !== undefined) return hit;
      const split = splitScopedKey(key);
      if (split?.kind === 'scope') {
        const redisKey = resultRedisKey(prefix, split.name, key);
        if (!fetching.has(redisKey)) {
          fetching.add(redisKey);
          take(redisKey)
            .catch(onError)
            .finally(() => fetching.delete(redisKey));
        }
      }
      return undefined;
    },
    set(key, value, ttlMs) {
      local.set(key, value, ttlMs);
      if (!(ttlMs > 0)) return;
      const split = splitScopedKey(key);
      if (split?.kind !== 'scope') return;
      if (value !== undefined && !isJsonValue(value)) return;
      const shared: SharedResult = {
        key,
        scope: split.name,
        ...(value === undefined ? {} : { value }),
        origin,
        storedAt: new Date().toISOString(),
      };
      const redisKey = resultRedisKey(prefix, split.name, key);
      redis
        .call('SET', redisKey, JSON.stringify(shared), 'PX', Math.ceil(ttlMs))
        .then(() => redis.call('PUBLISH', channel, redisKey))
        .catch(onError);
    },
    delete: (key) => local.delete(key),
    get size() {
      return local.size;
    },
    stats: () => local.stats(),
  };
  return { cache, ready };
}
