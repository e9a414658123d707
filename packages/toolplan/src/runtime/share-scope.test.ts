import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validatePlan } from '../plan/index.js';
import { createToolRegistry, defineTool, type Tool } from '../tools/index.js';
import { createLruResultCache } from './create-lru-result-cache.js';
import { executePlan } from './execute-plan.js';
import type { ExecutePlanOptions } from './execute-plan-options.js';
import { createSingleFlight } from './single-flight.js';
import { createSpeculator } from './speculator.js';
import { RunAbortedError, StepTimeoutError } from './step-errors.js';
import { settleOnClock } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

const RECORDS: Record<string, { email: string }> = {
  alice: { email: 'alice@example.test' },
  bob: { email: 'bob@example.test' },
};

/** Who the current request is for, as a web server would keep it. */
const currentUser = new AsyncLocalStorage<string>();

interface ProfileCall {
  user: string | undefined;
  startMs: number;
  signal: AbortSignal;
}

/**
 * A read-only tool that takes no user in its arguments: it reads the caller from ambient context,
 * as tools behind a session or a token do. Two users' calls have the same arguments.
 */
function profileTool(calls: ProfileCall[], options: { latencyMs?: number; ttlMs?: number } = {}) {
  return defineTool({
    name: 'my_profile',
    description: "The current user's profile",
    inputSchema: z.object({ field: z.string() }),
    readOnly: true,
    ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
    async execute(_input: { field: string }, { signal }) {
      const user = currentUser.getStore();
      calls.push({ user, startMs: clock.now(), signal });
      await clock.sleep(options.latencyMs ?? 100, signal);
      return RECORDS[user ?? ''] ?? null;
    },
  }) as Tool;
}

const plan = { steps: [{ id: 'me', tool: 'my_profile', args: { field: 'email' } }] };

function runAs(user: string, tool: Tool, options: ExecutePlanOptions = {}) {
  const run = currentUser.run(user, () => executePlan(plan, [tool], { clock, ...options }));
  run.catch(() => undefined);
  return run;
}

describe('shareScope', () => {
  it('without a scope, two concurrent runs share nothing: each user gets their own record', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tool = profileTool(calls);
    // The process-wide registry, as every run uses it by default.
    const alice = runAs('alice', tool);
    await clock.advance(10);
    const bob = runAs('bob', tool);
    await clock.runAll();
    expect((await alice).results['me']).toEqual(RECORDS['alice']);
    expect((await bob).results['me']).toEqual(RECORDS['bob']);
    expect(calls.map((call) => call.user)).toEqual(['alice', 'bob']);
    expect((await bob).steps[0]?.sharedRunId).toBeUndefined();
  });

  it('runs of different scopes never share; runs of one scope share one call', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tool = profileTool(calls);
    const inFlight = createSingleFlight();
    const runs = [
      runAs('alice', tool, { inFlight, shareScope: 'alice', runId: 'a1' }),
      runAs('bob', tool, { inFlight, shareScope: 'bob', runId: 'b1' }),
      runAs('alice', tool, { inFlight, shareScope: 'alice', runId: 'a2' }),
    ];
    expect(inFlight.size).toBe(2);
    await clock.runAll();
    const [a1, b1, a2] = await Promise.all(runs);
    expect(calls.map((call) => call.user)).toEqual(['alice', 'bob']);
    expect(a1?.results['me']).toEqual(RECORDS['alice']);
    expect(b1?.results['me']).toEqual(RECORDS['bob']);
    expect(a2?.results['me']).toEqual(RECORDS['alice']);
    expect(a2?.steps[0]).toMatchObject({ attempts: 0, sharedWith: 'me', sharedRunId: 'a1' });
    expect(b1?.steps[0]?.sharedRunId).toBeUndefined();
    expect(inFlight.size).toBe(0);
  });

  it('a result cache serves only the scope that filled it, and without a scope only the run itself', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tool = profileTool(calls, { ttlMs: 60_000 });
    const cache = createLruResultCache({ clock });
    const run = (user: string, options: ExecutePlanOptions) =>
      settleOnClock(runAs(user, tool, { cache, inFlight: false, ...options }), clock);
    await run('alice', { shareScope: 'alice' });
    const bob = await run('bob', { shareScope: 'bob' });
    expect(bob.results['me']).toEqual(RECORDS['bob']);
    expect(bob.steps[0]?.cached).toBeUndefined();
    const again = await run('alice', { shareScope: 'alice' });
    expect(again.steps[0]?.cached).toBe(true);
    expect(again.results['me']).toEqual(RECORDS['alice']);
    // No scope: a run of its own, found again only under the same run id (a replan, a retry).
    const first = await run('bob', { runId: 'bob-request' });
    const other = await run('alice', {});
    expect(other.results['me']).toEqual(RECORDS['alice']);
    expect(other.steps[0]?.cached).toBeUndefined();
    const replan = await run('bob', { runId: 'bob-request' });
    expect(first.steps[0]?.cached).toBeUndefined();
    expect(replan.steps[0]?.cached).toBe(true);
    expect(calls.map((call) => call.user)).toEqual(['alice', 'bob', 'bob', 'alice']);
  });

  it('a joiner keeps its own time-out: it fails at 200 ms while the owner’s call goes on to 3,000 ms', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tool = profileTool(calls, { latencyMs: 3_000 });
    const inFlight = createSingleFlight();
    const owner = runAs('alice', tool, { inFlight, shareScope: 'alice', runId: 'owner' });
    await clock.advance(50);
    let joinerEndedAt: number | undefined;
    const joiner = runAs('alice', tool, {
      inFlight,
      shareScope: 'alice',
      defaultTimeoutMs: 200,
    }).then((result) => {
      joinerEndedAt = clock.now();
      return result;
    });
    await clock.advance(199);
    expect(joinerEndedAt).toBeUndefined();
    await clock.advance(1);
    expect(joinerEndedAt).toBe(250);
    const timedOut = await joiner;
    expect(timedOut.steps[0]).toMatchObject({
      status: 'error',
      attempts: 0,
      startMs: 0,
      endMs: 200,
      sharedRunId: 'owner',
    });
    expect(timedOut.steps[0]?.error).toBeInstanceOf(StepTimeoutError);
    expect(timedOut.steps[0]?.error?.message).toContain('within 200 ms');
    // The owner's call was not cancelled by the joiner giving up.
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    await clock.runAll();
    const result = await owner;
    expect(result.steps[0]).toMatchObject({ status: 'ok', endMs: 3_000 });
    expect(result.results['me']).toEqual(RECORDS['alice']);
    expect(inFlight.size).toBe(0);
  });

  it('a joiner’s abort signal ends its wait, not the owner’s call', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tool = profileTool(calls, { latencyMs: 3_000 });
    const inFlight = createSingleFlight();
    const owner = runAs('alice', tool, { inFlight, shareScope: 'alice' });
    const controller = new AbortController();
    const joiner = runAs('alice', tool, {
      inFlight,
      shareScope: 'alice',
      signal: controller.signal,
    });
    await clock.advance(100);
    controller.abort(new Error('user left'));
    const error: unknown = await joiner.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunAbortedError);
    expect(clock.now()).toBe(100);
    expect(calls[0]?.signal.aborted).toBe(false);
    await clock.runAll();
    expect((await owner).steps[0]).toMatchObject({ status: 'ok', endMs: 3_000 });
    expect(calls).toHaveLength(1);
    expect(inFlight.size).toBe(0);
  });

  it('speculation serves only the run it was made for, or its scope', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tools = createToolRegistry([profileTool(calls)]);
    const validated = validatePlan(plan, { tools });
    const speculate = (user: string, options: { runId: string; shareScope?: string }) =>
      currentUser.run(user, () => {
        const speculation = createSpeculator({
          tools,
          clock,
          predictors: [
            {
              name: 'fixed',
              predict: () => [{ tool: 'my_profile', args: { field: 'email' }, confidence: 1 }],
            },
          ],
          ...options,
        });
        speculation.start({ query: 'my email' });
        return speculation;
      });
    const forAlice = speculate('alice', { runId: 'alice-run' });
    const forTeam = speculate('alice', { runId: 'team-run', shareScope: 'team' });
    await clock.advance(100);
    const bob = await settleOnClock(
      currentUser.run('bob', () =>
        executePlan(validated, tools, { clock, speculation: forAlice, runId: 'bob-run' }),
      ),
      clock,
    );
    expect(bob.results['me']).toEqual(RECORDS['bob']);
    expect(bob.steps[0]?.speculated).toBeUndefined();
    const alice = await settleOnClock(
      executePlan(validated, tools, { clock, speculation: forAlice, runId: 'alice-run' }),
      clock,
    );
    expect(alice.results['me']).toEqual(RECORDS['alice']);
    expect(alice.steps[0]?.speculated).toBe(true);
    const teammate = await settleOnClock(
      executePlan(validated, tools, {
        clock,
        speculation: forTeam,
        shareScope: 'team',
        runId: 'other',
      }),
      clock,
    );
    expect(teammate.steps[0]?.speculated).toBe(true);
    forAlice.finish();
    forTeam.finish();
    expect(calls.map((call) => call.user)).toEqual(['alice', 'alice', 'bob']);
  });

  it('a step that joined a speculative call in flight keeps its own time-out', async () => {
    clock = createVirtualClock();
    const calls: ProfileCall[] = [];
    const tools = createToolRegistry([profileTool(calls, { latencyMs: 3_000 })]);
    const speculation = createSpeculator({
      tools,
      clock,
      runId: 'r',
      predictors: [
        {
          name: 'fixed',
          predict: () => [{ tool: 'my_profile', args: { field: 'email' }, confidence: 1 }],
        },
      ],
    });
    currentUser.run('alice', () => speculation.start({ query: 'my email' }));
    const result = await settleOnClock(
      executePlan(plan, tools, { clock, speculation, runId: 'r', defaultTimeoutMs: 200 }).then(
        (done) => {
          speculation.finish();
          return done;
        },
      ),
      clock,
    );
    expect(result.steps[0]).toMatchObject({ status: 'error', endMs: 200 });
    expect(result.steps[0]?.error).toBeInstanceOf(StepTimeoutError);
    expect(calls).toHaveLength(1);
    // The step gave the call up: it served nobody, and the end of the run cancelled it.
    expect(speculation.metrics()).toMatchObject({ hits: 0, wasted: 1, cancelled: 1 });
  });

  it('rejects a scope that is not a non-empty string', async () => {
    clock = createVirtualClock();
    const tool = profileTool([]);
    await expect(executePlan(plan, [tool], { clock, shareScope: '' })).rejects.toThrow(
      'Expected `shareScope` to be a non-empty string, got ``',
    );
    await expect(
      executePlan(plan, [tool], { clock, shareScope: 7 as unknown as string }),
    ).rejects.toThrow('Expected `shareScope` to be a non-empty string, got `7`');
    expect(() => createSpeculator({ tools: [tool], predictors: [], shareScope: '' })).toThrow(
      'Expected `shareScope` to be a non-empty string',
    );
  });
});
