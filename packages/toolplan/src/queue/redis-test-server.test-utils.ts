import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';

/** The machine's Redis (`.ci/run` starts it); another with `TOOLPLAN_TEST_REDIS_URL`. */
export const TEST_REDIS_URL = process.env['TOOLPLAN_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Under CI an unreachable Redis fails the tests that need it; elsewhere they skip. */
export const redisRequired = (process.env['CI'] ?? '') !== '';

/** Whether Redis answers a PING within a second. */
export function redisReachable(url = TEST_REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A key prefix no other test, file or engineer on the same server uses. */
export function uniquePrefix(): string {
  return `toolplan-test-${randomUUID().slice(0, 12)}`;
}

/** Deletes every key under `prefix`; returns how many there were. */
export const DELETE_PREFIX_SCRIPT = `
local keys = redis.call('KEYS', ARGV[1] .. ':*')
for i = 1, #keys, 500 do
  redis.call('DEL', unpack(keys, i, math.min(i + 499, #keys)))
end
return #keys
`;

/** Polls `check` until it holds; fails naming `what` after 20 s. */
export async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
