import { z } from 'zod';
import {
  defineTool,
  type Tool,
  type ToolAnnotations,
  type ToolExecutionContext,
} from '../tools/index.js';
import type { VirtualClock } from './virtual-clock.js';

export interface CallLog {
  tool: string;
  stepId: string;
  input: unknown;
  startMs: number;
  endMs?: number;
  attempt: number;
  idempotencyKey: string;
  signal: AbortSignal;
}

/**
 * A tool for scheduler tests: takes `latencyMs` of virtual time, returns `result(input)` (or its
 * input), fails while `failTimes` is not used up, and logs every call with its virtual times.
 */
export function testTool(options: {
  name: string;
  clock: VirtualClock;
  log: CallLog[];
  latencyMs?: number | ((input: Record<string, unknown>) => number);
  result?: (input: Record<string, unknown>) => unknown;
  failTimes?: number;
  inputSchema?: z.ZodType<Record<string, unknown>>;
  annotations?: ToolAnnotations<Record<string, unknown>, unknown>;
}): Tool<Record<string, unknown>, unknown> {
  let failuresLeft = options.failTimes ?? 0;
  return defineTool({
    name: options.name,
    description: `test tool ${options.name}`,
    inputSchema: options.inputSchema ?? z.record(z.string(), z.unknown()),
    // Scheduler tests chain side-effecting test tools on each other's results: their output is
    // the test's own data, so the default policy must not deny them (trust has tests of its own).
    trusted: true,
    ...options.annotations,
    async execute(input: Record<string, unknown>, context: ToolExecutionContext) {
      const entry: CallLog = {
        tool: options.name,
        stepId: context.stepId,
        input,
        startMs: options.clock.now(),
        attempt: context.attempt,
        idempotencyKey: context.idempotencyKey,
        signal: context.signal,
      };
      options.log.push(entry);
      const latency =
        typeof options.latencyMs === 'function'
          ? options.latencyMs(input)
          : (options.latencyMs ?? 10);
      await options.clock.sleep(latency, context.signal);
      entry.endMs = options.clock.now();
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error(`${options.name} failed on purpose`);
      }
      return options.result ? options.result(input) : input;
    },
  });
}

/** Highest number of calls overlapping in time, from a call log. */
export function maxOverlap(log: readonly CallLog[], tool?: string): number {
  const events: Array<[number, number]> = [];
  for (const call of log) {
    if (tool !== undefined && call.tool !== tool) continue;
    events.push([call.startMs, 1], [call.endMs ?? Infinity, -1]);
  }
  events.sort((left, right) => left[0] - right[0] || left[1] - right[1]);
  let current = 0;
  let max = 0;
  for (const [, delta] of events) {
    current += delta;
    max = Math.max(max, current);
  }
  return max;
}

export interface BatchLog {
  tool: string;
  stepId: string;
  inputs: unknown[];
  startMs: number;
  attempt: number;
  idempotencyKey: string;
}

/**
 * A batch tool for scheduler tests: `batch` takes `latencyMs` of virtual time for the whole
 * batch (one request, not one per input), logs each request in `batches`, and returns
 * `results(inputs)` (by default the inputs); it fails while `failBatches` is not used up. Its
 * `execute` logs into `log` like `testTool`.
 */
export function batchTestTool(options: {
  name: string;
  clock: VirtualClock;
  log: CallLog[];
  batches: BatchLog[];
  latencyMs?: number;
  results?: (inputs: Record<string, unknown>[]) => unknown;
  failBatches?: number;
  annotations?: ToolAnnotations<Record<string, unknown>, unknown>;
}): Tool<Record<string, unknown>, unknown> {
  let failuresLeft = options.failBatches ?? 0;
  const single = testTool({
    name: options.name,
    clock: options.clock,
    log: options.log,
    latencyMs: options.latencyMs ?? 10,
    ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
  });
  return {
    ...single,
    async batch(inputs: Record<string, unknown>[], context: ToolExecutionContext) {
      options.batches.push({
        tool: options.name,
        stepId: context.stepId,
        inputs,
        startMs: options.clock.now(),
        attempt: context.attempt,
        idempotencyKey: context.idempotencyKey,
      });
      await options.clock.sleep(options.latencyMs ?? 10, context.signal);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error(`${options.name} batch failed on purpose`);
      }
      return (options.results ? options.results(inputs) : inputs) as unknown[];
    },
  };
}

/**
 * Runs the virtual clock until nothing is pending, then gives the run's outcome. The promise is
 * observed at once: a plan that fails validation rejects before any timer fires, and must not
 * count as an unhandled rejection while the clock runs.
 */
export async function settleOnClock<T>(
  promise: Promise<T>,
  clock: { runAll(): Promise<void> },
): Promise<T> {
  promise.catch(() => undefined);
  await clock.runAll();
  return promise;
}
