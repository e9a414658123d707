import { describe, expect, it } from 'vitest';
import { gpt4oProfile } from '@toolplan/simulator';
import { formatBenchReport } from '../../format-bench-report.js';
import { runBench } from '../../run-bench.js';
import { createPlanChainsStrategy, planStrategy } from '../../strategies/index.js';
import type { BenchScenario } from '../bench-scenario.js';
import { REPEAT_KIND } from './near-miss-kinds.js';
import { nearMissScenario, toNearMissCase } from './near-miss-scenario.js';
import { nearMissStream, nearMissWarmUp } from './near-miss-stream.js';

/** The near-miss scenario on a short stream: its cases, scripts and tools as the bench's own. */
function shortNearMissScenario(options: {
  othersRun: number;
  name?: string;
  afterOthers?: boolean;
}): BenchScenario {
  return {
    ...nearMissScenario,
    name: options.name ?? 'near-miss-short',
    stream: {
      warmUp: nearMissWarmUp({ warmUpPerBase: 2 }),
      // Few at once, so that the learner has learned the bases before the near misses come.
      concurrency: 4,
      repeatedKinds: [REPEAT_KIND],
      othersRun: options.othersRun,
      afterOthers: options.afterOthers ?? true,
    },
    async open(context) {
      const full = await nearMissScenario.open(context);
      const items = nearMissStream({
        seed: context.seed,
        warmUpPerBase: 2,
        nearMisses: 60,
        repeats: 30,
      });
      return { cases: items.map(toNearMissCase), toolsFor: full.toolsFor, close: full.close };
    },
  };
}

describe('near-miss stream, end to end', () => {
  it('a learner learns the bases; every wrong answer is one made without a model call', async () => {
    const report = await runBench({
      scenarios: [shortNearMissScenario({ othersRun: 40 })],
      // Two warm-up runs per base are too few for three shadow agreements: here learned plans
      // answer at once, so that a short stream still shows what a learner answers wrong.
      strategies: [planStrategy, createPlanChainsStrategy({ promoteAfter: 0 })],
      profile: gpt4oProfile,
      speed: 200,
    });
    const figures = report.scenarios['near-miss-short'];
    const plan = figures?.['plan'];
    const chains = figures?.['plan+chains'];
    // A strategy that learns nothing runs the stream's head only, and every answer is right:
    // the scripts are honest.
    expect(plan?.runs).toBe(40);
    expect(plan?.correctRuns).toBe(40);
    expect(plan?.stream?.zeroCallWrong).toBe(0);
    expect(plan?.stream?.wastedToolCalls).toBe(0);
    // The learner runs all of it, answers repeats from memory, and is wrong only without a model.
    const runs = nearMissWarmUp({ warmUpPerBase: 2 }) + 60 + 30;
    expect(chains?.runs).toBe(runs);
    expect(chains?.stream?.zeroModelCallShare).toBeGreaterThan(0.5);
    expect(chains?.stream?.zeroCallWrong).toBe(runs - (chains?.correctRuns ?? 0));
    const text = formatBenchReport(report);
    expect(text).toContain('learned plans that did not fit');
    expect(text).toMatch(/plan\+chains\s+\d+\s+[\d.]+%\s+\d+\s+\d+/);
  }, 120_000);

  it('--full runs the whole stream for every strategy', async () => {
    const report = await runBench({
      scenarios: [shortNearMissScenario({ othersRun: 10 })],
      strategies: [planStrategy],
      profile: gpt4oProfile,
      speed: 200,
      full: true,
    });
    expect(report.scenarios['near-miss-short']?.['plan']?.runs).toBe(
      nearMissWarmUp({ warmUpPerBase: 2 }) + 90,
    );
  }, 120_000);

  it('a stream that runs after the others starts once every other run has ended', async () => {
    const ended: string[] = [];
    await runBench({
      scenarios: [
        shortNearMissScenario({ othersRun: 30, name: 'after' }),
        shortNearMissScenario({ othersRun: 30, name: 'beside', afterOthers: false }),
      ],
      strategies: [planStrategy],
      profile: gpt4oProfile,
      speed: 200,
      onProgress: (event) => {
        if (event.type === 'run-end') ended.push(event.scenario);
      },
    });
    expect(ended).toEqual([
      ...Array<string>(30).fill('beside'),
      ...Array<string>(30).fill('after'),
    ]);
  }, 120_000);
});
