import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanReferenceError, PlanValidationError, type Plan } from '../plan/index.js';
import { executePlan } from './execute-plan.js';
import type { ExecutionEvent, RunResult } from './run-result.js';
import {
  DependencyFailedError,
  ForEachError,
  RunAbortedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolInputError,
  ToolOutputError,
} from './step-errors.js';
import { maxOverlap, testTool, type CallLog, settleOnClock } from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';
import { defineTool, type Tool } from '../tools/index.js';

let clock: VirtualClock;
let log: CallLog[];

function setup() {
  clock = createVirtualClock();
  log = [];
}

afterEach(() => {
  // No work may leak out of a finished run: no timer left behind.
  expect(clock.pendingTimers).toBe(0);
});

async function run(
  plan: Plan | unknown,
  tools: Parameters<typeof executePlan>[1],
  options: Parameters<typeof executePlan>[2] = {},
): Promise<RunResult> {
  return settleOnClock(executePlan(plan as Plan, tools, { clock, ...options }), clock);
}

function step(result: RunResult, id: string) {
  const found = result.steps.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no step ${id}`);
  return found;
}

describe('scheduling', () => {
  it('starts a step the moment its own dependencies finish, not level by level', async () => {
    setup();
    const slow = testTool({ name: 'slow', clock, log, latencyMs: 50 });
    const fast = testTool({ name: 'fast', clock, log, latencyMs: 10 });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'fast', args: { n: 1 } },
          { id: 'b', tool: 'slow', args: { n: 2 } },
          { id: 'c', tool: 'fast', args: { from: '$a.n' } },
          { id: 'd', tool: 'fast', args: { from: '$c.from', other: '$b.n' } },
        ],
      },
      [slow, fast],
    );
    expect(result.status).toBe('ok');
    expect(step(result, 'c').startMs).toBe(10); // a ended at 10; b (50) is not waited for
    expect(step(result, 'c').endMs).toBe(20);
    expect(step(result, 'd').startMs).toBe(50);
    expect(result.results['d']).toEqual({ from: 1, other: 2 });
    expect(result.wallMs).toBe(60);
  });

  it('runs independent steps in parallel up to maxConcurrency', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log, latencyMs: 10 });
    const steps = Array.from({ length: 5 }, (_, index) => ({
      id: `s${index}`,
      tool: 't',
      args: { index },
    }));
    const result = await run({ steps }, [tool], { maxConcurrency: 2 });
    expect(result.status).toBe('ok');
    expect(maxOverlap(log)).toBe(2);
    expect(log.map((call) => call.startMs)).toEqual([0, 0, 10, 10, 20]);
    expect(result.wallMs).toBe(30);
  });

  it("honours a tool's own concurrency while other tools keep running", async () => {
    setup();
    const limited = testTool({
      name: 'limited',
      clock,
      log,
      latencyMs: 10,
      annotations: { concurrency: 1 },
    });
    const free = testTool({ name: 'free', clock, log, latencyMs: 10 });
    const steps = [
      ...Array.from({ length: 3 }, (_, index) => ({
        id: `l${index}`,
        tool: 'limited',
        args: { index },
      })),
      ...Array.from({ length: 3 }, (_, index) => ({
        id: `f${index}`,
        tool: 'free',
        args: { index },
      })),
    ];
    const result = await run({ steps }, [limited, free]);
    expect(maxOverlap(log, 'limited')).toBe(1);
    expect(maxOverlap(log, 'free')).toBe(3);
    expect(log.filter((call) => call.tool === 'limited').map((call) => call.startMs)).toEqual([
      0, 10, 20,
    ]);
    expect(result.wallMs).toBe(30);
  });

  it('reports events in order with relative times', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log, latencyMs: 5 });
    const events: ExecutionEvent[] = [];
    await run(
      {
        steps: [
          { id: 'a', tool: 't', args: {} },
          { id: 'b', tool: 't', args: {}, after: ['a'] },
        ],
      },
      [tool],
      { onEvent: (event) => events.push(event) },
    );
    expect(events.map((event) => `${event.type}:${event.stepId}@${event.atMs}`)).toEqual([
      'step-start:a@0',
      'step-end:a@5',
      'step-start:b@5',
      'step-end:b@10',
    ]);
  });

  it('gives a step that succeeded its result on its step-end (a forEach step its list), a failed one none', async () => {
    setup();
    const double = testTool({ name: 'double', clock, log, result: ({ n }) => Number(n) * 2 });
    const broken = testTool({ name: 'broken', clock, log, failTimes: 1 });
    const events: ExecutionEvent[] = [];
    await run(
      {
        steps: [
          { id: 'one', tool: 'double', args: { n: 1 } },
          { id: 'each', tool: 'double', forEach: [2, 3], args: { n: '$item' } },
          { id: 'bad', tool: 'broken', args: {} },
        ],
      },
      [double, broken],
      { onEvent: (event) => events.push(event) },
    );
    const ends = Object.fromEntries(
      events.flatMap((event) => (event.type === 'step-end' ? [[event.stepId, event]] : [])),
    );
    expect(ends['one']).toMatchObject({ status: 'ok', value: 2 });
    expect(ends['each']).toMatchObject({ status: 'ok', value: [4, 6] });
    expect(ends['bad']).toMatchObject({ status: 'error' });
    expect(ends['bad']).not.toHaveProperty('value');
  });
});

describe('failures', () => {
  it('records a failed step as a value, skips its dependents and finishes independent branches', async () => {
    setup();
    const broken = testTool({ name: 'broken', clock, log, failTimes: 1 });
    const ok = testTool({ name: 'ok', clock, log, latencyMs: 30 });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'broken', args: {} },
          { id: 'b', tool: 'ok', args: { x: '$a' } },
          { id: 'c', tool: 'ok', args: { x: '$b' } },
          { id: 'd', tool: 'ok', args: { independent: true } },
        ],
      },
      [broken, ok],
    );
    expect(result.status).toBe('error');
    expect(step(result, 'a').status).toBe('error');
    expect(step(result, 'a').error).toBeInstanceOf(ToolExecutionError);
    expect(step(result, 'a').error?.message).toContain('broken failed on purpose');
    for (const id of ['b', 'c']) {
      const skipped = step(result, id);
      expect(skipped.status).toBe('skipped');
      expect(skipped.error).toBeInstanceOf(DependencyFailedError);
      expect((skipped.error as DependencyFailedError).failedStepId).toBe('a');
    }
    expect(step(result, 'd').status).toBe('ok');
    expect(result.results).toEqual({ d: { independent: true } });
    expect(log.map((call) => call.stepId).sort()).toEqual(['a', 'd']);
  });

  it('fails a step whose reference path does not exist, with a typed error', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 't', args: { temp: 3 } },
          { id: 'b', tool: 't', args: { x: '$a.forecast.high' } },
        ],
      },
      [tool],
    );
    const error = step(result, 'b').error;
    expect(error).toBeInstanceOf(PlanReferenceError);
    expect(error).toMatchObject({
      reference: '$a.forecast.high',
      stepId: 'b',
      resolvedPrefix: '$a',
    });
    expect(error?.message).toContain('`temp`');
    expect(log.map((call) => call.stepId)).toEqual(['a']);
  });

  it('checks referenced arguments against the schema before execute', async () => {
    setup();
    const source = testTool({ name: 'source', clock, log, result: () => ({ n: 42 }) });
    const typed = testTool({
      name: 'typed',
      clock,
      log,
      inputSchema: z.object({ city: z.string() }),
    });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'source', args: {} },
          { id: 'b', tool: 'typed', args: { city: '$a.n' } },
        ],
      },
      [source, typed],
    );
    const error = step(result, 'b').error as ToolInputError;
    expect(error).toBeInstanceOf(ToolInputError);
    expect(error.issues[0]?.path).toEqual(['city']);
    expect(log.some((call) => call.tool === 'typed')).toBe(false);
  });

  it('times a call out, aborting its signal', async () => {
    setup();
    const slow = testTool({
      name: 'slow',
      clock,
      log,
      latencyMs: 500,
      annotations: { timeoutMs: 100 },
    });
    const result = await run({ steps: [{ id: 'a', tool: 'slow', args: {} }] }, [slow]);
    const a = step(result, 'a');
    expect(a.error).toBeInstanceOf(StepTimeoutError);
    expect(a.endMs).toBe(100);
    expect(log[0]?.signal.aborted).toBe(true);
  });

  it('applies defaultTimeoutMs to tools without their own', async () => {
    setup();
    const slow = testTool({ name: 'slow', clock, log, latencyMs: 500 });
    const result = await run({ steps: [{ id: 'a', tool: 'slow', args: {} }] }, [slow], {
      defaultTimeoutMs: 50,
    });
    expect(step(result, 'a').error).toBeInstanceOf(StepTimeoutError);
    expect(step(result, 'a').endMs).toBe(50);
  });

  it('checks results against an output schema', async () => {
    setup();
    const tool = defineTool({
      name: 'liar',
      description: 'returns the wrong shape',
      inputSchema: z.object({}),
      outputSchema: z.object({ temp: z.number() }),
      execute: () => ({ temp: 'warm' }) as unknown as { temp: number },
    });
    const result = await run({ steps: [{ id: 'a', tool: 'liar', args: {} }] }, [tool]);
    expect(step(result, 'a').error).toBeInstanceOf(ToolOutputError);
  });
});

describe('retries', () => {
  it('retries an idempotent tool with back-off and the same idempotency key', async () => {
    setup();
    const flaky = testTool({
      name: 'flaky',
      clock,
      log,
      latencyMs: 10,
      failTimes: 2,
      annotations: { idempotent: true },
    });
    const events: ExecutionEvent[] = [];
    const result = await run({ steps: [{ id: 'a', tool: 'flaky', args: { q: 1 } }] }, [flaky], {
      runId: 'run-1',
      retry: { initialDelayMs: 100, backoffFactor: 2 },
      onEvent: (event) => events.push(event),
    });
    expect(step(result, 'a').status).toBe('ok');
    expect(step(result, 'a').attempts).toBe(3);
    // 0–10 fails, waits 100; 110–120 fails, waits 200; 320–330 succeeds.
    expect(log.map((call) => call.startMs)).toEqual([0, 110, 320]);
    expect(log.map((call) => call.attempt)).toEqual([1, 2, 3]);
    expect(new Set(log.map((call) => call.idempotencyKey))).toEqual(new Set(['run-1:a']));
    expect(
      events.filter((event) => event.type === 'step-retry').map((event) => event.atMs),
    ).toEqual([10, 120]);
  });

  it('gives up after maxRetries and reports the attempts', async () => {
    setup();
    const down = testTool({
      name: 'down',
      clock,
      log,
      failTimes: 99,
      annotations: { idempotent: true },
    });
    const result = await run({ steps: [{ id: 'a', tool: 'down', args: {} }] }, [down], {
      retry: { maxRetries: 1 },
    });
    const error = step(result, 'a').error as ToolExecutionError;
    expect(error).toBeInstanceOf(ToolExecutionError);
    expect(error.attempts).toBe(2);
    expect(log).toHaveLength(2);
  });

  it('never retries a tool that is not idempotent', async () => {
    setup();
    const once = testTool({ name: 'once', clock, log, failTimes: 1 });
    const result = await run({ steps: [{ id: 'a', tool: 'once', args: {} }] }, [once]);
    expect(step(result, 'a').status).toBe('error');
    expect(log).toHaveLength(1);
  });

  it('retries a timed-out idempotent call', async () => {
    setup();
    let calls = 0;
    const tool = defineTool({
      name: 'sometimes_slow',
      description: '',
      inputSchema: z.object({}),
      idempotent: true,
      timeoutMs: 50,
      async execute(_input, { signal }) {
        calls += 1;
        await clock.sleep(calls === 1 ? 1000 : 10, signal);
        return calls;
      },
    });
    const result = await run({ steps: [{ id: 'a', tool: 'sometimes_slow', args: {} }] }, [tool], {
      retry: { initialDelayMs: 5 },
    });
    expect(result.results['a']).toBe(2);
    expect(step(result, 'a').endMs).toBe(65);
  });
});

describe('abort', () => {
  it('cancels everything in flight and rejects with the partial result', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log, latencyMs: 100 });
    const fast = testTool({ name: 'fast', clock, log, latencyMs: 10 });
    const controller = new AbortController();
    const promise = executePlan(
      {
        steps: [
          { id: 'done', tool: 'fast', args: {} },
          { id: 'slow', tool: 't', args: {} },
          { id: 'later', tool: 't', args: { x: '$slow' } },
        ],
      },
      [tool, fast],
      { clock, signal: controller.signal },
    );
    const settled = promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    await clock.advance(50);
    controller.abort(new Error('user pressed stop'));
    const error = (await settled) as RunAbortedError;
    expect(error).toBeInstanceOf(RunAbortedError);
    expect(error.message).toContain('user pressed stop');
    const result = error.result as RunResult;
    expect(step(result, 'done').status).toBe('ok');
    expect(step(result, 'slow').status).toBe('error');
    expect(step(result, 'later').status).toBe('skipped');
    expect(log.find((call) => call.stepId === 'slow')?.signal.aborted).toBe(true);
    expect(log.some((call) => call.stepId === 'later')).toBe(false);
  });

  it('starts nothing when the signal is already aborted', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log });
    await expect(
      executePlan({ steps: [{ id: 'a', tool: 't', args: {} }] }, [tool], {
        clock,
        signal: AbortSignal.abort(),
      }),
    ).rejects.toBeInstanceOf(RunAbortedError);
    expect(log).toHaveLength(0);
  });
});

describe('side effects and sharing', () => {
  it('runs nothing from a plan that fails validation', async () => {
    setup();
    const send = testTool({ name: 'send_email', clock, log });
    const read = testTool({ name: 'read', clock, log, annotations: { readOnly: true } });
    await expect(
      run(
        {
          steps: [
            { id: 'r', tool: 'read', args: {} },
            { id: 's', tool: 'send_email', args: { body: '$r' } },
            { id: 'x', tool: 'no_such_tool', args: {} },
          ],
        },
        [send, read],
      ),
    ).rejects.toBeInstanceOf(PlanValidationError);
    expect(log).toHaveLength(0);
  });

  it('runs identical calls of a read-only tool once', async () => {
    setup();
    const read = testTool({ name: 'read', clock, log, annotations: { readOnly: true } });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'read', args: { city: 'Boston', unit: 'f' } },
          { id: 'b', tool: 'read', args: { unit: 'f', city: 'Boston' } },
          { id: 'c', tool: 'read', args: { city: 'NYC', unit: 'f' } },
        ],
      },
      [read],
    );
    expect(log).toHaveLength(2);
    expect(result.results['a']).toEqual(result.results['b']);
    expect(step(result, 'b').sharedWith).toBe('a');
    expect(step(result, 'b').attempts).toBe(0);
  });

  it('never shares calls of a tool with side effects', async () => {
    setup();
    const write = testTool({ name: 'write', clock, log });
    await run(
      {
        steps: [
          { id: 'a', tool: 'write', args: { v: 1 } },
          { id: 'b', tool: 'write', args: { v: 1 } },
        ],
      },
      [write],
    );
    expect(log).toHaveLength(2);
  });
});

describe('forEach', () => {
  it('runs once per element of a literal array, in parallel, keeping order', async () => {
    setup();
    const tool = testTool({
      name: 'weather',
      clock,
      log,
      latencyMs: (input) => (input['city'] === 'Boston' ? 30 : 10),
      result: (input) => ({ city: input['city'], i: input['i'] }),
    });
    const result = await run(
      {
        steps: [
          {
            id: 'w',
            tool: 'weather',
            forEach: ['Boston', 'NYC'],
            args: { city: '$item', i: '$index' },
          },
        ],
      },
      [tool],
    );
    expect(result.results['w']).toEqual([
      { city: 'Boston', i: 0 },
      { city: 'NYC', i: 1 },
    ]);
    expect(log.map((call) => call.startMs)).toEqual([0, 0]);
    expect(result.wallMs).toBe(30);
  });

  it('fans out over an array another step returned', async () => {
    setup();
    const search = testTool({
      name: 'search',
      clock,
      log,
      result: () => ({ items: [{ id: 7 }, { id: 9 }] }),
    });
    const fetch = testTool({
      name: 'fetch',
      clock,
      log,
      result: (input) => `doc ${String(input['id'])}`,
    });
    const result = await run(
      {
        steps: [
          { id: 's', tool: 'search', args: {} },
          { id: 'f', tool: 'fetch', forEach: '$s.items', args: { id: '$item.id' } },
        ],
        answer: 'Got ${f[1]}',
      },
      [search, fetch],
    );
    expect(result.results['f']).toEqual(['doc 7', 'doc 9']);
    expect(result.answer).toBe('Got doc 9');
  });

  it('pairs each element with the same position of another list with [$index] (a zip)', async () => {
    setup();
    const user = testTool({
      name: 'user',
      clock,
      log,
      result: (input) => ({ id: input['email'] }),
    });
    const prefs = testTool({
      name: 'prefs',
      clock,
      log,
      result: (input) => `prefs of ${String(input['id'])}`,
    });
    const join = testTool({ name: 'join', clock, log, result: (input) => input });
    const result = await run(
      {
        steps: [
          "u=user(email=$item) for ['a','b','c']",
          'p=prefs(id=$item.id) for $u',
          "j=join(user=$item.id,prefs=$p[$index],label='${index}: ${p[$index]}') for $u",
        ],
        answer: '${j[2].label}',
      },
      [user, prefs, join],
    );
    expect(result.results['j']).toEqual([
      { user: 'a', prefs: 'prefs of a', label: '0: prefs of a' },
      { user: 'b', prefs: 'prefs of b', label: '1: prefs of b' },
      { user: 'c', prefs: 'prefs of c', label: '2: prefs of c' },
    ]);
    expect(result.answer).toBe('2: prefs of c');
  });

  it('gives an empty array for an empty list without calling the tool', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log });
    const result = await run(
      { steps: [{ id: 'e', tool: 't', forEach: [], args: { x: '$item' } }] },
      [tool],
    );
    expect(result.results['e']).toEqual([]);
    expect(log).toHaveLength(0);
  });

  it('fails with ForEachError when the reference is not an array or too long', async () => {
    setup();
    const source = testTool({
      name: 'source',
      clock,
      log,
      result: () => ({ one: 1, many: [1, 2, 3] }),
    });
    const each = testTool({ name: 'each', clock, log });
    const result = await run(
      {
        steps: [
          { id: 's', tool: 'source', args: {} },
          { id: 'a', tool: 'each', forEach: '$s.one', args: { x: '$item' } },
          { id: 'b', tool: 'each', forEach: '$s.many', args: { x: '$item' } },
        ],
      },
      [source, each],
      { limits: { maxForEachItems: 2 } },
    );
    expect(step(result, 'a').error).toBeInstanceOf(ForEachError);
    expect(step(result, 'a').error?.message).toContain('a number');
    expect(step(result, 'b').error).toBeInstanceOf(ForEachError);
    expect(log.filter((call) => call.tool === 'each')).toHaveLength(0);
  });
});

describe('answers and forms', () => {
  it('fills the answer template, and explains when it cannot', async () => {
    setup();
    const tool = testTool({ name: 't', clock, log, result: () => ({ temp: 31 }) });
    const broken = testTool({ name: 'broken', clock, log, failTimes: 1 });
    const ok = await run(
      { steps: [{ id: 'a', tool: 't', args: {} }], answer: 'It is ${a.temp}°F, costs $$3' },
      [tool],
    );
    expect(ok.answer).toBe('It is 31°F, costs $3');
    const failed = await run(
      { steps: [{ id: 'a', tool: 'broken', args: {} }], answer: 'It is ${a.temp}' },
      [broken],
    );
    expect(failed.answer).toBeUndefined();
    expect(failed.answerError).toBeInstanceOf(PlanReferenceError);
  });

  it("executes the seed article's parallel_groups form", async () => {
    setup();
    const weather = testTool({
      name: 'get_weather',
      clock,
      log,
      result: (input) => ({ city: input['city'], temp: String(input['city']).length }),
    });
    const compare = testTool({
      name: 'compare_temps',
      clock,
      log,
      result: (input) => input['results'],
    });
    const result = await run(
      {
        parallel_groups: [
          {
            group: 1,
            calls: [
              { tool: 'get_weather', args: { city: 'Boston', date: '2024-01-20' } },
              { tool: 'get_weather', args: { city: 'NYC', date: '2024-01-20' } },
            ],
          },
          { group: 2, calls: [{ tool: 'compare_temps', args: { results: '$group1.results' } }] },
        ],
      },
      [weather, compare],
    );
    expect(result.results['group2_0']).toEqual([
      { city: 'Boston', temp: 6 },
      { city: 'NYC', temp: 3 },
    ]);
  });

  it('rejects impossible options eagerly, through the promise', async () => {
    await expect(executePlan({ steps: [] }, [], { maxConcurrency: 0 })).rejects.toThrow(
      'Expected `maxConcurrency` to be a positive integer, got `0`',
    );
  });

  it('never throws synchronously: an invalid plan, tools or options give a rejected promise', async () => {
    const outcomes = [
      () => executePlan({ steps: [{ id: 'a', tool: 'nope', args: {} }] }, []),
      () => executePlan({ stepz: [] } as unknown as Plan, []),
      () => executePlan(null as unknown as Plan, []),
      () => executePlan({ steps: [] }, [{ name: 'bad' }] as unknown as Tool[]),
      () => executePlan({ steps: [] }, [], { maxConcurrency: -1 }),
    ].map((call) => {
      let promise: Promise<unknown> | undefined;
      expect(() => (promise = call())).not.toThrow();
      return promise;
    });
    for (const outcome of outcomes) {
      await expect(outcome).rejects.toMatchObject({ name: expect.any(String) });
    }
    await expect(outcomes[0]).rejects.toMatchObject({ name: 'PlanValidationError' });
  });

  it('takes a plan, not any value: untyped input goes through the parser', () => {
    // @ts-expect-error `stepz` is not a plan's key; JSON of unknown shape goes through parsePlan
    expect(() => void executePlan({ stepz: [] }, []).catch(() => undefined)).not.toThrow();
  });
});
