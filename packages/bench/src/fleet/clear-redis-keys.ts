import { Redis } from 'ioredis';

/**
 * Deletes every key matching one of `patterns` (`SCAN … MATCH`, then `UNLINK` in pages): what a
 * bench run wrote to a Redis server that is not its own.
 */
export async function clearRedisKeys(options: {
  url: string;
  patterns: readonly string[];
}): Promise<number> {
  const redis = new Redis(options.url, { maxRetriesPerRequest: 1 });
  let removed = 0;
  try {
    for (const pattern of options.patterns) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) removed += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    await redis.quit();
  }
  return removed;
}
