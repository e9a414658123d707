import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { executePlan, scopedCallKey, shareKey } from '../runtime/index.js';
import { createToolRegistry, defineTool, type Tool, type ToolRegistry } from '../tools/index.js';
import { catalogHash } from './catalog-hash.js';
import { createAgent } from './create-agent.js';
import { createPlanCache } from './create-plan-cache.js';
import type { LearningStore } from './learning-store.js';
import { lookupPlan, lookupTool } from './redis-store-child.test-utils.js';
import { redisStore } from './redis-store.js';
import { RedisStoreError } from './redis-store-error.js';
import { dropApp, REDIS_URL, skipWithoutRedis, uniqueApp } from './redis-service.test-utils.js';
import { resultRedisKey } from './share-result-cache.js';
import { scriptedModel } from './scripted-model.test-utils.js';

const skip = await skipWithoutRedis();

const TEMPERATURES: Record<string, number> = {
  Boston: 28,
  Oslo: 20,
  Lima: 70,
  Rome: 60,
  Paris: 50,
};

function weatherTool(calls: string[], options: { unit?: boolean } = {}): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: options.unit
      ? z.object({ city: z.string(), unit: z.enum(['C', 'F']).optional() })
      : z.object({ city: z.string() }),
    readOnly: true,
    execute: ({ city }: { city: string }) => {
      calls.push(city);
      const temp = TEMPERATURES[city];
      if (temp === undefined) throw new Error(`No weather for ${city}`);
      return { city, temp };
    },
  }) as Tool;
}

const planFor = (city: string) =>
  JSON.stringify({
    steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
    answer: '${w.city}: ${w.temp}°F',
  });

/** A Redis of the test's own on a free port (to stop it), or `undefined` without redis-server. */
async function startOwnRedis(): Promise<{ url: string; process: ChildProcess } | undefined> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const started = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve(true);
    });
    server.once('exit', () => resolve(false));
  });
  if (!started) return undefined;
  return { url: `redis://127.0.0.1:${port}`, process: server };
}

const failOnError = (error: unknown) => {
  throw error;
};

describe.skipIf(skip)('redisStore', () => {
  let admin: Redis;
  let app: string;
  const stores: LearningStore[] = [];
  const children: ChildProcess[] = [];
  const open = (options: Parameters<typeof redisStore>[0] = {}) => {
    const store = redisStore({ url: REDIS_URL, app, ...options });
    stores.push(store);
    return store;
  };
  /** A store sharing calls in flight for `tools`, attached and loaded: the `inFlight` option of a run. */
  const shareInFlight = async (
    tools: ToolRegistry,
    inFlight: NonNullable<Parameters<typeof redisStore>[0]['inFlight']>,
  ) => {
    const attached = open({ inFlight }).attach({
      tools,
      planCache: undefined,
      learner: undefined,
      onError: failOnError,
    });
    await attached.ready;
    return attached.inFlight === undefined ? {} : { inFlight: attached.inFlight };
  };

  beforeAll(() => {
    admin = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await admin.quit();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dropApp(admin, app);
    // Nothing of this test is left connected: only the admin connection remains of ours.
    const clients = (await admin.client('LIST')) as string;
    expect(clients.split('\n').filter((line) => line.includes(`name=toolplan:${app} `))).toEqual(
      [],
    );
  });

  it('one process learns a plan and promotes it; the other answers from it with no model call', async () => {
    app = uniqueApp();
    const cities = ['Boston', 'Oslo', 'Rome', 'Paris'];
    const callsA: string[] = [];
    const a = createAgent({
      model: scriptedModel(cities.map((city) => planFor(city))),
      tools: [weatherTool(callsA)],
      learn: false,
      store: open(),
      onError: failOnError,
    });
    const callsB: string[] = [];
    // No reply scripted: any model call of B fails its run.
    const b = createAgent({
      model: scriptedModel([]),
      tools: [weatherTool(callsB)],
      learn: false,
      store: open(),
      onError: failOnError,
    });
    // B is up before A learns: A's changes reach it while it runs.
    await expect(b.run('Weather in Lima?')).rejects.toThrow();
    for (const city of cities) await a.run(`Weather in ${city}?`);
    expect(a.stats().planCache).toMatchObject({ promotions: 1 });
    await vi.waitFor(() => expect(b.stats().planCache).toMatchObject({ promotions: 1 }), {
      timeout: 10_000,
    });
    const served = await b.run('Weather in Lima?');
    expect(served).toMatchObject({ answer: 'Lima: 70°F', usage: { llmCalls: 0 } });
    expect(callsB).toEqual(['Lima']);
    // The stores' connections are named (and the check after each test that none is left sees them).
    expect((await admin.client('LIST')) as string).toContain(`name=toolplan:${app} `);

    // A process started later loads it all from Redis.
    const c = createAgent({
      model: scriptedModel([]),
      tools: [weatherTool([])],
      learn: false,
      store: open(),
      onError: failOnError,
    });
    expect(await c.run('Weather in Oslo?')).toMatchObject({ usage: { llmCalls: 0 } });
  });

  it('mines chains from the whole fleet: runs recorded in one process are mined in the other', async () => {
    app = uniqueApp();
    const cities = ['Boston', 'Oslo', 'Rome'];
    const a = createAgent({
      model: scriptedModel(cities.map((city) => planFor(city))),
      tools: [weatherTool([])],
      planCache: false,
      learn: { mineEvery: 3, minSupport: 3, promoteAfter: 0 },
      store: open(),
      onError: failOnError,
    });
    const b = createAgent({
      model: scriptedModel([]),
      tools: [weatherTool([])],
      planCache: false,
      learn: { mineEvery: 3, minSupport: 3, promoteAfter: 0 },
      store: open(),
      onError: failOnError,
    });
    await expect(b.run('Weather in Lima?')).rejects.toThrow();
    for (const city of cities) await a.run(`Weather in ${city}?`);
    await vi.waitFor(() => expect(b.stats().learner).toMatchObject({ runs: 3, chains: 1 }), {
      timeout: 10_000,
    });
    expect(await b.run('Weather in Paris?')).toMatchObject({
      answer: expect.stringContaining('50') as unknown,
      usage: { llmCalls: 0 },
    });
  });

  it('reads nothing learned against another version of the tools', async () => {
    app = uniqueApp();
    const a = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools: [weatherTool([])],
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: failOnError,
    });
    await a.run('Weather in Boston?');
    const stream = `toolplan:${app}:${catalogHash(createToolRegistry([weatherTool([])]))}:learn`;
    await vi.waitFor(async () => expect(await admin.xlen(stream)).toBeGreaterThan(0));
    // The same tool with one more optional argument: a new catalog.
    const edited = [weatherTool([], { unit: true })];
    expect(catalogHash(createToolRegistry(edited))).not.toBe(
      catalogHash(createToolRegistry([weatherTool([])])),
    );
    const b = createAgent({
      model: scriptedModel([planFor('Oslo')]),
      tools: edited,
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: failOnError,
    });
    expect(await b.run('Weather in Oslo?')).toMatchObject({ usage: { llmCalls: 1 } });
    // The same catalog again does read it.
    const c = createAgent({
      model: scriptedModel([]),
      tools: [weatherTool([])],
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: failOnError,
    });
    expect(await c.run('Weather in Rome?')).toMatchObject({ usage: { llmCalls: 0 } });
    // Learned state has a TTL.
    expect(await admin.pttl(stream)).toBeGreaterThan(0);
  });

  it('never replays a plan with side effects that arrives through Redis', async () => {
    app = uniqueApp();
    const sent: string[] = [];
    const send = defineTool({
      name: 'send_email',
      description: 'Sends an email',
      inputSchema: z.object({ to: z.string() }),
      execute: ({ to }: { to: string }) => {
        sent.push(to);
        return { sent: true };
      },
    }) as Tool;
    const tools = [weatherTool([]), send];
    const stream = `toolplan:${app}:${catalogHash(createToolRegistry(tools))}:learn`;
    // A forged change, as if a process had cached a plan that sends mail.
    await admin.xadd(
      stream,
      '*',
      'd',
      JSON.stringify({
        o: 'forged',
        e: {
          type: 'plan.remember',
          query: 'Email bob@example.test',
          plan: { steps: [{ id: 'e', tool: 'send_email', args: { to: 'bob@example.test' } }] },
        },
      }),
    );
    const b = createAgent({
      model: scriptedModel([
        JSON.stringify({
          steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Lima' } }],
          answer: '${w.temp}',
        }),
      ]),
      tools,
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: failOnError,
    });
    await b.run('Weather in Lima?');
    expect(sent).toEqual([]);
    // Its own plan is cached; the forged one never was.
    await vi.waitFor(() => expect(b.stats().planCache).toMatchObject({ size: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(b.stats().planCache).toMatchObject({ size: 1 });
  });

  it('skips, and reports, a change it cannot read, and loads the rest', async () => {
    app = uniqueApp();
    const tools = [weatherTool([])];
    const stream = `toolplan:${app}:${catalogHash(createToolRegistry(tools))}:learn`;
    await admin.xadd(stream, '*', 'd', 'not JSON');
    const errors: unknown[] = [];
    const a = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools,
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: (error) => errors.push(error),
    });
    await a.run('Weather in Boston?');
    await vi.waitFor(async () => expect(await admin.xlen(stream)).toBe(2));
    const b = createAgent({
      model: scriptedModel([]),
      tools,
      learn: false,
      planCache: createPlanCache({ promoteAfter: 0 }),
      store: open(),
      onError: (error) => errors.push(error),
    });
    expect(await b.run('Weather in Oslo?')).toMatchObject({ usage: { llmCalls: 0 } });
    expect(errors).toEqual([expect.any(SyntaxError), expect.any(SyntaxError)]);
  });

  describe('results', () => {
    const profileTool = (calls: string[], ttlMs: number) =>
      defineTool({
        name: 'profile',
        description: 'A profile',
        inputSchema: z.object({ field: z.string() }),
        readOnly: true,
        trusted: true,
        ttlMs,
        execute: ({ field }: { field: string }) => {
          calls.push(field);
          return { field, n: calls.length, at: 'x' };
        },
      }) as Tool;
    const plan = { steps: [{ id: 'p', tool: 'profile', args: { field: 'email' } }] };

    it('a result made in one process serves the other, in its scope only, with the same sources', async () => {
      app = uniqueApp();
      const calls: string[] = [];
      const tools = createToolRegistry([profileTool(calls, 60_000)]);
      const attach = () =>
        open().attach({ tools, planCache: undefined, learner: undefined, onError: failOnError });
      const one = attach();
      const two = attach();
      await Promise.all([one.ready, two.ready]);
      const first = await executePlan(plan, tools, { shareScope: 'A', cache: one.cache });
      expect(calls).toHaveLength(1);
      const key = scopedCallKey(
        shareKey({ shareScope: 'A', runId: 'x' }),
        'profile\u0000{"field":"email"}',
      );
      await vi.waitFor(() => expect(two.cache?.get(key)).toEqual({ value: first.results['p'] }));
      const served = await executePlan(plan, tools, { shareScope: 'A', cache: two.cache });
      expect(calls).toHaveLength(1);
      const withoutRun = (sources: readonly object[] | undefined) =>
        sources?.map((source) => ({ ...source, runId: undefined }));
      expect(served.steps[0]?.cached).toBe(true);
      expect(withoutRun(served.steps[0]?.sources)).toEqual(withoutRun(first.steps[0]?.sources));
      expect(served.steps[0]?.sources).toContainEqual(
        expect.objectContaining({ kind: 'tool', tool: 'profile', trusted: true }),
      );
      // Scope B never sees it, in either process.
      const other = await executePlan(plan, tools, { shareScope: 'B', cache: two.cache });
      expect(calls).toHaveLength(2);
      expect(other.results['p']).toMatchObject({ n: 2 });
      // Nor does a run without a scope (it shares with its own replans only).
      await executePlan(plan, tools, { cache: two.cache });
      expect(calls).toHaveLength(3);
      // The value is kept with where it came from.
      const stored = JSON.parse(
        (await admin.get(resultRedisKey(`toolplan:${app}:${catalogHash(tools)}:`, 'A', key))) ??
          '{}',
      ) as Record<string, unknown>;
      expect(stored).toMatchObject({ scope: 'A', key, value: first.results['p'] });
      expect(stored['origin']).toEqual(expect.any(String));
    });

    it('a result planted under another scope’s key is never served', async () => {
      app = uniqueApp();
      const tools = createToolRegistry([profileTool([], 60_000)]);
      const one = open().attach({
        tools,
        planCache: undefined,
        learner: undefined,
        onError: failOnError,
      });
      await one.ready;
      const prefix = `toolplan:${app}:${catalogHash(tools)}:`;
      const keyA = scopedCallKey(shareKey({ shareScope: 'A', runId: 'x' }), 'profile\u0000{}');
      const keyB = scopedCallKey(shareKey({ shareScope: 'B', runId: 'x' }), 'profile\u0000{}');
      // Scope A's result written where scope B's would be.
      const redisKey = resultRedisKey(prefix, 'B', keyB);
      await admin.set(
        redisKey,
        JSON.stringify({ key: keyA, scope: 'A', value: 1, origin: 'x', storedAt: '' }),
        'PX',
        60_000,
      );
      await admin.publish(`${prefix}results`, redisKey);
      expect(one.cache?.get(keyB)).toBeUndefined();
      // A message naming a key outside the namespace is ignored too.
      await admin.publish(`${prefix}results`, 'elsewhere');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(one.cache?.get(keyB)).toBeUndefined();
      expect(one.cache?.get(keyA)).toBeUndefined();
    });

    it('results expire in Redis and in every process after their tool’s ttlMs', async () => {
      app = uniqueApp();
      const calls: string[] = [];
      const tools = createToolRegistry([profileTool(calls, 300)]);
      const one = open().attach({
        tools,
        planCache: undefined,
        learner: undefined,
        onError: failOnError,
      });
      const two = open().attach({
        tools,
        planCache: undefined,
        learner: undefined,
        onError: failOnError,
      });
      await Promise.all([one.ready, two.ready]);
      await executePlan(plan, tools, { shareScope: 'A', cache: one.cache });
      const key = scopedCallKey(
        shareKey({ shareScope: 'A', runId: 'x' }),
        'profile\u0000{"field":"email"}',
      );
      const redisKey = resultRedisKey(`toolplan:${app}:${catalogHash(tools)}:`, 'A', key);
      const ttl = await admin.pttl(redisKey);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
      await vi.waitFor(async () => expect(await admin.exists(redisKey)).toBe(0));
      expect(two.cache?.get(key)).toBeUndefined();
      expect(one.cache?.get(key)).toBeUndefined();
    });

    it('keeps results that JSON would change in the process', async () => {
      app = uniqueApp();
      const dated = defineTool({
        name: 'dated',
        description: 'A date',
        inputSchema: z.object({}),
        readOnly: true,
        ttlMs: 60_000,
        execute: () => ({ when: new Date(0) }),
      }) as Tool;
      const tools = createToolRegistry([dated]);
      const one = open().attach({
        tools,
        planCache: undefined,
        learner: undefined,
        onError: failOnError,
      });
      await one.ready;
      const result = await executePlan({ steps: [{ id: 'd', tool: 'dated', args: {} }] }, tools, {
        shareScope: 'A',
        cache: one.cache,
      });
      expect((result.results['d'] as { when: unknown }).when).toBeInstanceOf(Date);
      const keys = await admin.keys(`toolplan:${app}:*result*`);
      expect(keys).toEqual([]);
    });
  });

  describe('calls in flight', () => {
    const childScript = fileURLToPath(
      new URL('./redis-store-child.test-utils.ts', import.meta.url),
    );
    const startChild = (mode: 'hold' | 'call', leaseMs: number) => {
      const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
        env: { ...process.env, REDIS_URL, APP: app, MODE: mode, LEASE_MS: String(leaseMs) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
      const seen: string[] = [];
      const waiters: Array<() => void> = [];
      lines.on('line', (line) => {
        seen.push(line);
        for (const wake of waiters.splice(0)) wake();
      });
      const line = async (match: (line: string) => boolean): Promise<string> => {
        for (;;) {
          const found = seen.find(match);
          if (found !== undefined) return found;
          if (child.exitCode !== null) throw new Error(`child exited: ${seen.join('\n')}`);
          await new Promise<void>((resolve) => waiters.push(resolve));
        }
      };
      return { child, line };
    };
    const numsub = async (pattern: string) => {
      const channels = (await admin.pubsub('CHANNELS', pattern)) as string[];
      return channels.length;
    };

    it('two processes make one call: the other process waits for this one’s result', async () => {
      app = uniqueApp();
      let calls = 0;
      const tools = createToolRegistry([
        lookupTool(async ({ id }) => {
          calls += 1;
          // Hold the call until the child waits on it: then one call serves both.
          await vi.waitFor(
            async () => expect(await numsub(`toolplan:${app}:*flight-channel*`)).toBe(1),
            {
              timeout: 20_000,
            },
          );
          return { id, by: 'parent' };
        }),
      ]);
      const shared = await shareInFlight(tools, { tools: ['slow_lookup'] });
      const mine = executePlan(lookupPlan, tools, { shareScope: 'A', ...shared });
      await vi.waitFor(async () =>
        expect(await admin.keys(`toolplan:${app}:*:flight:*`)).toHaveLength(1),
      );
      const { line } = startChild('call', 10_000);
      const result = await mine;
      expect(result.results['s']).toEqual({ id: 'r1', by: 'parent' });
      expect(calls).toBe(1);
      const printed = JSON.parse(await line((text) => text.startsWith('{'))) as unknown;
      expect(printed).toEqual({ value: { id: 'r1', by: 'parent' }, calls: 0 });
    }, 30_000);

    it('takes the call over when the process holding it dies', async () => {
      app = uniqueApp();
      const { child, line } = startChild('hold', 500);
      await line((text) => text === 'holding');
      let calls = 0;
      const tools = createToolRegistry([
        lookupTool(async ({ id }) => {
          calls += 1;
          return { id, by: 'parent' };
        }),
      ]);
      const shared = await shareInFlight(tools, { tools: ['slow_lookup'], leaseMs: 500 });
      const mine = executePlan(lookupPlan, tools, { shareScope: 'A', ...shared });
      // Waiting on the child's call, not calling.
      await vi.waitFor(async () =>
        expect(await numsub(`toolplan:${app}:*flight-channel*`)).toBe(1),
      );
      expect(calls).toBe(0);
      child.kill('SIGKILL');
      await once(child, 'exit');
      const result = await mine;
      expect(result.results['s']).toEqual({ id: 'r1', by: 'parent' });
      expect(calls).toBe(1);
    }, 30_000);

    it('stops waiting at its own time-out, and stops listening', async () => {
      app = uniqueApp();
      const { line } = startChild('hold', 10_000);
      await line((text) => text === 'holding');
      let calls = 0;
      const tools = createToolRegistry([
        lookupTool(async ({ id }) => {
          calls += 1;
          return { id };
        }),
      ]);
      const shared = await shareInFlight(tools, { tools: ['slow_lookup'] });
      const result = await executePlan(lookupPlan, tools, {
        shareScope: 'A',
        defaultTimeoutMs: 300,
        ...shared,
      });
      expect(result.steps[0]?.error?.name).toBe('StepTimeoutError');
      expect(calls).toBe(0);
      // Only the child still listens for its call's outcome (as a holder it does not).
      await vi.waitFor(async () =>
        expect(await numsub(`toolplan:${app}:*flight-channel*`)).toBe(0),
      );
    }, 30_000);

    it('does not share calls across scopes, nor calls of tools that did not opt in', async () => {
      app = uniqueApp();
      let calls = 0;
      const tools = createToolRegistry([
        lookupTool(async ({ id }) => {
          calls += 1;
          return { id };
        }),
      ]);
      const shared = await shareInFlight(tools, { tools: ['slow_lookup'] });
      await Promise.all([
        executePlan(lookupPlan, tools, { shareScope: 'A', ...shared }),
        executePlan(lookupPlan, tools, { shareScope: 'B', ...shared }),
      ]);
      expect(calls).toBe(2);
      // A tool that did not opt in: no in-flight sharing at all.
      expect(await shareInFlight(tools, { tools: [] })).toEqual({});
    });
  });

  it('fails runs with a RedisStoreError when Redis cannot be reached', async () => {
    app = uniqueApp();
    const store = redisStore({ url: 'redis://127.0.0.1:1', app });
    stores.push(store);
    const agent = createAgent({ model: scriptedModel([]), tools: [weatherTool([])], store });
    const error: unknown = await agent.run('Weather in Boston?').catch((caught: unknown) => caught);
    expect(RedisStoreError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'RedisStoreError',
      operation: 'connect to',
      url: 'redis://127.0.0.1:1',
      message: expect.stringContaining('ECONNREFUSED') as unknown,
    });
    // And every later run, the same way.
    await expect(agent.run('Weather in Oslo?')).rejects.toMatchObject({ name: 'RedisStoreError' });
  });

  it('goes on, correct but alone, when Redis goes away after it loaded', async (context) => {
    app = uniqueApp();
    const server = await startOwnRedis();
    if (server === undefined) {
      if ((process.env['CI'] ?? '') !== '') throw new Error('redis-server is not installed');
      context.skip();
      return;
    }
    try {
      const errors: unknown[] = [];
      const calls: string[] = [];
      const agent = createAgent({
        model: scriptedModel([planFor('Boston'), planFor('Oslo')]),
        tools: [weatherTool(calls)],
        store: open({ url: server.url }),
        onError: (error) => errors.push(error),
      });
      expect(await agent.run('Weather in Boston?')).toMatchObject({ answer: 'Boston: 28°F' });
      server.process.kill('SIGKILL');
      await once(server.process, 'exit');
      expect(await agent.run('Weather in Oslo?')).toMatchObject({ answer: 'Oslo: 20°F' });
      expect(calls).toEqual(['Boston', 'Oslo']);
      // What it could not share is reported, not thrown at the caller.
      await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0), { timeout: 10_000 });
    } finally {
      if (server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill('SIGKILL');
        await once(server.process, 'exit');
      }
    }
  }, 30_000);

  it('uses a client it is given, and leaves it open', async () => {
    app = uniqueApp();
    const client = new Redis(REDIS_URL);
    try {
      const store = redisStore({ client, app });
      stores.push(store);
      const agent = createAgent({
        model: scriptedModel([planFor('Boston')]),
        tools: [weatherTool([])],
        store,
        onError: failOnError,
      });
      await agent.run('Weather in Boston?');
      const stream = `toolplan:${app}:${catalogHash(createToolRegistry([weatherTool([])]))}:learn`;
      await vi.waitFor(async () => expect(await admin.xlen(stream)).toBeGreaterThan(0));
      await store.close();
      expect(client.status).toBe('ready');
      expect(await client.ping()).toBe('PONG');
    } finally {
      await client.quit();
    }
  });

  it('validates its options', () => {
    expect(() => redisStore({ app: 'x' })).toThrow('Expected exactly one of `url` and `client`');
    expect(() => redisStore({ url: 'http://x' })).toThrow('Expected `url` to be a redis://');
    expect(() => redisStore({ url: REDIS_URL, app: 'a b' })).toThrow('Expected `app`');
    expect(() => redisStore({ url: REDIS_URL, ttlMs: 0 })).toThrow(
      'Expected `ttlMs` to be a positive integer, got `0`',
    );
    app = uniqueApp();
  });
});
