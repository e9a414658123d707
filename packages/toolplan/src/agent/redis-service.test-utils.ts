import { Redis } from 'ioredis';

/** The machine's Redis (`.ci/run` starts it); tests skip without it, except under CI. */
export const REDIS_URL = process.env['TOOLPLAN_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const required = (process.env['CI'] ?? '') !== '';

async function reachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Whether to skip the Redis tests: only when Redis is unreachable and CI does not require it. */
export async function skipWithoutRedis(): Promise<boolean> {
  if (await reachable()) return false;
  if (required) return false;
  console.warn(`Skipping the Redis tests: no Redis at ${REDIS_URL} (CI=1 makes this a failure)`);
  return true;
}

/** An application name no other test uses: every key of a test lives under `toolplan:{app}:`. */
export function uniqueApp(): string {
  return `test-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Deletes every key of `app`, and says how many there were. */
export async function dropApp(client: Redis, app: string): Promise<number> {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `toolplan:${app}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) dropped += await client.del(...keys);
  } while (cursor !== '0');
  return dropped;
}
