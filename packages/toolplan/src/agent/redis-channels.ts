import type { RedisConnection } from './redis-connection.js';

/**
 * Messages of the channels a store listens to, over its one subscriber connection: handlers by
 * channel, subscribed while at least one listens.
 */
export class RedisChannels {
  readonly #connection: RedisConnection;
  readonly #handlers = new Map<string, Set<(message: string) => void>>();

  constructor(connection: RedisConnection) {
    this.#connection = connection;
    connection.on('message', ((channel: string, message: string) => {
      for (const handler of this.#handlers.get(channel) ?? []) handler(message);
    }) as (...args: never[]) => void);
  }

  /** Listens to `channel` until the returned function is called; resolves once subscribed. */
  async listen(channel: string, handler: (message: string) => void): Promise<() => void> {
    let handlers = this.#handlers.get(channel);
    const first = handlers === undefined;
    if (handlers === undefined) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
    }
    handlers.add(handler);
    if (first) await this.#connection.subscribe(channel);
    const set = handlers;
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.#handlers.get(channel) === set) {
        this.#handlers.delete(channel);
        this.#connection.unsubscribe(channel).catch(() => undefined);
      }
    };
  }
}
