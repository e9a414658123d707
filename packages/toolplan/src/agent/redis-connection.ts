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
