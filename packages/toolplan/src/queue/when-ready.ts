import type { RedisClient } from './load-queue-packages.js';
import { QueueConnectionError } from './queue-connection-error.js';
import type { ResolvedRedisOptions } from './redis-connection.js';

/**
 * Waits until `client` is connected, or fails after `timeoutMs` (ioredis itself would retry, and
 * keep the commands sent meanwhile waiting, for ever).
 */
export function whenReady(
  client: RedisClient,
  options: ResolvedRedisOptions,
  timeoutMs: number,
): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError: unknown;
    const onError = (error: Error) => {
      lastError = error;
    };
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      client.off('error', onError);
      reject(
        new QueueConnectionError({
          host: options.host,
          port: options.port,
          timeoutMs,
          cause: lastError,
        }),
      );
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      client.off('error', onError);
      resolve();
    };
    client.once('ready', onReady);
    client.on('error', onError);
  });
}
