import {
  loadQueuePackages,
  type BullQueue,
  type BullQueueEvents,
  type RedisClient,
} from './load-queue-packages.js';
import type { ResolvedQueueLocation } from './queue-options.js';
import { whenReady } from './when-ready.js';

export interface QueueConnections {
  /** Commands on the idempotency records and cancellations. */
  redis: RedisClient;
  queue: BullQueue;
  /** BullMQ's event stream (a blocking connection of its own): how a caller hears a job finish. */
  events: BullQueueEvents;
}

/**
 * The agent side's connections to one queue, opened on the first call and shared by every tool
 * queued together: three connections, however many tools and calls.
 */
export function createQueueClient(location: ResolvedQueueLocation, neededBy: string) {
  const bullOptions = {
    connection: { ...location.redis, maxRetriesPerRequest: null },
    prefix: location.prefix,
  };
  let connecting: Promise<QueueConnections> | undefined;
  let closed = false;
  return {
    connect(): Promise<QueueConnections> {
      if (closed) return Promise.reject(new Error(`${neededBy} is closed`));
      return (connecting ??= loadQueuePackages(neededBy).then(async (packages) => {
        const redis = packages.createRedis(location.redis);
        // Connection errors surface as failed calls (and ioredis reconnects); an `error` event
        // without a listener would end the process instead.
        redis.on('error', () => {});
        try {
          await whenReady(redis, location.redis, location.connectTimeoutMs);
        } catch (error) {
          // Not cached: the next call tries again, Redis may be back.
          redis.disconnect();
          connecting = undefined;
          throw error;
        }
        const queue = packages.createQueue(location.queueName, bullOptions);
        // BullMQ's QueueEvents reads the event stream from `$`, the stream's end when its first
        // blocking read reaches Redis, which may be after our first jobs finished: measured, a
        // fleet's agents started under load missed completions and waited a whole time-out. From
        // the id of the stream's last event now, no event of a job added from here on is missed.
        const lastEventId = await lastStreamId(
          redis,
          `${location.prefix}:${location.queueName}:events`,
        );
        const events = packages.createQueueEvents(location.queueName, {
          ...bullOptions,
          lastEventId,
        });
        queue.on('error', () => {});
        // Every call waiting on its job adds a listener to the queue (BullMQ's
        // `waitUntilFinished`): many calls in flight are normal, not a leak to warn of.
        queue.setMaxListeners(0);
        events.on('error', () => {});
        return { redis, queue, events };
      }));
    },
    async close(): Promise<void> {
      closed = true;
      const pending = connecting;
      connecting = undefined;
      if (pending === undefined) return;
      const connections = await pending.catch(() => undefined);
      if (connections === undefined) return;
      const { redis, queue, events } = connections;
      await Promise.allSettled([events.close(), queue.close()]);
      await redis.quit().catch(() => {});
    },
  };
}

export type QueueClient = ReturnType<typeof createQueueClient>;

/** The id of a stream's last entry, or `0-0` (before any) when it has none yet. */
async function lastStreamId(redis: RedisClient, key: string): Promise<string> {
  const [last] = (await redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)) as Array<
    [string, string[]]
  >;
  return last?.[0] ?? '0-0';
}
