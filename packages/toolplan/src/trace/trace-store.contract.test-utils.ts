import { describe, expect, it } from 'vitest';
import type { TraceRun } from './trace-record.js';
import type { TraceStore } from './trace-store.js';
import type { TraceQueueOptions } from './trace-store-options.js';

/** A run with `tools.length` calls, each 10 ms × its position long. */
export function sampleRun(index: number, overrides: Partial<TraceRun> = {}): TraceRun {
  const tools = ['get_user', 'get_preferences', 'get_recent_orders'];
  return {
    runId: `run-${index}`,
    strategy: 'plan',
    query: `context for user ${index}`,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    wallMs: 120,
    status: 'ok',
    plan: { steps: tools.map((tool, step) => ({ id: `s${step}`, tool, args: { id: index } })) },
    answer: `answer ${index}`,
    usage: { llmCalls: 1, inputTokens: 500, cachedInputTokens: 100, outputTokens: 40 },
    steps: tools.map((tool, step) => ({
      stepId: `s${step}`,
      tool,
      args: `{"id":${index}}`,
      status: 'ok',
      startMs: step * 10,
      endMs: step * 10 + 10 * (step + 1),
      attempts: 1,
      resultSummary: '{"ok":true}',
    })),
    ...overrides,
  };
}

/**
 * The behaviour every `TraceStore` must have, run against each implementation (in the manner of
 * hono's `common.case.test.ts`): `open` makes a fresh, empty store with the given queue options.
 */
export function describeTraceStoreContract(
  name: string,
  open: (options?: TraceQueueOptions) => TraceStore,
): void {
  describe(`TraceStore contract: ${name}`, () => {
    it('round-trips a run through record, flush and read', async () => {
      const store = open();
      const run = sampleRun(1, {
        replans: [{ steps: [] }],
        steps: [
          {
            stepId: 'u',
            tool: 'get_user',
            args: '{"id":1}',
            status: 'error',
            startMs: 0,
            endMs: 5,
            attempts: 2,
            error: 'ToolError: down',
          },
        ],
        status: 'error',
        error: 'PlanningError: gave up',
      });
      store.record(run);
      await store.flush();
      expect(await store.getRun('run-1')).toEqual(run);
      expect(await store.listRuns()).toEqual([run]);
      await store.close();
    });

    it('keeps optional fields absent rather than undefined or null', async () => {
      const store = open();
      const { plan: _plan, answer: _answer, usage: _usage, ...bare } = sampleRun(2);
      store.record({ ...bare, steps: [] });
      await store.flush();
      const read = await store.getRun('run-2');
      expect(read).toEqual({ ...bare, steps: [] });
      expect(Object.keys(read ?? {}).sort()).toEqual(Object.keys({ ...bare }).sort());
      await store.close();
    });

    it('record only queues: reads see nothing before a flush', async () => {
      const store = open({ flushIntervalMs: 60_000 });
      store.record(sampleRun(1));
      expect(await store.getRun('run-1')).toBeUndefined();
      expect(await store.listRuns()).toEqual([]);
      await store.flush();
      expect(await store.getRun('run-1')).toBeDefined();
      await store.close();
    });

    it('writes many recorded runs in one flush', async () => {
      const flushes: number[] = [];
      const store = open({
        flushIntervalMs: 60_000,
        maxQueue: 10_000,
        onFlush: (info) => flushes.push(info.runs),
      });
      for (let index = 0; index < 500; index += 1) store.record(sampleRun(index));
      await store.flush();
      expect(flushes).toEqual([500]);
      expect((await store.summary()).runs).toBe(500);
      await store.close();
    });

    it('flushes on its own after flushIntervalMs', async () => {
      const store = open({ flushIntervalMs: 5 });
      store.record(sampleRun(1));
      await expect.poll(() => store.getRun('run-1'), { timeout: 2000 }).toBeDefined();
      await store.close();
    });

    it('flushes on its own when the queue reaches maxQueue, outside record', async () => {
      const flushes: number[] = [];
      const store = open({
        flushIntervalMs: 60_000,
        maxQueue: 3,
        onFlush: (info) => flushes.push(info.runs),
      });
      for (let index = 0; index < 3; index += 1) store.record(sampleRun(index));
      expect(flushes).toEqual([]);
      // A store that writes over the network reports the write when it is in, a turn or more later.
      await expect.poll(() => flushes, { timeout: 5000 }).toEqual([3]);
      await store.close();
    });

    it('close flushes what is queued and refuses further records', async () => {
      const flushes: number[] = [];
      const store = open({ flushIntervalMs: 60_000, onFlush: (info) => flushes.push(info.runs) });
      store.record(sampleRun(1));
      await store.close();
      expect(flushes).toEqual([1]);
      expect(() => store.record(sampleRun(2))).toThrow(/closed/);
      await store.close();
    });

    it('replaces a run recorded again under the same id', async () => {
      const store = open();
      store.record(sampleRun(1));
      await store.flush();
      store.record(sampleRun(1, { answer: 'second', steps: [] }));
      await store.flush();
      const run = await store.getRun('run-1');
      expect(run?.answer).toBe('second');
      expect(run?.steps).toEqual([]);
      expect((await store.summary()).runs).toBe(1);
      await store.close();
    });

    it('lists newest first, with limit, since and strategy', async () => {
      const store = open();
      for (let index = 0; index < 6; index += 1) {
        store.record(sampleRun(index, { strategy: index % 2 === 0 ? 'plan' : 'loop-sequential' }));
      }
      await store.flush();
      const ids = (runs: TraceRun[]) => runs.map((run) => run.runId);
      expect(ids(await store.listRuns({ limit: 2 }))).toEqual(['run-5', 'run-4']);
      expect(ids(await store.listRuns({ strategy: 'plan' }))).toEqual(['run-4', 'run-2', 'run-0']);
      expect(ids(await store.listRuns({ since: new Date(Date.UTC(2026, 0, 1, 0, 0, 4)) }))).toEqual(
        ['run-5', 'run-4'],
      );
      expect(
        ids(
          await store.listRuns({ since: '2026-01-01T00:00:03.000Z', strategy: 'loop-sequential' }),
        ),
      ).toEqual(['run-5', 'run-3']);
      await store.close();
    });

    it('rejects a bad limit or since the same way', async () => {
      const store = open();
      await expect(store.listRuns({ limit: 0 })).rejects.toThrow(
        'Expected `limit` to be a positive integer, got `0`',
      );
      await expect(store.listRuns({ since: 'yesterday' })).rejects.toThrow(/`since`/);
      await store.close();
    });

    it('rejects a failed flush with a TraceStoreError and drops only that batch', async () => {
      const store = open({ flushIntervalMs: 60_000 });
      store.record({ ...sampleRun(1), steps: null as unknown as TraceRun['steps'] });
      await expect(store.flush()).rejects.toMatchObject({
        name: 'TraceStoreError',
        message: expect.stringMatching(/Could not write 1 trace run; they were dropped/) as string,
      });
      store.record(sampleRun(2));
      await store.flush();
      expect((await store.listRuns()).map((run) => run.runId)).toEqual(['run-2']);
      await store.close();
    });

    it('summarises runs per strategy, tools with latency percentiles and errors, and sequences', async () => {
      const store = open();
      for (let index = 0; index < 4; index += 1) store.record(sampleRun(index));
      store.record(
        sampleRun(10, {
          strategy: 'loop-sequential',
          status: 'error',
          steps: [
            {
              stepId: 'a',
              tool: 'get_weather',
              args: '{}',
              status: 'ok',
              startMs: 0,
              endMs: 30,
              attempts: 1,
            },
            {
              stepId: 'b',
              tool: 'get_weather',
              args: '{}',
              status: 'error',
              startMs: 0,
              endMs: 50,
              attempts: 1,
              error: 'E: x',
            },
          ],
        }),
      );
      store.record(sampleRun(11, { strategy: 'chain', steps: [] }));
      await store.flush();
      const summary = await store.summary();
      expect(summary.runs).toBe(6);
      expect(summary.strategies).toEqual([
        { strategy: 'plan', runs: 4, errors: 0 },
        { strategy: 'chain', runs: 1, errors: 0 },
        { strategy: 'loop-sequential', runs: 1, errors: 1 },
      ]);
      expect(summary.tools).toEqual([
        { tool: 'get_preferences', calls: 4, errors: 0, p50Ms: 20, p95Ms: 20 },
        { tool: 'get_recent_orders', calls: 4, errors: 0, p50Ms: 30, p95Ms: 30 },
        { tool: 'get_user', calls: 4, errors: 0, p50Ms: 10, p95Ms: 10 },
        { tool: 'get_weather', calls: 2, errors: 1, p50Ms: 30, p95Ms: 50 },
      ]);
      expect(summary.sequences).toEqual([
        { sequence: 'get_user → get_preferences → get_recent_orders', runs: 4 },
        { sequence: 'get_weather ×2', runs: 1 },
      ]);
      expect((await store.summary({ topSequences: 1 })).sequences).toHaveLength(1);
      await store.close();
    });

    it('keeps what was written unaffected by later changes to the recorded object', async () => {
      const store = open();
      const run = sampleRun(1);
      store.record(run);
      await store.flush();
      run.answer = 'changed';
      expect((await store.getRun('run-1'))?.answer).toBe('answer 1');
      await store.close();
    });
  });
}
