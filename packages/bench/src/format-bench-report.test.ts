import { describe, expect, it } from 'vitest';
import type { StrategyFigures } from './bench-figures.js';
import { formatBenchReport } from './format-bench-report.js';

const figures = (overrides: Partial<StrategyFigures>): StrategyFigures => ({
  latencyMs: 1000,
  llmCalls: 1,
  inputTokens: 100,
  cachedInputTokens: 0,
  outputTokens: 10,
  costUsd: 0.001,
  toolCalls: 1,
  correct: true,
  cases: 1,
  runs: 1,
  correctRuns: 1,
  transportErrors: 0,
  latencyP50Ms: 1000,
  latencyP95Ms: 1000,
  ...overrides,
});

describe('formatBenchReport', () => {
  it('prints what tool selection sent, against the row that sends every tool', () => {
    const selection = (toolsSent: number, extraRounds: number) => ({
      cases: 397,
      runs: 100,
      toolRecallRuns: 0.99,
      promptTokensRuns: toolsSent === 628 ? 43_700 : 4_200,
      toolsSent,
      extraRounds,
      extraRoundShare: extraRounds / 100,
    });
    const text = formatBenchReport({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: {
        'big-catalog': {
          plan: figures({
            promptTokens: 4_150,
            toolRecall: 0.9924,
            toolSelection: selection(50, 1),
          }),
          'plan-all-tools': figures({
            promptTokens: 43_500,
            toolRecall: 1,
            toolSelection: selection(628, 0),
          }),
        },
      },
    });
    expect(text).toContain('tool selection — over all 397 cases');
    expect(text).toMatch(/plan\s+4,150\s+9\.5%\s+99\.2%\s+4,200\s+50\s+99\.0%\s+1 \(1\.0%\)/);
    expect(text).toMatch(/plan-all-tools\s+43,500\s+100\.0%\s+100\.0%\s+43,700\s+628/);
  });

  it('prints what speculation did, and the cut against plan', () => {
    const text = formatBenchReport({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: {
        news: {
          plan: figures({ latencyMs: 3000, toolCalls: 3 }),
          'plan+predict': figures({
            latencyMs: 2000,
            toolCalls: 4,
            speculation: {
              proposals: 4,
              started: 4,
              hits: 3,
              joins: 2,
              wasted: 1,
              cancelled: 1,
              hitRate: 0.75,
              savedMs: 1200,
            },
          }),
        },
      },
    });
    expect(text).toContain('predictive execution');
    expect(text).toMatch(/plan\+predict\s+4\s+4\s+75\.0%\s+2\s+1\s+4\s+1,200 ms\s+33\.3%/);
  });

  it('prints every figure and the ratios to each baseline', () => {
    const text = formatBenchReport(
      {
        profile: 'gpt-4o',
        speed: 1,
        seed: 1,
        scenarios: {
          weather: {
            'loop-sequential': figures({ latencyMs: 3000, costUsd: 0.004, llmCalls: 7 }),
            'loop-parallel': figures({ latencyMs: 1500, costUsd: 0.002, llmCalls: 3 }),
          },
        },
      },
      { weather: 'five cities' },
    );
    expect(text).toContain('weather — five cities');
    expect(text).toContain('profile gpt-4o · 1 case');
    expect(text).toMatch(/loop-sequential\s+3,000 ms/);
    // loop-parallel against loop-sequential: 2× faster, 2× cheaper; against itself: 1×.
    expect(text).toMatch(/loop-parallel\s+2\.00×\s+2\.00×\s+1\.00×\s+1\.00×/);
    expect(text).toMatch(/loop-sequential\s+1\.00×\s+1\.00×\s+0\.50×\s+0\.50×/);
  });

  it("shows a planning strategy's planner tokens beside the same plans as JSON", () => {
    const text = formatBenchReport({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: {
        weather: {
          plan: figures({
            lowerBoundMs: 900,
            plannerInputTokens: 1234,
            plannerOutputTokens: 87,
            canonicalPlanTokens: 107,
          }),
          'loop-parallel': figures({}),
        },
      },
    });
    expect(text).toMatch(/planner in tok\s+planner out tok\s+as JSON/);
    expect(text).toMatch(/plan\s.*\s1,234\s+87\s+107$/m);
  });

  it('shows wrong answers and their reasons', () => {
    const text = formatBenchReport({
      profile: 'gpt-4o',
      speed: 1,
      seed: 1,
      scenarios: {
        bfcl: {
          'loop-parallel': figures({
            cases: 3,
            runs: 3,
            correctRuns: 2,
            correct: false,
            failures: ['parallel_7: answered "x"'],
          }),
        },
      },
    });
    expect(text).toContain('3 cases, figures are means per case');
    expect(text).toMatch(/loop-parallel.*2\/3/);
    expect(text).toContain('✗ loop-parallel: parallel_7: answered "x"');
  });
});
