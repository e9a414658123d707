import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from 'toolplan/internal';
import {
  callTool,
  describeScenarioChecks,
  TEST_CONTEXT,
  executeScriptedPlan,
} from './scenario-checks.test-utils.js';
import type { Tool } from 'toolplan/internal';
import { instrumentTools, type ToolCallRecord } from '../instrument-tools.js';
import {
  createUserContextDatabase,
  userContextBatchScenario,
  userContextScenario,
  userContextTools,
} from './user-context-scenario.js';

describeScenarioChecks(userContextScenario);
describeScenarioChecks(userContextBatchScenario);

describe('user-context-batch scenario', async () => {
  const opened = await userContextBatchScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());
  const batchOf = (name: string) => {
    const tool = registry.get(name) as Tool;
    return (inputs: unknown[]) =>
      (tool.batch as NonNullable<Tool['batch']>)(inputs, {
        signal: new AbortController().signal,
      } as Parameters<NonNullable<Tool['batch']>>[1]);
  };

  it('answers for every seeded user, one summary per line', () => {
    const lines = benchCase.expectedAnswer.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Bob Okafor \(standard member since 2022-11-02\)/);
  });

  it('each batch query gives what the single queries give, in input order', async () => {
    const emails = ['chen@example.com', 'ALICE@example.com ', 'bob@example.com'];
    const users = (await batchOf('get_user')(emails.map((email) => ({ email })))) as Array<{
      id: number;
    }>;
    for (const [position, email] of emails.entries()) {
      await expect(callTool(registry, 'get_user', { email })).resolves.toEqual(users[position]);
    }
    const ids = [2, 1, 3];
    const preferences = await batchOf('get_preferences')(ids.map((userId) => ({ userId })));
    const ordersInputs = [
      { userId: 1, limit: 2 },
      { userId: 3, limit: 3 },
      { userId: 1, limit: 4 },
      { userId: 2, limit: 3 },
    ];
    const orders = await batchOf('get_recent_orders')(ordersInputs);
    for (const [position, userId] of ids.entries()) {
      await expect(callTool(registry, 'get_preferences', { userId })).resolves.toEqual(
        preferences[position],
      );
    }
    for (const [position, input] of ordersInputs.entries()) {
      await expect(callTool(registry, 'get_recent_orders', input)).resolves.toEqual(
        orders[position],
      );
    }
    await expect(batchOf('get_user')([{ email: 'nobody@example.com' }])).rejects.toThrow(
      /No user with email nobody@example.com/,
    );
  });

  it('the whole plan makes one query per database tool (WHERE … IN)', async () => {
    const calls: ToolCallRecord[] = [];
    const tools = instrumentTools(registry, {
      origin: performance.now(),
      record: (call) => calls.push(call),
    });
    const result = await executeScriptedPlan(benchCase.script.plan, tools);
    expect(result.answer).toBe(benchCase.expectedAnswer);
    expect(
      calls
        .filter((call) => call.tool !== 'aggregate_context')
        .map((call) => [call.tool, call.batchSize])
        .sort(),
    ).toEqual([
      ['get_preferences', 3],
      ['get_recent_orders', 3],
      ['get_user', 3],
    ]);
  });
});

describe('user-context scenario', async () => {
  const opened = await userContextScenario.open(TEST_CONTEXT);
  const [benchCase] = opened.cases;
  if (benchCase === undefined) throw new Error('no case');
  const registry = createToolRegistry(opened.toolsFor(benchCase));
  afterAll(() => opened.close());

  it("summarises Alice's account from the seed data", () => {
    expect(benchCase.expectedAnswer).toBe(
      'Alice Martin (gold member since 2021-03-14) prefers en-GB, is interested in science fiction, coffee ' +
        'and is subscribed to the newsletter. Recent orders: 3, 97.14 EUR in total; the latest, ' +
        '#1042 of 2024-05-02 (AeroPress Go, Paper filters (350)), is shipped.',
    );
  });

  it('plans the preferences and the orders side by side, both fed by the user id', () => {
    expect(benchCase.script.plan).toMatchObject({
      steps: [
        { id: 'u', tool: 'get_user', args: { email: 'alice@example.com' } },
        { id: 'p', tool: 'get_preferences', args: { userId: '$u.id' } },
        { id: 'o', tool: 'get_recent_orders', args: { userId: '$u.id' } },
        { id: 'ctx', tool: 'aggregate_context' },
      ],
    });
  });

  it('queries SQLite: an unknown email is not found, a known one is read from the tables', async () => {
    await expect(callTool(registry, 'get_user', { email: 'nobody@example.com' })).rejects.toThrow(
      /No user with email nobody@example.com/,
    );
    await expect(callTool(registry, 'get_user', { email: 'BOB@example.com' })).resolves.toEqual({
      id: 2,
      email: 'bob@example.com',
      name: 'Bob Okafor',
      tier: 'standard',
      memberSince: '2022-11-02',
    });
    await expect(callTool(registry, 'get_recent_orders', { userId: 99 })).resolves.toEqual({
      userId: 99,
      orders: [],
    });
    await expect(callTool(registry, 'get_preferences', { userId: 99 })).rejects.toThrow(
      /No preferences for user 99/,
    );
  });

  it('get_recent_orders returns the newest orders first, totals summed in SQL', async () => {
    const result = (await callTool(registry, 'get_recent_orders', { userId: 1, limit: 4 })) as {
      orders: Array<{ id: number; totalCents: number; items: string[] }>;
    };
    expect(result.orders.map((order) => order.id)).toEqual([1042, 1034, 1017, 1001]);
    expect(result.orders[3]).toMatchObject({
      totalCents: 1299 + 2 * 950,
      items: ['The Left Hand of Darkness (paperback)', '2 × Yirgacheffe coffee beans 250 g'],
    });
  });

  it('the tools read whatever the database holds', async () => {
    const db = createUserContextDatabase();
    try {
      db.prepare(
        "INSERT INTO users (id, email, name, tier, member_since) VALUES (9, 'zoe@example.com', 'Zoe Park', 'silver', '2024-06-01')",
      ).run();
      const tools = createToolRegistry(userContextTools(TEST_CONTEXT, db));
      await expect(
        callTool(tools, 'get_user', { email: 'zoe@example.com' }),
      ).resolves.toMatchObject({ id: 9, name: 'Zoe Park' });
    } finally {
      db.close();
    }
  });

  it('close() closes the database', async () => {
    const own = await userContextScenario.open(TEST_CONTEXT);
    const [ownCase] = own.cases;
    if (ownCase === undefined) throw new Error('no case');
    const tools = createToolRegistry(own.toolsFor(ownCase));
    await expect(
      callTool(tools, 'get_user', { email: 'alice@example.com' }),
    ).resolves.toMatchObject({ id: 1 });
    await own.close();
    await expect(callTool(tools, 'get_user', { email: 'alice@example.com' })).rejects.toThrow(
      /not open/,
    );
  });
});
