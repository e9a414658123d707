import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Plan } from '../plan/index.js';
import { defineTool, ToolDefinitionError } from '../tools/index.js';
import { executePlan } from './execute-plan.js';
import type { ExecutionEvent, RunResult } from './run-result.js';
import {
  BatchResultCountError,
  DependencyFailedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolOutputError,
} from './step-errors.js';
import {
  batchTestTool,
  testTool,
  type BatchLog,
  type CallLog,
  settleOnClock,
} from './test-tools.test-utils.js';
import { createVirtualClock, type VirtualClock } from './virtual-clock.js';

let clock: VirtualClock;
let log: CallLog[];
let batches: BatchLog[];

function setup() {
  clock = createVirtualClock();
  log = [];
  batches = [];
}

afterEach(() => {
  expect(clock.pendingTimers).toBe(0);
});

async function run(
  plan: Plan | unknown,
  tools: Parameters<typeof executePlan>[1],
  options: Parameters<typeof executePlan>[2] = {},
): Promise<RunResult> {
  return settleOnClock(
    executePlan(plan as Plan, tools, { clock, inFlight: false, ...options }),
    clock,
  );
}

function step(result: RunResult, id: string) {
  const found = result.steps.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no step ${id}`);
  return found;
}

const cities = (ids: string[]) => ids.map((id) => ({ id, tool: 'weather', args: { city: id } }));

describe('batching', () => {
  it('coalesces the calls of a batch tool that become ready in one turn into one request', async () => {
    setup();
    const weather = batchTestTool({ name: 'weather', clock, log, batches, latencyMs: 30 });
    const other = testTool({ name: 'other', clock, log, latencyMs: 5 });
    const events: ExecutionEvent[] = [];
    const result = await run(
      { steps: [...cities(['a', 'b', 'c']), { id: 'o', tool: 'other', args: {} }] },
      [weather, other],
      { onEvent: (event) => events.push(event) },
    );
    expect(result.status).toBe('ok');
    expect(batches).toEqual([
      expect.objectContaining({
        inputs: [{ city: 'a' }, { city: 'b' }, { city: 'c' }],
        startMs: 0,
      }),
    ]);
    expect(log.map((call) => call.tool)).toEqual(['other']); // execute was never used for weather
    expect(result.results).toMatchObject({ a: { city: 'a' }, b: { city: 'b' }, c: { city: 'c' } });
    for (const id of ['a', 'b', 'c']) {
      expect(step(result, id)).toMatchObject({
        startMs: 0,
        endMs: 30,
        attempts: 1,
        batchIds: ['b1'],
      });
    }
    expect(step(result, 'o').batchIds).toBeUndefined();
    expect(result.batches).toEqual([
      {
        id: 'b1',
        tool: 'weather',
        calls: [{ stepId: 'a' }, { stepId: 'b' }, { stepId: 'c' }],
        stepIds: ['a', 'b', 'c'],
        startMs: 0,
        endMs: 30,
        attempts: 1,
      },
    ]);
    expect(
      events
        .filter((event) => event.type !== 'step-retry')
        .map((event) => `${event.type}:${event.stepId}@${event.atMs}:${event.batchId ?? '-'}`),
    ).toEqual([
      'step-start:a@0:b1',
      'step-start:b@0:b1',
      'step-start:c@0:b1',
      'step-start:o@0:-',
      'step-end:o@5:-',
      'step-end:a@30:b1',
      'step-end:b@30:b1',
      'step-end:c@30:b1',
    ]);
    expect(batches[0]?.idempotencyKey).toBe(`${result.runId}:b1`);
  });

  it('coalesces dependents made ready by one result, and forEach items, routing results back', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      results: (inputs) => inputs.map((input) => ({ temp: String(input['city']).length })),
    });
    const list = testTool({
      name: 'list',
      clock,
      log,
      latencyMs: 5,
      result: () => ['rome', 'oslo', 'lima'],
    });
    const result = await run(
      {
        steps: [
          { id: 'cities', tool: 'list', args: {} },
          { id: 'each', tool: 'weather', forEach: '$cities', args: { city: '$item' } },
          { id: 'first', tool: 'weather', args: { city: '$cities.0', extra: true } },
        ],
      },
      [weather, list],
    );
    expect(result.status).toBe('ok');
    expect(batches.map((batch) => [batch.startMs, batch.inputs.length])).toEqual([[5, 4]]);
    expect(result.results['each']).toEqual([{ temp: 4 }, { temp: 4 }, { temp: 4 }]);
    expect(result.batches?.[0]?.calls).toEqual([
      { stepId: 'each', index: 0 },
      { stepId: 'each', index: 1 },
      { stepId: 'each', index: 2 },
      { stepId: 'first' },
    ]);
    expect(result.batches?.[0]?.stepIds).toEqual(['each', 'first']);
    expect(step(result, 'each').attempts).toBe(3);
    expect(result.wallMs).toBe(15);
  });

  it('splits at maxBatchSize; a batch of one goes through execute', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      annotations: { maxBatchSize: 2, concurrency: 1 },
    });
    const result = await run({ steps: cities(['a', 'b', 'c', 'd', 'e']) }, [weather]);
    expect(result.status).toBe('ok');
    // One slot of the tool per batch: b1 at 0, b2 at 10, then e alone through execute at 20.
    expect(batches.map((batch) => [batch.startMs, batch.inputs.length])).toEqual([
      [0, 2],
      [10, 2],
    ]);
    expect(log.map((call) => [call.stepId, call.startMs])).toEqual([['e', 20]]);
    expect(result.batches?.map((batch) => batch.stepIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(step(result, 'e').batchIds).toBeUndefined();
    expect(result.wallMs).toBe(30);
  });

  it('takes maxBatchSize from the options for tools that declare none, and validates it', async () => {
    setup();
    const weather = batchTestTool({ name: 'weather', clock, log, batches });
    await run({ steps: cities(['a', 'b', 'c']) }, [weather], { maxBatchSize: 3 });
    await run({ steps: cities(['a', 'b', 'c']) }, [weather], { maxBatchSize: 2 });
    expect(batches.map((batch) => batch.inputs.length)).toEqual([3, 2]);
    await expect(
      executePlan({ steps: cities(['a']) }, [weather], { maxBatchSize: 0 }),
    ).rejects.toThrow('Expected `maxBatchSize` to be a positive integer, got `0`');
    await expect(
      executePlan({ steps: cities(['a']) }, [weather], { batchWindowMs: -1 }),
    ).rejects.toThrow('Expected `batchWindowMs` to be a number ≥ 0, got `-1`');
    expect(() =>
      defineTool({
        name: 'bad',
        description: '',
        inputSchema: z.object({}),
        execute: () => 1,
        batch: (inputs: object[]) => inputs.map(() => 1),
        maxBatchSize: 1.5,
      }),
    ).toThrow(ToolDefinitionError);
  });

  it('fails every call of a batch that returns the wrong number of results, without retrying', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      results: (inputs) => inputs.slice(1),
      annotations: { idempotent: true },
    });
    const result = await run(
      {
        steps: [
          ...cities(['a', 'b', 'c']),
          { id: 'd', tool: 'weather', args: { city: '$a.city' } },
        ],
      },
      [weather],
    );
    expect(batches).toHaveLength(1);
    for (const id of ['a', 'b', 'c']) {
      const error = step(result, id).error;
      expect(error).toBeInstanceOf(BatchResultCountError);
      expect(error).toMatchObject({
        name: 'BatchResultCountError',
        stepId: id,
        batchId: 'b1',
        expected: 3,
        actual: 2,
      });
    }
    expect(step(result, 'a').error?.message).toBe(
      'Step `a`: tool `weather` was sent 3 inputs in batch `b1` but returned 2 results; none can be matched to its call.',
    );
    expect(step(result, 'd').error).toBeInstanceOf(DependencyFailedError);
  });

  it('fails each step of a failed batch with the cause and names the batch; other branches go on', async () => {
    setup();
    const weather = batchTestTool({ name: 'weather', clock, log, batches, failBatches: 1 });
    const other = testTool({ name: 'other', clock, log, latencyMs: 20 });
    const result = await run(
      {
        steps: [
          ...cities(['a', 'b']),
          { id: 'after', tool: 'other', args: { from: '$b' } },
          { id: 'free', tool: 'other', args: {} },
        ],
      },
      [weather, other],
    );
    for (const id of ['a', 'b']) {
      const error = step(result, id).error as ToolExecutionError;
      expect(error).toBeInstanceOf(ToolExecutionError);
      expect(error).toMatchObject({ stepId: id, batchId: 'b1', attempts: 1 });
      expect((error.cause as Error).message).toBe('weather batch failed on purpose');
      expect(error.message).toBe(
        `Step \`${id}\`: tool \`weather\` failed in batch \`b1\`: weather batch failed on purpose`,
      );
    }
    expect(step(result, 'after').status).toBe('skipped');
    expect(step(result, 'free')).toMatchObject({ status: 'ok', endMs: 20 });
  });

  it('routes output-schema failures to the one call whose result is wrong', async () => {
    setup();
    const weather = {
      ...batchTestTool({
        name: 'weather',
        clock,
        log,
        batches,
        results: (inputs) =>
          inputs.map((input) => (input['city'] === 'b' ? { temp: 'hot' } : { temp: 1 })),
      }),
      outputSchema: {
        jsonSchema: {},
        validate: (value: unknown) =>
          typeof (value as { temp: unknown }).temp === 'number'
            ? { success: true as const, value }
            : {
                success: false as const,
                issues: [{ path: 'temp', message: 'temp must be a number' }],
              },
      },
    };
    const result = await run({ steps: cities(['a', 'b', 'c']) }, [weather]);
    expect(step(result, 'a').status).toBe('ok');
    expect(step(result, 'b').error).toBeInstanceOf(ToolOutputError);
    expect(step(result, 'c').status).toBe('ok');
  });

  it('retries a failed batch of an idempotent tool as a whole, with the same idempotency key', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      failBatches: 1,
      annotations: { idempotent: true },
    });
    const events: ExecutionEvent[] = [];
    const result = await run({ steps: cities(['a', 'b']) }, [weather], {
      onEvent: (event) => events.push(event),
    });
    expect(result.status).toBe('ok');
    expect(batches.map((batch) => [batch.startMs, batch.attempt, batch.inputs.length])).toEqual([
      [0, 1, 2],
      [110, 2, 2],
    ]);
    expect(new Set(batches.map((batch) => batch.idempotencyKey)).size).toBe(1);
    expect(step(result, 'a')).toMatchObject({ attempts: 2, endMs: 120, batchIds: ['b1'] });
    expect(result.batches?.[0]).toMatchObject({ attempts: 2, startMs: 0, endMs: 120 });
    expect(
      events
        .filter((event) => event.type === 'step-retry')
        .map((event) => [event.stepId, event.batchId]),
    ).toEqual([
      ['a', 'b1'],
      ['b', 'b1'],
    ]);
  });

  it('times a batch out as one request and fails each of its steps with its own time-out', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      latencyMs: 100,
      annotations: { timeoutMs: 50 },
    });
    const result = await run({ steps: cities(['a', 'b']) }, [weather]);
    for (const id of ['a', 'b']) {
      expect(step(result, id).error).toBeInstanceOf(StepTimeoutError);
      expect(step(result, id)).toMatchObject({
        endMs: 50,
        error: { stepId: id, batchId: 'b1', timeoutMs: 50 },
      });
    }
    expect(result.wallMs).toBe(50);
  });

  it('holds one global slot per batch', async () => {
    setup();
    const weather = batchTestTool({ name: 'weather', clock, log, batches });
    const other = testTool({ name: 'other', clock, log, latencyMs: 10 });
    const result = await run(
      { steps: [...cities(['a', 'b', 'c']), { id: 'o', tool: 'other', args: {} }] },
      [weather, other],
      { maxConcurrency: 1 },
    );
    expect(batches.map((batch) => [batch.startMs, batch.inputs.length])).toEqual([[0, 3]]);
    expect(step(result, 'o').startMs).toBe(10);
    expect(result.wallMs).toBe(20);
  });

  it('waits batchWindowMs for more calls to join when asked to', async () => {
    setup();
    const weather = batchTestTool({ name: 'weather', clock, log, batches });
    const other = testTool({ name: 'other', clock, log, latencyMs: 5 });
    const plan = {
      steps: [
        { id: 'o', tool: 'other', args: { city: 'late' } },
        { id: 'a', tool: 'weather', args: { city: 'a' } },
        { id: 'b', tool: 'weather', args: { city: '$o.city' } },
      ],
    };
    const plain = await run(plan, [weather, other]);
    expect(
      log.filter((call) => call.tool === 'weather').map((call) => [call.stepId, call.startMs]),
    ).toEqual([
      ['a', 0],
      ['b', 5],
    ]);
    expect(plain.wallMs).toBe(15);
    setup();
    const windowed = await run(
      plan,
      [
        batchTestTool({ name: 'weather', clock, log, batches }),
        testTool({ name: 'other', clock, log, latencyMs: 5 }),
      ],
      { batchWindowMs: 8 },
    );
    expect(batches.map((batch) => [batch.startMs, batch.inputs])).toEqual([
      [8, [{ city: 'a' }, { city: 'late' }]],
    ]);
    expect(windowed.wallMs).toBe(18);
  });

  it('never deduplicates calls of a batch tool with side effects: identical inputs all go out', async () => {
    setup();
    const send = batchTestTool({ name: 'send', clock, log, batches });
    const result = await run(
      {
        steps: [
          { id: 'x', tool: 'send', args: { to: 'bob' } },
          { id: 'y', tool: 'send', args: { to: 'bob' } },
        ],
      },
      [send],
    );
    expect(batches.map((batch) => batch.inputs)).toEqual([[{ to: 'bob' }, { to: 'bob' }]]);
    expect(step(result, 'y').sharedWith).toBeUndefined();
  });

  it('deduplicates identical calls of a read-only batch tool before batching', async () => {
    setup();
    const weather = batchTestTool({
      name: 'weather',
      clock,
      log,
      batches,
      annotations: { readOnly: true },
    });
    const result = await run(
      {
        steps: [
          { id: 'a', tool: 'weather', args: { city: 'rome' } },
          { id: 'b', tool: 'weather', args: { city: 'rome' } },
          { id: 'c', tool: 'weather', args: { city: 'oslo' } },
        ],
      },
      [weather],
    );
    expect(batches.map((batch) => batch.inputs)).toEqual([[{ city: 'rome' }, { city: 'oslo' }]]);
    expect(step(result, 'b')).toMatchObject({ sharedWith: 'a', attempts: 0, endMs: 10 });
    expect(result.results['b']).toEqual({ city: 'rome' });
  });
});
