import type { BenchReport } from '../bench-figures.js';
import { renderBarChartSvg } from './render-bar-chart-svg.js';
import { renderLineChartSvg } from './render-line-chart-svg.js';
import { renderTimelineSvg } from './render-timeline-svg.js';
import { reportStrategyColors } from './report-strategy-colors.js';

/** The images of one scenario, each a standalone SVG document. */
export interface ScenarioCharts {
  timeline: string;
  latency: string;
  tokens: string;
  cost: string;
  /** Multi-turn scenarios: input tokens turn by turn, one line per strategy. */
  turns?: string;
}

/** The page's width for a timeline, px: its content column, so it is drawn at its own size. */
export const TIMELINE_WIDTH = 1040;

/**
 * Every chart of one scenario of a bench report: the timeline of its representative runs, and
 * latency, tokens and cost per strategy, and a multi-turn scenario's input tokens per turn.
 * Strategies keep the report's order and one colour each.
 */
export function renderScenarioCharts(options: {
  report: BenchReport;
  scenario: string;
  /** @default one colour per strategy of the whole report, in report order */
  colors?: ReadonlyMap<string, string>;
}): ScenarioCharts {
  const { report, scenario } = options;
  const colors = options.colors ?? reportStrategyColors(report);
  const entries = Object.entries(report.scenarios[scenario] ?? {});
  const order = entries.map(([strategy]) => strategy);
  const timelines = (report.timelines ?? [])
    .filter((timeline) => timeline.scenario === scenario)
    .sort((left, right) => rank(order, left.strategy) - rank(order, right.strategy));
  // A multi-turn scenario's figures are per conversation (its turns summed), not per query.
  const turned = entries.filter(([, figures]) => figures.perTurn !== undefined);
  const per = turned.length > 0 ? 'conversation' : 'run';
  const turns = Math.max(0, ...turned.map(([, figures]) => figures.perTurn?.length ?? 0));
  return {
    timeline: renderTimelineSvg({
      timelines,
      colors,
      title: `${scenario}: one run per strategy`,
      width: TIMELINE_WIDTH,
    }),
    latency: renderBarChartSvg({
      title: `Latency per ${per} (mean)`,
      unit: 'ms',
      axisLabel: 'latency',
      bars: entries.map(([strategy, figures]) => ({
        label: strategy,
        value: figures.latencyMs,
        color: colors.get(strategy) ?? '#888',
      })),
    }),
    tokens: renderBarChartSvg({
      title: `Tokens per ${per} (mean)`,
      unit: 'tokens',
      axisLabel: 'tokens',
      bars: entries.map(([strategy, figures]) => {
        const segments = [
          { name: 'input, uncached', value: figures.inputTokens - figures.cachedInputTokens },
          { name: 'input, cached', value: figures.cachedInputTokens },
          { name: 'output', value: figures.outputTokens },
        ];
        return {
          label: strategy,
          // Summed as the chart sums them, so the printed total is the stacked height exactly.
          value: segments.reduce((sum, segment) => sum + segment.value, 0),
          segments,
        };
      }),
    }),
    cost: renderBarChartSvg({
      title: `Cost per ${per} (mean)`,
      unit: 'USD',
      axisLabel: 'cost',
      bars: entries.map(([strategy, figures]) => ({
        label: strategy,
        value: figures.costUsd,
        color: colors.get(strategy) ?? '#888',
      })),
    }),
    ...(turned.length === 0
      ? {}
      : {
          turns: renderLineChartSvg({
            title: 'Input tokens per turn (mean; cached included)',
            unit: 'tokens',
            axisLabel: 'input tokens',
            pointsLabel: 'turn',
            points: Array.from({ length: turns }, (_, index) => String(index + 1)),
            series: turned.map(([strategy, figures]) => ({
              name: strategy,
              values: Array.from(
                { length: turns },
                (_, index) => figures.perTurn?.[index]?.inputTokens,
              ),
              color: colors.get(strategy) ?? '#888',
            })),
          }),
        }),
  };
}

function rank(order: readonly string[], strategy: string): number {
  const index = order.indexOf(strategy);
  return index === -1 ? order.length : index;
}
