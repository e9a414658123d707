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
        const events = packages.createQueueEvents(location.queueName, bullOptions);
        queue.on('error', () => {});
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
