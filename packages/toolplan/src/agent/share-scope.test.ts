import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLruResultCache, createVirtualClock, type VirtualClock } from '../runtime/index.js';
import { settleOnClock } from '../runtime/test-tools.test-utils.js';
import { defineTool, type Tool } from '../tools/index.js';
import { defineChain } from '../trace/index.js';
import { AgentOptionsError } from './agent-options-error.js';
import { createAgent } from './create-agent.js';
import { createSession } from './create-session.js';
import { scriptedModel } from './scripted-model.test-utils.js';

let clock: VirtualClock | undefined;

afterEach(() => {
  expect(clock?.pendingTimers ?? 0).toBe(0);
  clock = undefined;
});

const RECORDS: Record<string, { email: string }> = {
  alice: { email: 'alice@example.test' },
  bob: { email: 'bob@example.test' },
};

/** Who the current request is for, as a web server would keep it. */
const currentUser = new AsyncLocalStorage<string>();

/** Reads the caller from ambient context: two users' calls have the same arguments. */
function profileTool(users: Array<string | undefined>, options: { ttlMs?: number } = {}): Tool {
  return defineTool({
    name: 'my_profile',
    description: "The current user's profile",
    inputSchema: z.object({ field: z.string() }),
    readOnly: true,
    ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
    async execute(_input: { field: string }, { signal }) {
      const user = currentUser.getStore();
      users.push(user);
      if (clock !== undefined) await clock.sleep(100, signal);
      return RECORDS[user ?? ''] ?? null;
    },
  }) as Tool;
}

// Answers without a model call, so that both runs reach the tool at once on the virtual clock.
const chain = defineChain({
  name: 'profile',
  params: { field: 'string' },
  match: { patterns: ['my (?<field>\\w+)'] },
  plan: {
    steps: [{ id: 'me', tool: 'my_profile', args: { field: '$params.field' } }],
    answer: '${me.email}',
  },
});

describe('shareScope through createAgent', () => {
  it('one agent serving two users: each run gets its own user’s record; one user’s runs share', async () => {
    clock = createVirtualClock();
    const users: Array<string | undefined> = [];
    const agent = createAgent({
      model: scriptedModel([]),
      tools: [profileTool(users)],
      chains: [chain],
      learn: false,
      execute: { clock },
    });
    const ask = (user: string, shareScope?: string) =>
      currentUser.run(user, () =>
        agent.run('my email', shareScope === undefined ? {} : { shareScope }),
      );
    const apart = await settleOnClock(
      Promise.all([ask('alice', 'alice'), ask('bob', 'bob'), ask('alice'), ask('bob')]),
      clock,
    );
    expect(apart.map((run) => run.answer)).toEqual([
      'alice@example.test',
      'bob@example.test',
      'alice@example.test',
      'bob@example.test',
    ]);
    expect(users).toEqual(['alice', 'bob', 'alice', 'bob']);
    const together = await settleOnClock(
      Promise.all([ask('alice', 'alice'), ask('alice', 'alice')]),
      clock,
    );
    expect(together.map((run) => run.answer)).toEqual(['alice@example.test', 'alice@example.test']);
    expect(users).toHaveLength(5);
    expect(together[1]?.steps[0]).toMatchObject({ attempts: 0, sharedRunId: together[0]?.runId });
  });

  it('rejects a run’s scope that is not a non-empty string, with its other problems', async () => {
    const agent = createAgent({ model: scriptedModel([]), tools: [profileTool([])] });
    const error: unknown = await agent
      .run('my email', { shareScope: '', runId: '' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentOptionsError);
    expect((error as AgentOptionsError).problems).toEqual([
      'Expected `runId` to be a non-empty string, got ``',
      'Expected `shareScope` to be a non-empty string, got ``',
    ]);
    const streamed: unknown = await (async () => {
      for await (const event of agent.stream('my email', { shareScope: '' })) void event;
    })().catch((caught: unknown) => caught);
    expect(streamed).toBeInstanceOf(AgentOptionsError);
    expect(() => agent.session({ shareScope: 3 as unknown as string })).toThrow(
      'Expected `shareScope` to be a non-empty string, got `3`',
    );
    expect(() =>
      createSession({ model: scriptedModel([]), tools: [profileTool([])], shareScope: '' }),
    ).toThrow('Expected `shareScope` to be a non-empty string, got ``');
  });
});

describe('shareScope through sessions', () => {
  const plan =
    '{"steps":[{"id":"me","tool":"my_profile","args":{"field":"email"}}],"answer":"${me.email}"}';

  it('turns of a scoped session share the result cache; turns without a scope do not', async () => {
    const users: Array<string | undefined> = [];
    const tools = [profileTool(users, { ttlMs: 60_000 })];
    const cache = createLruResultCache();
    const scoped = createSession({
      model: scriptedModel([plan, plan]),
      tools,
      shareScope: 'alice',
      execute: { cache },
    });
    await currentUser.run('alice', () => scoped.ask('My email?'));
    const second = await currentUser.run('alice', () => scoped.ask('My email again?'));
    expect(second.steps[0]?.cached).toBe(true);
    expect(users).toEqual(['alice']);
    const agent = createAgent({
      model: scriptedModel([plan, plan, plan]),
      tools,
      learn: false,
      planCache: false,
      execute: { cache },
    });
    const unscoped = agent.session();
    const bob = await currentUser.run('bob', () => unscoped.ask('My email?'));
    expect(bob.answer).toBe('bob@example.test');
    const again = await currentUser.run('bob', () => unscoped.ask('My email again?'));
    expect(again.steps[0]?.cached).toBeUndefined();
    // Another session of Alice's scope, from the agent: served from what her first session cached.
    const viaAgent = agent.session({ shareScope: 'alice' });
    const hers = await currentUser.run('alice', () => viaAgent.ask('My email?'));
    expect(hers.answer).toBe('alice@example.test');
    expect(hers.steps[0]?.cached).toBe(true);
    expect(users).toEqual(['alice', 'bob', 'bob']);
  });
});
