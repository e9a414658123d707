import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import type { RedisClient } from './load-queue-packages.js';

const INCR = `return redis.call('INCR', KEYS[1])`;

/** Counters the fixture tools keep in Redis, so that a test sees what ran on any worker. */
export function fixtureCounters(redis: RedisClient, prefix: string) {
  const key = (what: string, id: string) => `${prefix}:test:${what}:${id}`;
  return {
    key,
    increment: async (what: string, id: string) => Number(await redis.eval(INCR, 1, key(what, id))),
    read: async (what: string, id: string) => Number((await redis.get(key(what, id))) ?? 0),
    releaseKey: `${prefix}:test:release`,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/**
 * The tools the queue tests run on workers. Each counts its runs (`runs`) and its completed runs
 * (`completions`) by idempotency key; `hold: true` keeps a call running until the test sets the
 * release key, so that a test can kill its worker mid-job.
 */
export function fixtureTools(redis: RedisClient, prefix: string): Tool[] {
  const counters = fixtureCounters(redis, prefix);
  const held = async (signal: AbortSignal) => {
    while ((await redis.get(counters.releaseKey)) === null) await sleep(25, signal);
  };
  const sideEffect = (name: string, idempotent: boolean) =>
    defineTool({
      name,
      description: `A side effect (${idempotent ? 'idempotent' : 'not idempotent'})`,
      inputSchema: z.object({ to: z.string(), hold: z.boolean().optional() }),
      ...(idempotent ? { idempotent: true } : {}),
      execute: async ({ to, hold }, { idempotencyKey, signal }) => {
        await counters.increment('runs', idempotencyKey);
        if (hold === true) await held(signal);
        await counters.increment('completions', idempotencyKey);
        return { sent: to, idempotencyKey };
      },
    }) as Tool;
  return [
    sideEffect('send_email', false),
    sideEffect('charge_card', true),
    defineTool({
      name: 'wait_for_abort',
      description: 'Runs until its signal is aborted',
      inputSchema: z.object({}),
      readOnly: true,
      execute: async (_input, { idempotencyKey, signal }) => {
        await counters.increment('runs', idempotencyKey);
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await counters.increment('aborted', idempotencyKey);
        throw signal.reason as Error;
      },
    }) as Tool,
    defineTool({
      name: 'meet',
      description: 'Returns once `n` calls of it are running at the same time',
      inputSchema: z.object({ n: z.number(), who: z.string() }),
      readOnly: true,
      execute: async ({ n, who }, { signal }) => {
        await counters.increment('meet', 'all');
        while ((await counters.read('meet', 'all')) < n) await sleep(25, signal);
        return { met: who };
      },
    }) as Tool,
    defineTool({
      name: 'flaky',
      description: 'Fails on its first attempt',
      inputSchema: z.object({}),
      idempotent: true,
      execute: async (_input, { idempotencyKey, attempt }) => {
        await counters.increment('runs', idempotencyKey);
        if (attempt === 1) throw new Error('try again');
        return { attempt };
      },
    }) as Tool,
    defineTool({
      name: 'fail',
      description: 'Always fails',
      inputSchema: z.object({}),
      readOnly: true,
      execute: () => {
        throw new RangeError('no such record');
      },
    }) as Tool,
  ];
}
