import { afterAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from '../../tools/index.js';
import { callTool, describeScenarioChecks, TEST_CONTEXT } from './scenario-checks.test-utils.js';
import {
  createUserContextDatabase,
  userContextScenario,
  userContextTools,
} from './user-context-scenario.js';

describeScenarioChecks(userContextScenario);

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
