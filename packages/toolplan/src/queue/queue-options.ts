import { unknownOptionProblems } from '../plan/index.js';
import {
  toRedisOptions,
  type RedisConnection,
  type ResolvedRedisOptions,
} from './redis-connection.js';

/** What the agent side and the workers must agree on: where the queue is. */
export interface QueueLocationOptions {
  /** The Redis server BullMQ and the idempotency records live on. */
  connection: RedisConnection;
  /**
   * The BullMQ queue the calls go through; the agent side and its workers must name the same.
   * @default 'toolplan-tools'
   */
  queueName?: string;
  /**
   * The prefix of every Redis key of the queue (BullMQ's `prefix`), to keep apart several
   * applications, or tests, on one server.
   * @default 'bull'
   */
  prefix?: string;
  /**
   * How long (ms) a call's idempotency record is kept: within it a call with the same key is never
   * run again, and its outcome is returned to a repeat (a run retried with the same run id). It
   * must outlast the finished jobs BullMQ keeps (`keepJobsMs`), so that a repeat never finds
   * neither. The agent side and the workers should give the same value.
   * @default 86_400_000 (one day)
   */
  idempotencyTtlMs?: number;
  /**
   * How long (ms) to wait for Redis when connecting, before failing with a
   * `QueueConnectionError` (a worker when it starts, a queued tool on its first call).
   * @default 10_000
   */
  connectTimeoutMs?: number;
}

export interface ResolvedQueueLocation {
  redis: ResolvedRedisOptions;
  queueName: string;
  prefix: string;
  idempotencyTtlMs: number;
  connectTimeoutMs: number;
}

export const DEFAULT_QUEUE_NAME = 'toolplan-tools';
export const DEFAULT_IDEMPOTENCY_TTL_MS = 86_400_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Checks the options every part of the queue takes; throws a `TypeError` naming the first wrong one. */
export function resolveQueueLocation(options: {
  of: string;
  given: Record<string, unknown>;
  known: readonly string[];
}): ResolvedQueueLocation {
  const { given } = options;
  if (typeof given !== 'object' || given === null) {
    throw new TypeError(`Expected \`${options.of}\` to be given options, got \`${String(given)}\``);
  }
  const [unknown] = unknownOptionProblems(options);
  if (unknown !== undefined) throw new TypeError(unknown);
  if (given['connection'] === undefined) {
    throw new TypeError(`\`${options.of}\` needs a \`connection\` (a Redis URL or { host, port })`);
  }
  const queueName = given['queueName'] ?? DEFAULT_QUEUE_NAME;
  const prefix = given['prefix'] ?? 'bull';
  for (const [name, value] of [
    ['queueName', queueName],
    ['prefix', prefix],
  ] as const) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_.{}-]{1,200}$/.test(value)) {
      throw new TypeError(
        `Expected \`${name}\` to be 1–200 letters, digits, \`_\`, \`.\`, \`-\`, \`{\` or \`}\`, got \`${String(value)}\``,
      );
    }
  }
  return {
    redis: toRedisOptions(given['connection'] as RedisConnection),
    queueName: queueName as string,
    prefix: prefix as string,
    idempotencyTtlMs: positiveInteger(
      'idempotencyTtlMs',
      given['idempotencyTtlMs'],
      DEFAULT_IDEMPOTENCY_TTL_MS,
    ),
    connectTimeoutMs: positiveInteger(
      'connectTimeoutMs',
      given['connectTimeoutMs'],
      DEFAULT_CONNECT_TIMEOUT_MS,
    ),
  };
}

/** The value of an optional millisecond or count option, checked. */
export function positiveInteger(name: string, value: unknown, fallback: number): number {
  const chosen = value ?? fallback;
  if (!(typeof chosen === 'number' && Number.isInteger(chosen) && chosen > 0)) {
    throw new TypeError(`Expected \`${name}\` to be a positive integer, got \`${String(value)}\``);
  }
  return chosen;
}
