import type { BenchReport, StrategyFigures } from './bench-figures.js';

/** The strategies every other one is compared with. */
export const BASELINES = ['loop-sequential', 'loop-parallel'] as const;

/**
 * The bench report as text: per scenario, one row per strategy with every figure, then each
 * strategy's speed-up and cost cut against each baseline (baseline ÷ strategy: above 1 means
 * faster or cheaper than the baseline).
 */
export function formatBenchReport(
  report: BenchReport,
  descriptions: Record<string, string> = {},
): string {
  const blocks: string[] = [];
  for (const [scenario, byStrategy] of Object.entries(report.scenarios)) {
    const entries = Object.entries(byStrategy);
    const first = entries[0]?.[1];
    const cases = first?.cases ?? 0;
    const runs = first?.runs ?? 0;
    const perCase =
      runs === cases
        ? ` · ${cases} case${cases === 1 ? '' : 's'}${cases > 1 ? ', figures are means per case' : ''}`
        : ` · ${cases} case${cases === 1 ? '' : 's'} run ${runs} times, figures are means per run`;
    const lines = [
      `${scenario}${descriptions[scenario] === undefined ? '' : ` — ${descriptions[scenario]}`}`,
    ];
    lines.push(`profile ${report.profile}${perCase}`);
    lines.push(
      table(
        [
          'strategy',
          'latency',
          'p95',
          'LLM calls',
          'input tok',
          'cached',
          'output tok',
          'cost',
          'tool calls',
          'correct',
        ],
        entries.map(([name, figures]) => [
          name,
          milliseconds(figures.latencyMs),
          milliseconds(figures.latencyP95Ms),
          number(figures.llmCalls),
          number(figures.inputTokens),
          number(figures.cachedInputTokens),
          number(figures.outputTokens),
          `$${figures.costUsd.toFixed(5)}`,
          number(figures.toolCalls),
          correctness(figures),
        ]),
      ),
    );
    const baselines = BASELINES.filter((baseline) => byStrategy[baseline] !== undefined);
    if (baselines.length > 0) {
      lines.push('');
      lines.push('ratio to baseline (baseline ÷ strategy; > 1 is faster / cheaper)');
      lines.push(
        table(
          [
            'strategy',
            ...baselines.flatMap((baseline) => [`latency vs ${baseline}`, `cost vs ${baseline}`]),
          ],
          entries.map(([name, figures]) => [
            name,
            ...baselines.flatMap((baseline) => {
              const base = byStrategy[baseline] as StrategyFigures;
              return [
                ratio(base.latencyMs, figures.latencyMs),
                ratio(base.costUsd, figures.costUsd),
              ];
            }),
          ]),
        ),
      );
    }
    const planned = entries.filter(([, figures]) => figures.lowerBoundMs !== undefined);
    if (planned.length > 0) {
      lines.push('');
      lines.push(
        "planning strategies — lower bound: plan-nostream, the plan at the decode rate then the tools' critical path;",
      );
      lines.push(
        "plan (streaming), each step from the moment its JSON closed along the DAG; 'with whole plan' also waits for the plan's last token",
      );
      lines.push(
        table(
          [
            'strategy',
            'lower bound',
            'latency ÷ bound',
            'bound with whole plan',
            'latency ÷ that',
            'output tok / tool call',
            'prompt tok',
          ],
          planned.map(([name, figures]) => [
            name,
            milliseconds(figures.lowerBoundMs as number),
            `${(figures.latencyMs / (figures.lowerBoundMs as number)).toFixed(2)}×`,
            figures.completePlanBoundMs === undefined
              ? '–'
              : milliseconds(figures.completePlanBoundMs),
            figures.completePlanBoundMs === undefined
              ? '–'
              : `${(figures.latencyMs / figures.completePlanBoundMs).toFixed(2)}×`,
            figures.toolCalls === 0 ? '–' : number(figures.outputTokens / figures.toolCalls),
            figures.promptTokens === undefined ? '–' : number(figures.promptTokens),
          ]),
        ),
      );
    }
    for (const [name, figures] of entries) {
      for (const failure of figures.failures ?? []) lines.push(`  ✗ ${name}: ${failure}`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const render = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [
    render(header),
    render(widths.map((width) => '─'.repeat(width))),
    ...rows.map(render),
  ].join('\n');
}

function milliseconds(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}

function number(value: number): string {
  return Number.isInteger(value)
    ? value.toLocaleString('en-US')
    : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function ratio(base: number, value: number): string {
  if (value === 0) return base === 0 ? '1.00×' : '∞';
  return `${(base / value).toFixed(2)}×`;
}

function correctness(figures: StrategyFigures): string {
  if (figures.runs === 1) return figures.correct ? 'yes' : 'NO';
  return `${figures.correctRuns}/${figures.runs}`;
}
