import { loadOptionalPackage } from '../tools/index.js';
import type { ResolvedRedisOptions } from './redis-connection.js';

// The parts of ioredis and BullMQ toolplan uses, typed here so that the library type-checks, and
// its declarations hold, without either package installed (they are optional peers).

export interface RedisClient {
  set(key: string, value: string, ...args: (string | number)[]): Promise<string | null>;
  get(key: string): Promise<string | null>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  publish(channel: string, message: string): Promise<number>;
  /** Any command (ioredis's `call`). */
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  /** `ready` once connected. */
  readonly status: string;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
}

export interface BullJob {
  readonly id?: string;
  readonly name: string;
  readonly data: unknown;
  waitUntilFinished(events: BullQueueEvents, ttl?: number): Promise<unknown>;
}

export interface BullQueue {
  add(name: string, data: unknown, options: Record<string, unknown>): Promise<BullJob>;
  getJob(id: string): Promise<BullJob | undefined>;
  remove(id: string): Promise<number>;
  close(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** An EventEmitter's. */
  setMaxListeners(count: number): unknown;
}

export interface BullQueueEvents {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface BullWorker {
  waitUntilReady(): Promise<unknown>;
  close(force?: boolean): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type BullProcessor = (
  job: BullJob,
  token?: string,
  signal?: AbortSignal,
) => Promise<unknown>;

export interface QueuePackages {
  createRedis(options: ResolvedRedisOptions): RedisClient;
  createQueue(name: string, options: Record<string, unknown>): BullQueue;
  createQueueEvents(name: string, options: Record<string, unknown>): BullQueueEvents;
  createWorker(
    name: string,
    processor: BullProcessor,
    options: Record<string, unknown>,
  ): BullWorker;
}

interface IoredisModule {
  Redis?: new (options: ResolvedRedisOptions) => RedisClient;
  default?: new (options: ResolvedRedisOptions) => RedisClient;
}

interface BullmqModule {
  Queue: new (name: string, options: Record<string, unknown>) => BullQueue;
  QueueEvents: new (name: string, options: Record<string, unknown>) => BullQueueEvents;
  Worker: new (
    name: string,
    processor: BullProcessor,
    options: Record<string, unknown>,
  ) => BullWorker;
}

/** Loads bullmq and ioredis when a queued tool or a worker first needs them. */
export async function loadQueuePackages(neededBy: string): Promise<QueuePackages> {
  const remedy = 'Install it beside toolplan: npm install bullmq ioredis';
  const [ioredis, bullmq] = await Promise.all([
    loadOptionalPackage<IoredisModule>({ name: 'ioredis', neededBy, remedy }),
    loadOptionalPackage<BullmqModule>({ name: 'bullmq', neededBy, remedy }),
  ]);
  const Redis = (ioredis.Redis ?? ioredis.default) as NonNullable<IoredisModule['Redis']>;
  return {
    createRedis: (options) => new Redis(options),
    createQueue: (name, options) => new bullmq.Queue(name, options),
    createQueueEvents: (name, options) => new bullmq.QueueEvents(name, options),
    createWorker: (name, processor, options) => new bullmq.Worker(name, processor, options),
  };
}
