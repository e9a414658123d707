import { describe, expect, it } from 'vitest';
import type { BenchReport, StrategyFigures } from './bench-figures.js';
import { formatHeadlineTable, headlineTable } from './headline-table.js';

function figures(overrides: Partial<StrategyFigures> = {}): StrategyFigures {
  return {
    latencyMs: 1000,
    llmCalls: 1,
    inputTokens: 500,
    cachedInputTokens: 0,
    outputTokens: 50,
    costUsd: 0.002,
    toolCalls: 3,
    correct: true,
    cases: 1,
    runs: 8,
    correctRuns: 8,
    transportErrors: 0,
    latencyP50Ms: 1000,
    latencyP95Ms: 1100,
    ...overrides,
  };
}

const stream = {
  warmUp: 48,
  zeroModelCallShare: 1,
  zeroModelCallShareAll: 0.7,
  totalCostUsd: 0.12,
  perKind: {},
};

const report: BenchReport = {
  profile: 'gpt-4o',
  speed: 1,
  seed: 1,
  scenarios: {
    weather: {
      'loop-sequential': figures({ latencyMs: 8766.4, costUsd: 0.009_41 }),
      'loop-parallel': figures({ latencyMs: 4986, costUsd: 0.0055 }),
      plan: figures({ latencyMs: 2032, costUsd: 0.0023 }),
      optimized: figures({ latencyMs: 1750, costUsd: 0.002_268 }),
    },
    bfcl: {
      'loop-sequential': figures({ latencyMs: 3780, costUsd: 0.0046, cases: 397, runs: 397 }),
      'loop-parallel': figures({
        latencyMs: 2511,
        costUsd: 0.0028,
        cases: 397,
        runs: 397,
        correct: false,
        correctRuns: 396,
        transportErrors: 2,
      }),
      plan: figures({ latencyMs: 1642, costUsd: 0.0024, cases: 397, runs: 397 }),
      optimized: figures({ latencyMs: 1644, costUsd: 0.0024, cases: 397, runs: 397 }),
    },
    'repeat-traffic': {
      'loop-sequential': figures({ latencyMs: 4309, costUsd: 0.0089, cases: 240, stream }),
      'plan+chains': figures({ latencyMs: 702, costUsd: 0.0005, cases: 240, stream }),
      optimized: figures({ latencyMs: 702, costUsd: 0.0005, cases: 240, stream }),
    },
    'multi-turn': {
      'loop-full-history': figures({ perTurn: [] }),
      session: figures({ perTurn: [] }),
    },
  },
  skipped: { research: 'no news index' },
  sampled: { bfcl: { cases: 397, of: 1200 } },
};

describe('headlineTable', () => {
  const table = headlineTable(report);

  it('has a row per single-query scenario, labelled with its cases or queries', () => {
    expect(table.rows.map((row) => row.label)).toEqual([
      'weather',
      'bfcl (397 cases)',
      'repeat-traffic (240 queries)',
    ]);
    expect(table.multiTurn).toEqual(['multi-turn']);
    expect(table.strategies).toEqual([
      'loop-sequential',
      'loop-parallel',
      'plan',
      'optimized',
      'plan+chains',
    ]);
  });

  it('gives each strategy its latency and cost, and marks wrong answers', () => {
    const [weather, bfcl, traffic] = table.rows;
    expect(weather?.cells['loop-sequential']).toMatchObject({
      latencyMs: 8766.4,
      costUsd: 0.009_41,
      correct: true,
    });
    expect(bfcl?.cells['loop-parallel']).toMatchObject({
      correct: false,
      correctRuns: 396,
      runs: 397,
      transportErrors: 2,
    });
    expect(traffic?.cells['loop-parallel']).toBeUndefined();
  });

  it('compares optimized with each baseline present, as baseline ÷ optimized', () => {
    expect(table.baselines).toEqual(['loop-sequential', 'loop-parallel']);
    const [weather, , traffic] = table.rows;
    expect(weather?.ratios['loop-sequential']?.latency).toBeCloseTo(8766.4 / 1750, 10);
    expect(weather?.ratios['loop-sequential']?.cost).toBeCloseTo(0.009_41 / 0.002_268, 10);
    expect(weather?.ratios['loop-parallel']?.latency).toBeCloseTo(4986 / 1750, 10);
    expect(traffic?.ratios['loop-parallel']).toBeUndefined();
  });

  it('has no ratios without optimized', () => {
    const without = headlineTable({
      ...report,
      scenarios: { weather: { 'loop-sequential': figures(), plan: figures() } },
    });
    expect(without.baselines).toEqual([]);
    expect(without.rows[0]?.ratios).toEqual({});
  });
});

describe('formatHeadlineTable', () => {
  const text = formatHeadlineTable(report);
  const lines = text.split('\n');

  it('starts with a title, then an aligned table like the README', () => {
    expect(lines[0]).toMatch(/^Summary: mean latency \(ms\) · cost per query \(USD\)/);
    const header = lines[1] ?? '';
    expect(header).toMatch(
      /^scenario +loop-sequential +loop-parallel +plan +optimized +plan\+chains/,
    );
    expect(header).toMatch(/ optimized vs loop-sequential +optimized vs loop-parallel$/);
    expect(lines[0]).toContain('latency / cost as baseline ÷ optimized');
    expect(lines[2]).toMatch(/^─+ +─+/);
    expect(lines[3]).toMatch(
      /^weather +8,766 · \$0\.0094 +4,986 · \$0\.0055 .* 5\.01× \/ 4\.15× +2\.85× \/ 2\.43×$/,
    );
    // Every row of the table is as wide as its header: the columns line up.
    const widths = lines.slice(1, 6).map((line) => line.length);
    expect(new Set(widths).size).toBe(1);
    expect(lines[5]).toMatch(/^repeat-traffic \(240 queries\) .*702 · \$0\.0005 .* – *$/);
  });

  it('marks a wrong cell, and names wrong answers and transport errors below', () => {
    expect(lines[4]).toContain('2,511 · $0.0028 ✗');
    expect(text).toContain('✗ not every answer was right: bfcl loop-parallel 396/397');
    expect(text).toContain('transport errors');
    expect(text).toContain('bfcl loop-parallel 2');
  });

  it('names the multi-turn, sampled and skipped scenarios', () => {
    expect(text).toContain('multi-turn (figures per conversation, not in this table): multi-turn');
    expect(text).toContain('sampled: bfcl 397 of 1,200 cases');
    expect(text).toContain('skipped: research (no news index)');
  });

  it('has no ratio columns without optimized, and no notes when there is nothing to note', () => {
    const plain = formatHeadlineTable({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: { weather: { 'loop-sequential': figures(), plan: figures({ latencyMs: 500 }) } },
    });
    expect(plain).not.toContain(' vs ');
    expect(plain).not.toContain('×');
    expect(plain.split('\n')).toEqual([
      'Summary: mean latency (ms) · cost per query (USD) of each strategy',
      'scenario  loop-sequential           plan',
      '────────  ───────────────  ─────────────',
      'weather   1,000 · $0.0020  500 · $0.0020',
    ]);
  });

  it("sums plan's planner tokens over the single-query scenarios, beside the same plans as JSON", () => {
    const planner = { plannerInputTokens: 900, plannerOutputTokens: 80, canonicalPlanTokens: 100 };
    const withPlanner = formatHeadlineTable({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: {
        weather: { plan: figures(planner), 'plan-nostream': figures(planner) },
        bfcl: { plan: figures({ ...planner, plannerOutputTokens: 40.5, canonicalPlanTokens: 50 }) },
        'multi-turn': { session: figures({ ...planner, perTurn: [] }) },
      },
    });
    expect(withPlanner).toContain(
      'planner tokens of plan over 2 scenarios (means per run, summed): 1,800 input, 120.5 output (0.80×); the same plans as canonical JSON: 150 output',
    );
    expect(text).not.toContain('planner tokens');
  });

  it('says so when no single-query scenario ran', () => {
    expect(
      formatHeadlineTable({
        profile: 'gpt-4o',
        speed: 1,
        seed: 1,
        scenarios: {},
        skipped: { bfcl: 'data missing' },
      }),
    ).toBe('Summary: no single-query scenario ran.\nskipped: bfcl (data missing)');
  });
});
