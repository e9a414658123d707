import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loopParallelStrategy, loopSequentialStrategy, planStrategy } from './strategies/index.js';
import { gpt4oProfile } from '@toolplan/simulator';
import { runBench, type BenchProgress } from './run-bench.js';
import { ScenarioDataError } from './scenarios/scenario-data-error.js';
import type { BenchScenario } from './scenarios/bench-scenario.js';
import { simulatedTool } from './scenarios/simulated-tool.js';

const QUERY = 'Look up the temperatures of Oslo, Rome and Lima, then tell me the highest.';
const TEMPERATURES: Record<string, number> = { Oslo: 3, Rome: 17, Lima: 21 };

// A small scenario written for this test: three independent look-ups, then a computation.
const tinyScenario: BenchScenario = {
  name: 'tiny',
  description: 'three look-ups and a maximum',
  open(context) {
    const lookUp = simulatedTool({
      context,
      name: 'get_temp',
      description: 'Temperature of a city',
      inputSchema: z.object({ city: z.string() }),
      latency: { p50Ms: 100, p95Ms: 200, source: 'test' },
      compute: ({ city }) => ({ city, temp: TEMPERATURES[city] ?? 0 }),
      annotations: { readOnly: true },
    });
    const highest = simulatedTool({
      context,
      name: 'max_temp',
      description: 'Highest of some temperatures',
      inputSchema: z.object({ temps: z.array(z.number()) }),
      latency: { p50Ms: 5, p95Ms: 10, source: 'test' },
      compute: ({ temps }) => ({ max: Math.max(...temps) }),
      // A pure computation: without `readOnly` it would be a side effect fed by untrusted tool
      // output, which the run's default policy denies.
      annotations: { readOnly: true },
    });
    const cities = ['Oslo', 'Rome', 'Lima'];
    return {
      cases: [
        {
          id: 'main',
          query: QUERY,
          expectedAnswer: 'The highest is 21°C.',
          expectedCalls: [
            ...cities.map((city) => ({ tool: 'get_temp', args: { city } })),
            { tool: 'max_temp', args: { temps: [3, 17, 21] } },
          ],
          script: {
            name: 'tiny',
            query: QUERY,
            loop: {
              calls: [
                ...cities.map((city, index) => ({
                  id: `t${index}`,
                  tool: 'get_temp',
                  args: { city },
                })),
                {
                  id: 'm',
                  tool: 'max_temp',
                  args: { temps: ['$t0.temp', '$t1.temp', '$t2.temp'] },
                },
              ],
              answer: 'The highest is ${m.max}°C.',
            },
            plan: {
              steps: [
                { id: 't', tool: 'get_temp', forEach: cities, args: { city: '$item' } },
                {
                  id: 'm',
                  tool: 'max_temp',
                  args: { temps: ['$t[0].temp', '$t[1].temp', '$t[2].temp'] },
                },
              ],
              answer: 'The highest is ${m.max}°C.',
            },
          },
        },
      ],
      toolsFor: () => [lookUp, highest],
      close: () => undefined,
    };
  },
};

// Real benches over HTTP: seconds each on a busy 2-core machine; behaviour is tested, not speed.
describe('runBench', { timeout: 30_000 }, () => {
  it('runs the real AI SDK loops against the simulated provider and measures them alike', async () => {
    const report = await runBench({
      scenarios: [tinyScenario],
      strategies: [loopSequentialStrategy, loopParallelStrategy, planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
    });
    expect(report.profile).toBe('gpt-4o');
    const planned = report.scenarios['tiny']?.['plan'];
    expect(planned?.correct).toBe(true);
    // One planning call; the answer template resolves, so no second call.
    expect(planned?.llmCalls).toBe(1);
    expect(planned?.toolCalls).toBe(4);
    // The planner's own tokens: its one call, and its plan as canonical JSON (counted, not sent).
    expect(planned?.plannerOutputTokens).toBe(planned?.outputTokens);
    expect(planned?.plannerInputTokens).toBe(planned?.inputTokens);
    expect(planned?.canonicalPlanTokens).toBeGreaterThan(planned?.plannerOutputTokens ?? Infinity);
    const sequential = report.scenarios['tiny']?.['loop-sequential'];
    const parallel = report.scenarios['tiny']?.['loop-parallel'];
    expect(sequential?.correct).toBe(true);
    expect(parallel?.correct).toBe(true);
    // One call per turn: 4 tool turns and the answer; in parallel, the look-ups share a turn.
    expect(sequential?.llmCalls).toBe(5);
    expect(parallel?.llmCalls).toBe(3);
    expect(sequential?.toolCalls).toBe(4);
    expect(parallel?.toolCalls).toBe(4);
    // The history grows each turn: more turns, more input tokens, more cost.
    expect(sequential?.inputTokens).toBeGreaterThan(parallel?.inputTokens ?? Infinity);
    expect(sequential?.costUsd).toBeGreaterThan(parallel?.costUsd ?? Infinity);
    expect(parallel?.outputTokens).toBeGreaterThan(0);
  });

  it('measures the same tokens and calls with the provider in a worker thread', async () => {
    const run = (provider: 'worker' | 'in-process') =>
      runBench({
        scenarios: [tinyScenario],
        strategies: [loopParallelStrategy, planStrategy],
        profile: gpt4oProfile,
        speed: 1000,
        provider,
      });
    const [inProcess, worker] = [await run('in-process'), await run('worker')];
    for (const strategy of ['loop-parallel', 'plan']) {
      const expected = inProcess.scenarios['tiny']?.[strategy];
      const actual = worker.scenarios['tiny']?.[strategy];
      expect(actual?.correct).toBe(true);
      expect(actual).toMatchObject({
        llmCalls: expected?.llmCalls,
        inputTokens: expected?.inputTokens,
        cachedInputTokens: expected?.cachedInputTokens,
        outputTokens: expected?.outputTokens,
        toolCalls: expected?.toolCalls,
      });
    }
  });

  it('reports a wrong answer instead of hiding it', async () => {
    const wrong: BenchScenario = {
      ...tinyScenario,
      async open(context) {
        const opened = await tinyScenario.open(context);
        return {
          ...opened,
          cases: opened.cases.map((benchCase) => ({
            ...benchCase,
            expectedAnswer: 'The highest is 99°C.',
          })),
        };
      },
    };
    const report = await runBench({
      scenarios: [wrong],
      strategies: [loopParallelStrategy],
      profile: gpt4oProfile,
      speed: 1000,
    });
    const figures = report.scenarios['tiny']?.['loop-parallel'];
    expect(figures?.correct).toBe(false);
    expect(figures?.correctRuns).toBe(0);
    expect(figures?.failures?.[0]).toContain('expected "The highest is 99°C."');
  });

  it.each([
    ['a 500 on every request', { kind: 'server-error' as const }],
    ['every stream cut after 3 events', { kind: 'cut-stream' as const, afterChunks: 3 }],
  ])('counts runs broken in transport apart from wrong answers (%s)', async (_, fault) => {
    const report = await runBench({
      scenarios: [tinyScenario],
      strategies: [loopParallelStrategy, planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 2,
      faults: [{ fault }],
    });
    for (const strategy of ['loop-parallel', 'plan']) {
      const figures = report.scenarios['tiny']?.[strategy];
      expect(figures, strategy).toMatchObject({ runs: 2, transportErrors: 2, correctRuns: 0 });
      // Nothing was answered, so nothing can be called right; the reasons say transport.
      expect(figures?.correct).toBe(false);
      expect(figures?.failures?.every((failure) => failure.startsWith('(transport) '))).toBe(true);
    }
  });

  it('counts a request the provider refused (a 4xx) as a wrong answer, not transport', async () => {
    const unscripted: BenchScenario = {
      ...tinyScenario,
      async open(context) {
        const opened = await tinyScenario.open(context);
        return {
          ...opened,
          cases: opened.cases.map((benchCase) => ({ ...benchCase, query: 'Something else?' })),
        };
      },
    };
    const report = await runBench({
      scenarios: [unscripted],
      strategies: [planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 1,
    });
    expect(report.scenarios['tiny']?.['plan']).toMatchObject({
      correct: false,
      correctRuns: 0,
      transportErrors: 0,
    });
  });

  it('skips a scenario whose data is missing, with the reason, and runs the others', async () => {
    const missing: BenchScenario = {
      ...tinyScenario,
      name: 'needs-data',
      open() {
        throw new ScenarioDataError({ message: 'no data at /nowhere', path: '/nowhere' });
      },
    };
    const events: BenchProgress[] = [];
    const report = await runBench({
      scenarios: [missing, tinyScenario],
      strategies: [planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 1,
      onProgress: (event) => events.push(event),
    });
    expect(report.skipped).toEqual({ 'needs-data': 'no data at /nowhere' });
    expect(Object.keys(report.scenarios)).toEqual(['tiny']);
    expect(report.scenarios['tiny']?.['plan']?.correct).toBe(true);
    expect(events).toContainEqual({
      type: 'scenario-skipped',
      scenario: 'needs-data',
      reason: 'no data at /nowhere',
    });
    expect(events).toContainEqual({ type: 'start', scenarios: [{ scenario: 'tiny', runs: 1 }] });
  });

  it('measures how starved its host was', async () => {
    const report = await runBench({
      scenarios: [tinyScenario],
      strategies: [planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 2,
    });
    expect(report.host).toMatchObject({
      eventLoopDelayP99Ms: expect.any(Number),
      providerLatenessP99Ms: expect.any(Number),
      starved: expect.any(Boolean),
    });
    expect(report.host?.cpus).toBeGreaterThan(0);
  });

  it('runs a seeded sample of a large scenario by default, and every case with `full`', async () => {
    const large: BenchScenario = {
      ...tinyScenario,
      name: 'large',
      sample: 2,
      async open(context) {
        const opened = await tinyScenario.open(context);
        const [only] = opened.cases;
        if (only === undefined) throw new Error('the tiny scenario has a case');
        return {
          ...opened,
          cases: Array.from({ length: 5 }, (_, index) => ({ ...only, id: `case${index}` })),
        };
      },
    };
    const run = (full: boolean) =>
      runBench({
        scenarios: [large],
        strategies: [planStrategy],
        profile: gpt4oProfile,
        speed: 1000,
        minRuns: 1,
        full,
      });
    const sampled = await run(false);
    expect(sampled.sampled).toEqual({ large: { cases: 2, of: 5 } });
    expect(sampled.scenarios['large']?.['plan']).toMatchObject({
      cases: 2,
      runs: 2,
      correct: true,
    });
    const full = await run(true);
    expect(full.sampled).toBeUndefined();
    expect(full.scenarios['large']?.['plan']).toMatchObject({ cases: 5, runs: 5, correct: true });
    // Every strategy's timeline shows the same case.
    const both = await runBench({
      scenarios: [large],
      strategies: [loopParallelStrategy, planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 1,
      full: true,
    });
    const drawn = both.timelines?.filter((timeline) => timeline.scenario === 'large') ?? [];
    expect(drawn.map((timeline) => timeline.strategy)).toEqual(['loop-parallel', 'plan']);
    expect(new Set(drawn.map((timeline) => timeline.caseId)).size).toBe(1);
  });
});
