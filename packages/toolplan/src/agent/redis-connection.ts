/**
 * The part of an ioredis client the store uses, so that neither the library nor its `.d.ts`
 * needs ioredis's types (ioredis is an optional peer, loaded only when a store is configured).
 */
export interface RedisConnection {
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
  subscribe(...channels: string[]): Promise<unknown>;
  unsubscribe(...channels: string[]): Promise<unknown>;
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  connect(): Promise<void>;
  quit(): Promise<unknown>;
  disconnect(): void;
  duplicate(): RedisConnection;
  readonly status: string;
}

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
