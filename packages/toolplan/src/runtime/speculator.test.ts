import { afterEach, describe, expect, it } from 'vitest';
import { validatePlan, type Plan } from '../plan/index.js';
import { createToolRegistry } from '../tools/index.js';
import { callKey } from './call-key.js';
import { createChainStepPredictor } from './create-chain-step-predictor.js';
import { createLruResultCache } from './create-lru-result-cache.js';
import { createRulePredictor } from './create-rule-predictor.js';
import { executePlan } from './execute-plan.js';
import type { PredictedCall, Predictor } from './predictor.js';
import { scopedCallKey, shareKey } from './share-key.js';
import { createSpeculator, type SpeculatorOptions } from './speculator.js';
import { startStreamingExecution } from './start-streaming-execution.js';
import { testTool, type CallLog } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];

function setup() {
  clock = createVirtualClock();
  log = [];
  return createToolRegistry([
    testTool({
      name: 'search',
      clock,
      log,
      latencyMs: 100,
      annotations: { readOnly: true, ttlMs: 60_000 },
      result: (input) => ({ top: `https://example.test/${String(input['q'])}`, q: input['q'] }),
    }),
    testTool({ name: 'lookup', clock, log, latencyMs: 40, annotations: { readOnly: true } }),
    testTool({ name: 'send_email', clock, log, latencyMs: 10 }),
    testTool({ name: 'delete_row', clock, log, latencyMs: 10, annotations: { readOnly: false } }),
  ]);
}

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

// The run the speculation is for: only it (or its scope) may take the speculative results.
const runId = 'query-1';

function predictor(calls: readonly PredictedCall[], name = 'fixed'): Predictor {
  return { name, predict: ({ results }) => (results.length > 0 ? [] : calls) };
}

function speculator(
  tools: ReturnType<typeof setup>,
  calls: readonly PredictedCall[],
  options: Partial<SpeculatorOptions> = {},
) {
  const speculation = createSpeculator({
    tools,
    predictors: [predictor(calls)],
    clock,
    runId,
    ...options,
  });
  speculation.start({ query: 'find flights' });
  return speculation;
}

const guess = (tool: string, args: unknown, confidence = 0.9): PredictedCall => ({
  tool,
  args,
  confidence,
});

describe('Speculator', () => {
  it('never speculates a tool without `readOnly: true`, whatever the predictor says', async () => {
    const tools = setup();
    const speculation = speculator(tools, [
      guess('send_email', { body: 'hi' }, 1),
      guess('delete_row', { id: 1 }, 1),
      guess('search', { q: 'flights' }, 1),
    ]);
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.tool)).toEqual(['search']);
    expect(speculation.metrics()).toMatchObject({ proposals: 3, refused: 2, started: 1 });
  });

  it('gives each call accepted in one round an idempotency key of its own', async () => {
    // A queue names its job after the key, as an idempotent API does: calls accepted together
    // sharing one key were all answered with the first one's result.
    const tools = setup();
    const speculation = speculator(tools, [
      guess('lookup', { id: 1 }),
      guess('lookup', { id: 2 }),
      guess('search', { q: 'flights' }),
      guess('lookup', { id: 3 }),
    ]);
    await clock.runAll();
    speculation.finish();
    const keys = log.map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
    for (const key of keys) expect(key.startsWith(`${runId}:speculative:`)).toBe(true);
  });

  it('never speculates a read-only tool with a policy of its own: it decides on plan steps only', async () => {
    clock = createVirtualClock();
    log = [];
    const tools = createToolRegistry([
      testTool({
        name: 'fetch_page',
        clock,
        log,
        annotations: { readOnly: true, policy: () => 'allow' },
      }),
      testTool({ name: 'lookup', clock, log, latencyMs: 40, annotations: { readOnly: true } }),
    ]);
    const speculation = speculator(tools, [
      guess('fetch_page', { url: 'https://example.test' }, 1),
      guess('lookup', { id: 1 }, 1),
    ]);
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.tool)).toEqual(['lookup']);
    expect(speculation.metrics()).toMatchObject({ proposals: 2, refused: 1, started: 1 });
  });

  it('holds its budget under a predictor that proposes a hundred calls', async () => {
    const tools = setup();
    let running = 0;
    let most = 0;
    const counted = createToolRegistry(
      tools.list().map((tool) => ({
        ...tool,
        async execute(input: unknown, context: Parameters<typeof tool.execute>[1]) {
          running += 1;
          most = Math.max(most, running);
          try {
            return await tool.execute(input, context);
          } finally {
            running -= 1;
          }
        },
      })),
    );
    const hundred = Array.from({ length: 100 }, (_, index) =>
      guess('search', { q: `q${index}` }, index / 100),
    );
    const speculation = createSpeculator({
      tools: counted,
      predictors: [predictor(hundred)],
      clock,
      maxCalls: 5,
      maxConcurrent: 2,
      minConfidence: 0,
    });
    speculation.start({ query: 'q' });
    await clock.runAll();
    speculation.finish();
    expect(log).toHaveLength(5);
    expect(most).toBe(2);
    // The most confident guesses get the budget.
    expect(log.map((call) => call.input)).toEqual(
      [99, 98, 97, 96, 95].map((index) => ({ q: `q${index}` })),
    );
    expect(speculation.metrics()).toMatchObject({ proposals: 100, refused: 95, started: 5 });
  });

  it('stops at `maxCost` and below `minConfidence`', async () => {
    const tools = setup();
    const speculation = speculator(
      tools,
      [guess('search', { q: 'a' }), guess('search', { q: 'b' }), guess('lookup', { id: 1 }, 0.2)],
      { maxCost: 3, cost: ({ tool }) => (tool === 'search' ? 2 : 1), minConfidence: 0.5 },
    );
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.input)).toEqual([{ q: 'a' }]);
  });

  it('rejects impossible options eagerly', () => {
    const tools = setup();
    expect(() => createSpeculator({ tools, predictors: [], maxConcurrent: 0 })).toThrow(
      'Expected `maxConcurrent` to be a positive integer, got `0`',
    );
    expect(() => createSpeculator({ tools, predictors: [], minConfidence: 2 })).toThrow(
      'Expected `minConfidence` to be a number from 0 to 1, got `2`',
    );
  });

  it('hands a finished speculative result to the plan step with the same canonical arguments', async () => {
    const tools = setup();
    const speculation = speculator(tools, [guess('search', { q: 'flights' })]);
    await clock.advance(150); // the plan arrives after the speculative call finished
    const plan = validatePlan(
      { steps: [{ id: 's', tool: 'search', args: { q: 'flights' } }] },
      { tools },
    );
    speculation.planComplete(plan);
    const run = executePlan(plan, tools, { clock, speculation, inFlight: false, runId });
    await clock.runAll();
    const result = await run;
    speculation.finish();
    expect(log).toHaveLength(1);
    expect(result.results['s']).toEqual({ top: 'https://example.test/flights', q: 'flights' });
    expect(result.steps[0]).toMatchObject({ attempts: 0, speculated: true, startMs: 0, endMs: 0 });
    expect(speculation.metrics()).toMatchObject({
      hits: 1,
      joins: 0,
      wasted: 0,
      savedMs: 100,
    });
  });

  it('lets a streamed step join the speculative call in flight instead of repeating it', async () => {
    const tools = setup();
    const speculation = speculator(tools, [guess('search', { q: 'flights' })]);
    await clock.advance(30);
    const execution = startStreamingExecution(tools, {
      clock,
      speculation,
      inFlight: false,
      runId,
    });
    const step = { id: 's', tool: 'search', args: { q: 'flights' } };
    expect(execution.offer(step, 0)).toBe('dispatched');
    await clock.advance(20);
    const plan = { steps: [step, { id: 'l', tool: 'lookup', args: { q: '${s.q}' } }] };
    const done = execution.finish(plan);
    await clock.runAll();
    const result = await done;
    speculation.finish();
    expect(log.map((call) => `${call.tool}@${call.startMs}`)).toEqual(['search@0', 'lookup@100']);
    // The step asked at 30 and had its result at 100, not at 130.
    expect(result.steps[0]).toMatchObject({ speculated: true, startMs: 0, endMs: 70 });
    expect(speculation.metrics()).toMatchObject({ hits: 1, joins: 1, savedMs: 30, wasted: 0 });
  });

  it('cancels wrong guesses once the plan is complete, counting them as waste', async () => {
    const tools = setup();
    const speculation = speculator(tools, [
      guess('search', { q: 'flights' }),
      guess('search', { q: 'trains' }),
      guess('lookup', { id: 7 }),
    ]);
    await clock.advance(20);
    const plan = validatePlan(
      {
        steps: [
          { id: 's', tool: 'search', args: { q: 'flights' } },
          // Depends on a result: any `lookup` might still be asked for.
          { id: 'l', tool: 'lookup', args: { id: '$s.q' } },
        ],
      },
      { tools },
    );
    speculation.planComplete(plan);
    const trains = log.find((call) => (call.input as { q?: string }).q === 'trains');
    expect(trains?.signal.aborted).toBe(true);
    expect(log.find((call) => call.tool === 'lookup')?.signal.aborted).toBe(false);
    const run = executePlan(plan, tools, { clock, speculation, inFlight: false, runId });
    await clock.runAll();
    await run;
    speculation.finish();
    // `lookup` finished unused: wasted, but not cancelled; the plan's lookup made its own call.
    expect(log.filter((call) => call.tool === 'lookup')).toHaveLength(2);
    expect(speculation.metrics()).toMatchObject({
      started: 3,
      hits: 1,
      wasted: 2,
      cancelled: 1,
    });
  });

  it('cancels what is still in flight when finished, and each call is made at most once', async () => {
    const tools = setup();
    const speculation = speculator(tools, [
      guess('search', { q: 'flights' }),
      guess('search', { q: 'flights' }, 0.8),
      guess('search', { q: 'trains' }),
    ]);
    await clock.advance(10);
    speculation.finish();
    expect(log).toHaveLength(2);
    expect(log.every((call) => call.signal.aborted)).toBe(true);
    expect(speculation.metrics()).toMatchObject({ wasted: 2, cancelled: 2, hits: 0 });
    expect(speculation.state).toBe('done');
  });

  it('does not speculate a cached call, and caches what it fetched', async () => {
    const tools = setup();
    const cache = createLruResultCache();
    // Under the scope of the run the speculation is for: a cache serves one scope at a time.
    const inScope = (args: unknown) =>
      scopedCallKey(shareKey({ shareScope: 'alice', runId }), callKey('search', args));
    cache.set(inScope({ q: 'cached' }), { top: 'from cache' }, 60_000);
    cache.set(callKey('search', { q: 'unscoped' }), { top: 'from nobody' }, 60_000);
    const speculation = speculator(
      tools,
      [
        guess('search', { q: 'cached' }),
        guess('search', { q: 'fresh' }),
        guess('search', { q: 'unscoped' }),
      ],
      { cache, shareScope: 'alice' },
    );
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.input)).toEqual([{ q: 'fresh' }, { q: 'unscoped' }]);
    expect(cache.get(callKey('search', { q: 'fresh' }))).toBeUndefined();
    expect(cache.get(inScope({ q: 'fresh' }))?.value).toEqual({
      top: 'https://example.test/fresh',
      q: 'fresh',
    });
  });

  it('lets a step that joined a failed speculative call make the call itself', async () => {
    clock = createVirtualClock();
    log = [];
    const tools = createToolRegistry([
      testTool({
        name: 'search',
        clock,
        log,
        latencyMs: 50,
        failTimes: 1,
        annotations: { readOnly: true },
      }),
    ]);
    const speculation = createSpeculator({
      tools,
      predictors: [predictor([guess('search', { q: 'x' })])],
      clock,
      runId,
    });
    speculation.start({ query: 'x' });
    const plan = validatePlan(
      { steps: [{ id: 's', tool: 'search', args: { q: 'x' } }] },
      { tools },
    );
    speculation.planComplete(plan);
    const run = executePlan(plan, tools, { clock, speculation, inFlight: false, runId });
    await clock.runAll();
    const result = await run;
    speculation.finish();
    expect(result.status).toBe('ok');
    expect(log.map((call) => `${call.stepId}@${call.startMs}`)).toEqual(['speculation@0', 's@50']);
    expect(result.steps[0]?.speculated).toBeUndefined();
    expect(speculation.metrics()).toMatchObject({ hits: 0, wasted: 1 });
  });

  it('runs a chain’s next step from a result, but never with arguments taken from a tool’s output', async () => {
    const tools = setup();
    const chain: Plan = {
      steps: [
        { id: 'first', tool: 'search', args: { q: 'x' } },
        { id: 'byName', tool: 'lookup', args: { name: '$first.q' } },
        { id: 'page', tool: 'lookup', args: { url: '$first.top' } },
      ],
    };
    const speculation = createSpeculator({
      tools,
      clock,
      predictors: [
        createRulePredictor({
          rules: [
            {
              when: /flights to (\w+)/,
              propose: ({ match }) => [guess('search', { q: match?.[1] })],
            },
          ],
        }),
        createChainStepPredictor({ chains: [chain] }),
      ],
    });
    speculation.start({ query: 'cheap flights to Lisbon' });
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.input)).toEqual([{ q: 'Lisbon' }, { name: 'Lisbon' }]);
    expect(speculation.metrics()).toMatchObject({ proposals: 3, refused: 1, started: 2 });
  });

  it('refuses a numeric id or a short code read from a result as much as a long text', async () => {
    clock = createVirtualClock();
    log = [];
    const tools = createToolRegistry([
      testTool({
        name: 'find_user',
        clock,
        log,
        latencyMs: 50,
        annotations: { readOnly: true },
        result: () => ({ id: 4821, region: 'eu' }),
      }),
      testTool({ name: 'get_orders', clock, log, latencyMs: 50, annotations: { readOnly: true } }),
    ]);
    const chain: Plan = {
      steps: [
        { id: 'u', tool: 'find_user', args: { name: 'ann' } },
        { id: 'byId', tool: 'get_orders', args: { userId: '$u.id' } },
        { id: 'byRegion', tool: 'get_orders', args: { region: '$u.region' } },
      ],
    };
    const speculation = createSpeculator({
      tools,
      clock,
      predictors: [
        createRulePredictor({
          rules: [
            {
              when: /user (\w+)/,
              propose: ({ match }) => [guess('find_user', { name: match?.[1] })],
            },
          ],
        }),
        createChainStepPredictor({ chains: [chain] }),
      ],
    });
    speculation.start({ query: 'orders of user ann' });
    await clock.runAll();
    speculation.finish();
    expect(log.map((call) => call.tool)).toEqual(['find_user']);
    expect(speculation.metrics()).toMatchObject({ proposals: 3, refused: 2, started: 1 });
  });
});

describe('createRulePredictor', () => {
  it('applies rules by word, pattern or test, and only on the query', () => {
    const predictor = createRulePredictor({
      rules: [
        { when: 'WEATHER', propose: () => [guess('weather', {})] },
        { when: (input) => input.query.length > 100, propose: () => [guess('long', {})] },
        { propose: () => [guess('always', {})] },
      ],
    });
    expect(
      predictor.predict({ query: 'weather in Oslo', results: [] }).map((call) => call.tool),
    ).toEqual(['weather', 'always']);
    expect(
      predictor.predict({ query: 'weather', results: [{ tool: 't', args: {}, value: 1 }] }),
    ).toEqual([]);
    expect(() => createRulePredictor({ rules: [{} as never] })).toThrow(
      'Expected `rules[0].propose` to be a function, got `undefined`',
    );
  });
});
