import { formatTextTable } from './format-text-table.js';
import type { BenchReport, StrategyFigures } from './bench-figures.js';
import { BASELINES } from './format-bench-report.js';

/** The strategy the headline compares with each baseline. */
export const HEADLINE_STRATEGY = 'optimized';

/** One strategy on one scenario, as the headline shows it. */
export interface HeadlineCell {
  /** Mean latency per query, ms. */
  latencyMs: number;
  /** Mean cost per query, USD. */
  costUsd: number;
  /** Every run of the strategy on the scenario answered right. */
  correct: boolean;
  correctRuns: number;
  runs: number;
  /** Runs that ended in a transport failure instead of an answer (counted apart from wrong ones). */
  transportErrors: number;
}

/** `optimized` against one baseline on one scenario: baseline ÷ optimized (above 1 is better). */
export interface HeadlineRatio {
  latency: number;
  cost: number;
}

export interface HeadlineRow {
  scenario: string;
  /** The scenario's name, with its number of cases or queries when it has more than one. */
  label: string;
  /** By strategy; a strategy that did not run on this scenario has no cell. */
  cells: Record<string, HeadlineCell>;
  /** By baseline; missing where the baseline or `optimized` did not run on this scenario. */
  ratios: Record<string, HeadlineRatio>;
}

/** The README's headline table: single-query scenarios × strategies, and `optimized`'s gains. */
export interface HeadlineTable {
  /** The columns: every strategy of a row, in report order. */
  strategies: string[];
  /** The baselines `optimized` is compared with (ratio columns), in `BASELINES` order. */
  baselines: string[];
  rows: HeadlineRow[];
  /** Multi-turn scenarios: their figures are per conversation, so they are not in the table. */
  multiTurn: string[];
  /** From the report: scenarios that did not run, with the reason. */
  skipped: Record<string, string>;
  /** From the report: scenarios that ran a sample of their cases. */
  sampled: Record<string, { cases: number; of: number }>;
}

/**
 * The headline of a bench report as data, for the CLI's closing summary and the HTML report
 * alike: per single-query scenario, each strategy's mean latency and cost per query, and how many
 * times faster and cheaper `optimized` is than each loop baseline.
 */
export function headlineTable(report: BenchReport): HeadlineTable {
  const strategies: string[] = [];
  const rows: HeadlineRow[] = [];
  const multiTurn: string[] = [];
  for (const [scenario, byStrategy] of Object.entries(report.scenarios)) {
    const entries = Object.entries(byStrategy);
    if (entries.some(([, figures]) => figures.perTurn !== undefined)) {
      multiTurn.push(scenario);
      continue;
    }
    const cells: Record<string, HeadlineCell> = {};
    for (const [strategy, figures] of entries) {
      if (!strategies.includes(strategy)) strategies.push(strategy);
      cells[strategy] = cell(figures);
    }
    const ratios: Record<string, HeadlineRatio> = {};
    const optimized = byStrategy[HEADLINE_STRATEGY];
    for (const baseline of BASELINES) {
      const base = byStrategy[baseline];
      if (base === undefined || optimized === undefined) continue;
      ratios[baseline] = {
        latency: ratio(base.latencyMs, optimized.latencyMs),
        cost: ratio(base.costUsd, optimized.costUsd),
      };
    }
    rows.push({ scenario, label: label(scenario, entries), cells, ratios });
  }
  const baselines = BASELINES.filter((baseline) =>
    rows.some((row) => row.ratios[baseline] !== undefined),
  );
  return {
    strategies,
    baselines,
    rows,
    multiTurn,
    skipped: { ...report.skipped },
    sampled: { ...report.sampled },
  };
}

/**
 * The headline as an aligned plain-text table, like the README's: `latency · $cost` cells (✗
 * where some answer was wrong) and `latency / cost` ratio columns for `optimized`, with the
 * skipped and sampled scenarios named below.
 */
export function formatHeadlineTable(report: BenchReport): string {
  const table = headlineTable(report);
  const lines: string[] = [];
  if (table.rows.length === 0) {
    lines.push('Summary: no single-query scenario ran.');
  } else {
    const ratioNote =
      table.baselines.length === 0
        ? ''
        : `; ${HEADLINE_STRATEGY} vs a baseline: latency / cost as baseline ÷ ${HEADLINE_STRATEGY} (above 1×: faster / cheaper)`;
    lines.push(`Summary: mean latency (ms) · cost per query (USD) of each strategy${ratioNote}`);
    const header = [
      'scenario',
      ...table.strategies,
      ...table.baselines.map((baseline) => `${HEADLINE_STRATEGY} vs ${baseline}`),
    ];
    const body = table.rows.map((row) => [
      row.label,
      ...table.strategies.map((strategy) => {
        const cell = row.cells[strategy];
        return cell === undefined ? '–' : formatHeadlineCell(cell);
      }),
      ...table.baselines.map((baseline) => {
        const ratios = row.ratios[baseline];
        return ratios === undefined ? '–' : formatHeadlineRatio(ratios);
      }),
    ]);
    lines.push(formatTextTable(header, body));
    const cells = table.rows.flatMap((row) =>
      Object.entries(row.cells).map(([strategy, cell]) => ({ row, strategy, cell })),
    );
    const wrong = cells.filter(({ cell }) => !cell.correct);
    if (wrong.length > 0) {
      lines.push(
        `✗ not every answer was right: ${wrong
          .map(
            ({ row, strategy, cell }) =>
              `${row.scenario} ${strategy} ${cell.correctRuns}/${cell.runs}`,
          )
          .join(', ')}`,
      );
    }
    const failed = cells.filter(({ cell }) => cell.transportErrors > 0);
    if (failed.length > 0) {
      lines.push(
        `transport errors (runs ended by a connection reset or a provider error, not counted as wrong answers): ${failed
          .map(({ row, strategy, cell }) => `${row.scenario} ${strategy} ${cell.transportErrors}`)
          .join(', ')}`,
      );
    }
  }
  const planner = plannerTokens(report, table.rows);
  if (planner !== undefined) lines.push(planner);
  if (table.multiTurn.length > 0) {
    lines.push(
      `multi-turn (figures per conversation, not in this table): ${table.multiTurn.join(', ')}`,
    );
  }
  const sampled = Object.entries(table.sampled);
  if (sampled.length > 0) {
    lines.push(
      `sampled: ${sampled.map(([scenario, { cases, of }]) => `${scenario} ${number(cases)} of ${number(of)} cases`).join(', ')}`,
    );
  }
  const skipped = Object.entries(table.skipped);
  if (skipped.length > 0) {
    lines.push(
      `skipped: ${skipped.map(([scenario, reason]) => `${scenario} (${reason})`).join('; ')}`,
    );
  }
  return lines.join('\n');
}

/** The strategy whose planner's tokens the headline sums: toolplan's streaming planner alone. */
export const PLANNER_TOKENS_STRATEGY = 'plan';

/**
 * `plan`'s planner tokens summed over the single-query scenarios (means per run), beside the
 * output tokens of the same plans as canonical JSON: plans are output tokens, and output tokens
 * are decode time.
 */
function plannerTokens(report: BenchReport, rows: readonly HeadlineRow[]): string | undefined {
  const figures = rows.flatMap((row) => {
    const each = report.scenarios[row.scenario]?.[PLANNER_TOKENS_STRATEGY];
    return each?.plannerOutputTokens === undefined ? [] : [each];
  });
  if (figures.length === 0) return undefined;
  const sum = (pick: (each: StrategyFigures) => number | undefined) =>
    figures.reduce((total, each) => total + (pick(each) ?? 0), 0);
  const output = sum((each) => each.plannerOutputTokens);
  const asJson = sum((each) => each.canonicalPlanTokens);
  const share = asJson === 0 ? '' : ` (${(output / asJson).toFixed(2)}×)`;
  return `planner tokens of ${PLANNER_TOKENS_STRATEGY} over ${figures.length} scenarios (means per run, summed): ${number(Math.round(sum((each) => each.plannerInputTokens)))} input, ${number(Math.round(output * 10) / 10)} output${share}; the same plans as canonical JSON: ${number(Math.round(asJson * 10) / 10)} output`;
}

/** `8,766 · $0.0094`, with ✗ when some answer was wrong. */
export function formatHeadlineCell(cell: HeadlineCell): string {
  return `${number(Math.round(cell.latencyMs))} · $${cell.costUsd.toFixed(4)}${cell.correct ? '' : ' ✗'}`;
}

/** `5.01× / 4.15×`: latency, then cost. */
export function formatHeadlineRatio(ratios: HeadlineRatio): string {
  return `${times(ratios.latency)} / ${times(ratios.cost)}`;
}

function cell(figures: StrategyFigures): HeadlineCell {
  return {
    latencyMs: figures.latencyMs,
    costUsd: figures.costUsd,
    correct: figures.correct,
    correctRuns: figures.correctRuns,
    runs: figures.runs,
    // A report written before transport errors were counted has none to show.
    transportErrors: figures.transportErrors ?? 0,
  };
}

function label(scenario: string, entries: ReadonlyArray<[string, StrategyFigures]>): string {
  const first = entries[0]?.[1];
  if (first === undefined || first.cases <= 1) return scenario;
  // A stream scenario's cases are the queries of its traffic.
  const noun = first.stream === undefined ? 'cases' : 'queries';
  return `${scenario} (${number(first.cases)} ${noun})`;
}

function ratio(base: number, value: number): number {
  if (value === 0) return base === 0 ? 1 : Number.POSITIVE_INFINITY;
  return base / value;
}

function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '∞';
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}
