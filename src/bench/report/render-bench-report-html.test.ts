import { describe, expect, it } from 'vitest';
import type { BenchReport, StrategyFigures } from '../bench-figures.js';
import { renderBenchReportHtml } from './render-bench-report-html.js';

function figures(overrides: Partial<StrategyFigures> = {}): StrategyFigures {
  return {
    latencyMs: 1000,
    llmCalls: 1,
    inputTokens: 500,
    cachedInputTokens: 100,
    outputTokens: 50,
    costUsd: 0.002,
    toolCalls: 3,
    correct: true,
    cases: 1,
    runs: 2,
    correctRuns: 2,
    transportErrors: 0,
    latencyP50Ms: 1000,
    latencyP95Ms: 1100,
    ...overrides,
  };
}

const report: BenchReport = {
  profile: 'gpt-4o',
  speed: 20,
  seed: 7,
  simulated: true,
  scenarios: {
    weather: { 'loop-parallel': figures({ latencyMs: 3000 }), plan: figures() },
    research: { plan: figures({ correct: false, correctRuns: 1 }) },
  },
  timelines: [
    {
      scenario: 'weather',
      strategy: 'plan',
      caseId: 'main',
      query: 'Is <Boston> warmer & drier?',
      wallMs: 1000,
      modelCalls: [],
      toolCalls: [],
    },
  ],
};

describe('renderBenchReportHtml', () => {
  const html = renderBenchReportHtml(report, {
    descriptions: { weather: 'Five <cities>' },
    generatedAt: new Date('2025-01-02T03:04:05.678Z'),
  });

  it('states the profile, seed, speed, date and that the model is simulated', () => {
    expect(html).toContain('model profile <strong>gpt-4o</strong>');
    expect(html).toContain('seed 7');
    expect(html).toContain('speed 20×');
    expect(html).toContain('2025-01-02 03:04:05 UTC');
    expect(html).toContain('The model is <strong>simulated</strong>');
    const real = renderBenchReportHtml({ ...report, simulated: false });
    expect(real).toContain('not simulated');
    expect(real).not.toContain('<strong>simulated</strong>');
  });

  it('has a section per scenario with its table, timeline and three charts', () => {
    expect(
      [...html.matchAll(/<section class="scenario" id="scenario-(\w+)"/g)].map((m) => m[1]),
    ).toEqual(['weather', 'research']);
    expect(html.match(/data-chart="timeline"/g)).toHaveLength(2);
    expect(html.match(/data-chart="bar"/g)).toHaveLength(6);
    expect(html).toContain('<span class="wrong">1/2</span>');
  });

  it('escapes descriptions and queries', () => {
    expect(html).toContain('Five &lt;cities&gt;');
    expect(html).toContain('Is &lt;Boston&gt; warmer &amp; drier?');
    expect(html).not.toContain('<Boston>');
    expect(html).not.toContain('<cities>');
  });

  it('is self-contained: no script, and nothing fetched', () => {
    expect(html).not.toMatch(/<script|<link|@import|\bsrc=|\bhref=|url\(/i);
    // The only address is the SVG namespace, which is a name, not a fetch.
    expect([...html.matchAll(/https?:\/\/[^\s"]+/g)].map((m) => m[0])).toEqual(
      Array(8).fill('http://www.w3.org/2000/svg'),
    );
  });
});
