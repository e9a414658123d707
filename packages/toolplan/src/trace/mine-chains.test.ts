import { describe, expect, it } from 'vitest';
import { matchChain } from './match-chain.js';
import { mineChains } from './mine-chains.js';
import type { TraceRun } from './trace-record.js';

const NAMES = ['Alice Smith', 'Bob Jones', 'Carol White', 'Dan Brown', 'Eve Black'];

function run(
  index: number,
  query: string,
  plan?: unknown,
  status: 'ok' | 'error' = 'ok',
): TraceRun {
  return {
    runId: `r${index}`,
    strategy: plan === undefined ? 'loop-sequential' : 'plan',
    query,
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
    wallMs: 10,
    status,
    ...(plan === undefined ? {} : { plan }),
    steps: [],
  };
}

function dashboardPlan(name: string, limit: number) {
  return {
    steps: [
      { id: 'u', tool: 'get_user', args: { name } },
      { id: 'p', tool: 'get_preferences', args: { user_id: '$u.id' } },
      { id: 'o', tool: 'get_recent_orders', args: { user_id: '$u.id', limit } },
      { id: 'a', tool: 'aggregate', args: { preferences: '$p', orders: '$o.items' } },
    ],
    answer: '${a.summary}',
  };
}

/** 45 instances of the planted chain, 2 of a rarer one, 10 one-off plans, 3 loop runs, 1 failure. */
function syntheticLog(): TraceRun[] {
  const runs: TraceRun[] = [];
  let index = 0;
  for (let each = 0; each < 45; each += 1) {
    const name = NAMES[each % NAMES.length] as string;
    const limit = 3 + (each % 7);
    runs.push(
      run(
        index++,
        `Show the last ${limit} orders and the preferences of ${name}`,
        dashboardPlan(name, limit),
      ),
    );
  }
  for (const city of ['Boston', 'Paris']) {
    runs.push(
      run(index++, `What is the weather in ${city}?`, {
        steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
        answer: '${w.temp}',
      }),
    );
  }
  for (let each = 0; each < 10; each += 1) {
    runs.push(
      run(index++, `Do thing number ${each} with Widget${each}`, {
        steps: [
          { id: 'x', tool: `tool_${each}`, args: { count: each, target: `Widget${each}` } },
          { id: 'y', tool: `other_${each % 3}`, args: { input: '$x' } },
        ],
      }),
    );
  }
  for (let each = 0; each < 3; each += 1) runs.push(run(index++, `Loop query ${each}`));
  return runs;
}

describe('mineChains', () => {
  it('finds the planted chain with its data flow and query arguments, ignoring noise', () => {
    const mined = mineChains(syntheticLog(), { minSupport: 3 });
    expect(mined.totalRuns).toBe(60);
    expect(mined.proposals).toHaveLength(1);
    const [chain] = mined.proposals;
    expect(chain).toMatchObject({
      name: 'get_user-get_preferences-get_recent_orders-aggregate',
      origin: 'mined',
      kept: false,
      support: 45,
      coverage: 0.75,
      params: {
        name: { type: 'string', entities: [...NAMES].sort() },
        limit: { type: 'number' },
      },
    });
    expect(chain?.dataFlow).toEqual([
      { from: 'u.id', to: 'p.user_id' },
      { from: 'u.id', to: 'o.user_id' },
      { from: 'p', to: 'a.preferences' },
      { from: 'o.items', to: 'a.orders' },
    ]);
    expect(chain?.queryArgs).toEqual([
      { param: 'limit', to: 'o.limit' },
      { param: 'name', to: 'u.name' },
    ]);
    expect(chain?.plan.steps[0]?.args).toEqual({ name: '$params.name' });
    expect(chain?.plan.steps[2]?.args).toEqual({ user_id: '$u.id', limit: '$params.limit' });
    expect(mined.coveredRuns).toBe(45);
  });

  it('proposes a rarer shape only when min support allows it, most frequent first', () => {
    const mined = mineChains(syntheticLog(), { minSupport: 2 });
    expect(mined.proposals.map((chain) => [chain.name, chain.support])).toEqual([
      ['get_user-get_preferences-get_recent_orders-aggregate', 45],
      ['get_weather', 2],
    ]);
    expect(mined.coverage).toBeCloseTo(47 / 60);
  });

  it('stops once the coverage target is reached', () => {
    const mined = mineChains(syntheticLog(), { minSupport: 2, coverageTarget: 0.5 });
    expect(mined.proposals.map((chain) => chain.support)).toEqual([45]);
  });

  it('mines failed runs and runs without a plan into nothing', () => {
    const failed = run(
      1,
      'Show the last 3 orders and the preferences of Alice Smith',
      dashboardPlan('Alice Smith', 3),
      'error',
    );
    expect(mineChains([failed, failed, failed, run(2, 'loop')]).proposals).toEqual([]);
  });

  it('yields a chain that matches new instances and refuses near misses', () => {
    const [chain] = mineChains(syntheticLog()).proposals;
    if (chain === undefined) throw new Error('expected a proposal');
    expect(
      matchChain(chain, 'show the last 4 orders and the preferences of bob jones'),
    ).toMatchObject({
      params: { name: 'Bob Jones', limit: 4 },
      confidence: 1,
    });
    // A new person is plausible, but less certain than a known one.
    expect(
      matchChain(chain, 'Show the last 8 orders and the preferences of Zoe Quinn'),
    ).toMatchObject({
      params: { name: 'Zoe Quinn', limit: 8 },
      confidence: 0.9,
    });
    // The log ran it for 3 to 9 orders only: 12 may need another plan, so the planner decides.
    expect(
      matchChain(chain, 'Show the last 12 orders and the preferences of Bob Jones'),
    ).toBeUndefined();
    expect(
      matchChain(
        chain,
        'Show the last 4 orders and the preferences of Bob Jones, then cancel them',
      ),
    ).toBeUndefined();
    expect(
      matchChain(chain, 'Show the last few orders and the preferences of Bob Jones'),
    ).toBeUndefined();
  });

  it('rejects bad options eagerly', () => {
    expect(() => mineChains([], { minSupport: 0 })).toThrow(
      'Expected `minSupport` to be a positive integer, got `0`',
    );
    expect(() => mineChains([], { coverageTarget: 2 })).toThrow(/coverageTarget/);
  });
});
