import { describe, expect, it } from 'vitest';
import type { BenchReport, StrategyFigures } from '../bench-figures.js';
import type { BenchTimeline } from '../bench-timeline.js';
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
    expect(html).not.toMatch(/<script|<link|@import|\bsrc=|url\(/i);
    // Its only links are anchors within the page (the table of contents).
    const links = [...html.matchAll(/\bhref="([^"]*)"/gi)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^#[\w-]+$/);
    // The only address is the SVG namespace, which is a name, not a fetch.
    expect([...html.matchAll(/https?:\/\/[^\s"]+/g)].map((m) => m[0])).toEqual(
      Array(8).fill('http://www.w3.org/2000/svg'),
    );
  });
});

describe('renderBenchReportHtml: summary and contents', () => {
  const wide: BenchReport = {
    ...report,
    scenarios: {
      weather: {
        'loop-sequential': figures({ latencyMs: 8766, costUsd: 0.0094 }),
        'loop-parallel': figures({ latencyMs: 4986, costUsd: 0.0055 }),
        optimized: figures({ latencyMs: 1750, costUsd: 0.0023 }),
      },
      bfcl: {
        'loop-sequential': figures({ cases: 397, runs: 397, correctRuns: 397 }),
        optimized: figures({
          cases: 397,
          runs: 397,
          correctRuns: 396,
          correct: false,
          transportErrors: 1,
          failures: ['parallel_12: expected <get_weather> called twice'],
        }),
      },
      'multi-turn': {
        'loop-full-history': figures({
          perTurn: [turn(2305), turn(5070), turn(7463)],
        }),
        session: figures({ perTurn: [turn(634), turn(1433), turn(1990)] }),
      },
    },
    timelines: [
      timeline({ scenario: 'bfcl', strategy: 'loop-sequential', caseId: 'parallel_1' }),
      timeline({ scenario: 'bfcl', strategy: 'optimized', caseId: 'parallel_7' }),
      timeline({ scenario: 'weather', strategy: 'loop-sequential', caseId: 'main' }),
      timeline({ scenario: 'weather', strategy: 'optimized', caseId: 'main' }),
    ],
    skipped: { research: 'the <news> index is missing' },
    sampled: { bfcl: { cases: 397, of: 1200 } },
    host: {
      eventLoopDelayP99Ms: 180,
      eventLoopDelayMaxMs: 950,
      providerLatenessP99Ms: 240,
      providerLatenessMaxMs: 1200,
      starved: true,
      cpus: 2,
      loadAverage: 5.25,
    },
  };
  const page = renderBenchReportHtml(wide, { generatedAt: new Date(0) });
  const summary = /<section class="summary"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';

  it('opens with the headline table, before any scenario', () => {
    expect(page.indexOf('data-kind="summary"')).toBeLessThan(page.indexOf('class="scenario"'));
    expect(summary).toContain('<table data-kind="headline">');
    expect(summary).toMatch(
      /<tr data-scenario="weather"><td><a href="#scenario-weather" class="name">weather<\/a><\/td><td data-strategy="loop-sequential">8,766 ms<br><span class="cost">\$0\.0094<\/span><\/td>/,
    );
    expect(summary).toContain(
      '<a href="#scenario-bfcl" class="name">bfcl</a> <span class="name">(397 cases)</span>',
    );
    // optimized vs each baseline: 8766 / 1750 and 0.0094 / 0.0023.
    expect(summary).toContain('<td data-baseline="loop-sequential">5.01× / 4.09×</td>');
    expect(summary).toContain('<td data-baseline="loop-parallel">2.85× / 2.39×</td>');
    expect(summary).toMatch(/<td data-strategy="optimized" class="wrong"[^>]*>.*? ✗<\/td>/);
    expect(summary).toContain('bfcl optimized 396/397');
    // Multi-turn figures are per conversation: not in the headline.
    expect(summary).not.toContain('data-scenario="multi-turn"');
  });

  it('links every scenario from the contents to its section, and lists the skipped and sampled', () => {
    const toc = /<nav data-kind="toc">[\s\S]*?<\/nav>/.exec(summary)?.[0] ?? '';
    const targets = [...toc.matchAll(/href="#([\w-]+)"/g)].map((match) => match[1]);
    expect(targets).toEqual(['scenario-weather', 'scenario-bfcl', 'scenario-multi-turn']);
    for (const target of targets)
      expect(page).toContain(`<section class="scenario" id="${target}"`);
    expect(summary).toContain(
      '<li data-scenario="research"><strong>research</strong>: the &lt;news&gt; index is missing</li>',
    );
    expect(summary).toContain('bfcl 397 of 1,200 cases');
  });

  it('warns, with the host figures, when the host was starved', () => {
    const warning = /<div class="warning"[^>]*data-kind="host-starved">[\s\S]*?<\/div>/.exec(
      page,
    )?.[0];
    expect(warning).toBeDefined();
    expect(warning).toContain('p99 180 ms (max 950 ms)');
    expect(warning).toContain('late by 240 ms at p99 (max 1.2 s)');
    expect(warning).toContain('2 CPUs, load average 5.25');
    const calm = renderBenchReportHtml({
      ...wide,
      host: { ...(wide.host as NonNullable<BenchReport['host']>), starved: false },
    });
    expect(calm).not.toContain('data-kind="host-starved"');
    expect(calm).toContain('data-kind="host"');
    expect(renderBenchReportHtml(report)).not.toMatch(/data-kind="host/);
  });

  it('explains the correct column, lists failures, and counts transport errors apart', () => {
    const bfcl =
      /<section class="scenario" id="scenario-bfcl"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(bfcl).toContain('runs answered right / runs measured');
    expect(bfcl).toContain('<th>transport errors</th>');
    expect(bfcl).toMatch(/data-kind="transport-errors">1</);
    expect(bfcl).toContain(
      '<li data-strategy="optimized"><strong>optimized</strong>: <code>parallel_12: expected &lt;get_weather&gt; called twice</code></li>',
    );
    const weather =
      /<section class="scenario" id="scenario-weather"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(weather).toContain('Every run here answered right.');
    expect(weather).not.toContain('transport errors');
    expect(weather).not.toContain('data-kind="failures"');
  });

  it('says whether the timelines show the same case', () => {
    const captions = [
      ...page.matchAll(/<figcaption data-kind="timeline-caption">([\s\S]*?)<\/figcaption>/g),
    ].map((match) => match[1] ?? '');
    const [weather, bfcl] = captions;
    expect(weather).toContain('The same case for every strategy: <code>main</code> — “Weather?”');
    expect(bfcl).toContain('Not the same case for every strategy');
    expect(bfcl).toContain('<code>parallel_1</code>');
    expect(bfcl).toContain('<code>parallel_7</code>');
  });

  it('draws input tokens per turn for the multi-turn scenario only', () => {
    expect(page.match(/data-figure="turns"/g)).toHaveLength(1);
    const turns = /<figure data-figure="turns">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    expect([...turns.matchAll(/data-series="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'loop-full-history',
      'session',
    ]);
    expect(turns).toContain('loop-full-history, turn 2: 5,070');
  });
});

function turn(inputTokens: number): NonNullable<StrategyFigures['perTurn']>[number] {
  return {
    latencyMs: 1000,
    llmCalls: 1,
    inputTokens,
    cachedInputTokens: 0,
    outputTokens: 10,
    costUsd: 0.001,
    toolCalls: 1,
    correctRuns: 2,
  };
}

function timeline(
  overrides: Pick<BenchTimeline, 'scenario' | 'strategy' | 'caseId'>,
): BenchTimeline {
  return { query: 'Weather?', wallMs: 500, modelCalls: [], toolCalls: [], ...overrides };
}
