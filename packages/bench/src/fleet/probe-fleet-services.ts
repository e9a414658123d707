import { Redis } from 'ioredis';
import { redactTraceTarget } from 'toolplan/internal';
import { queryPostgres } from './query-postgres.js';

/** How long a service has to answer before the fleet scenario is skipped. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Whether the fleet's services answer: PostgreSQL (`SELECT 1`) and Redis (`PING`). Resolves to
 * why the scenario cannot run (each service that did not answer, and how to point the bench at
 * another), or `undefined` when both answered.
 */
export async function probeFleetServices(options: {
  postgresUrl: string;
  redisUrl: string;
}): Promise<string | undefined> {
  const [postgres, redis] = await Promise.all([
    probe(async () => {
      await queryPostgres({
        url: options.postgresUrl,
        text: 'SELECT 1',
        connectTimeoutMs: PROBE_TIMEOUT_MS,
      });
    }),
    probe(async () => {
      const client = new Redis(options.redisUrl, {
        lazyConnect: true,
        connectTimeout: PROBE_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
      } finally {
        client.disconnect();
      }
    }),
  ]);
  const missing = [
    ...(postgres === undefined
      ? []
      : [`PostgreSQL at ${redactTraceTarget(options.postgresUrl)} did not answer (${postgres})`]),
    ...(redis === undefined
      ? []
      : [`Redis at ${redactTraceTarget(options.redisUrl)} did not answer (${redis})`]),
  ];
  if (missing.length === 0) return undefined;
  return `it needs PostgreSQL and Redis: ${missing.join('; ')}. Start them, or point the bench at yours with --postgres <url> and --redis <url>`;
}

async function probe(attempt: () => Promise<void>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      attempt(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer in ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return undefined;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code !== undefined && message !== undefined && !message.includes(code)) {
      return `${code}: ${message}`;
    }
    return message ?? code ?? String(error);
  } finally {
    clearTimeout(timer);
  }
}
