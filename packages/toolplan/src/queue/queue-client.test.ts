import { afterEach, describe, expect, it } from 'vitest';
import { createQueueClient, type QueueClient } from './queue-client.js';
import { resolveQueueLocation } from './queue-options.js';
import {
  DELETE_PREFIX_SCRIPT,
  redisReachable,
  redisRequired,
  TEST_REDIS_URL,
  uniquePrefix,
} from './redis-test-server.test-utils.js';

const reachable = await redisReachable();
if (!reachable && !redisRequired) {
  process.stderr.write(`skipping queue-client.test.ts: no Redis at ${TEST_REDIS_URL}\n`);
}

describe.runIf(reachable || redisRequired)('createQueueClient', () => {
  const clients: QueueClient[] = [];
  let prefix = '';
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
  });

  const open = () => {
    prefix = uniquePrefix();
    const client = createQueueClient(
      resolveQueueLocation({
        of: 'test',
        given: { connection: TEST_REDIS_URL, prefix, queueName: 'tools' },
        known: ['connection', 'prefix', 'queueName'],
      }),
      'test',
    );
    clients.push(client);
    return client;
  };

  it('hears every event written once it connected, however late its first read of the stream', async () => {
    // BullMQ's default reads from `$`, the end of the stream when its first blocking read reaches
    // Redis: an event written before that (a job finished at once) was never heard, and the call
    // waiting on it waited out its time-out.
    const client = open();
    const { redis, events } = await client.connect();
    const heard = new Promise<string>((resolve) => {
      events.on(
        'completed:j1' as never,
        ((args: { returnvalue: unknown }) => resolve(String(args.returnvalue))) as never,
      );
    });
    // At once: the events connection has not read the stream yet.
    await redis.call(
      'XADD',
      `${prefix}:tools:events`,
      '*',
      'event',
      'completed',
      'jobId',
      'j1',
      'returnvalue',
      '"done"',
    );
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('not heard'), 3000));
    expect(await Promise.race([heard, timeout])).toBe('done');
    await redis.eval(DELETE_PREFIX_SCRIPT, 0, prefix);
  });
});
