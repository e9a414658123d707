import type { BenchReport, StrategyFigures } from '../bench-figures.js';
import type { BenchTimeline } from '../bench-timeline.js';
import { escapeXml } from './escape-xml.js';
import { formatQuantity } from './format-quantity.js';
import { renderScenarioCharts } from './render-scenario-charts.js';
import { reportStrategyColors } from './report-strategy-colors.js';

export interface BenchReportHtmlOptions {
  /** A line about each scenario, by name. @default none */
  descriptions?: Readonly<Record<string, string>>;
  /** When the bench was run, for the header. @default the current time */
  generatedAt?: Date;
}

const style = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #f3f3f5; }
header, section { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { padding-top: 24px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 0 0 4px; }
section { background: #fff; margin-bottom: 18px; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.meta { color: #555; font-size: 13px; margin: 2px 0; }
.description { color: #555; font-size: 13px; margin: 0 0 10px; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0 14px; width: 100%; }
th, td { padding: 4px 8px; text-align: right; border-bottom: 1px solid #e6e6e6; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { color: #555; font-weight: 600; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; vertical-align: baseline; }
.wrong { color: #c62828; font-weight: 600; }
figure { margin: 10px 0; overflow-x: auto; }
figcaption { font-size: 12px; color: #555; margin-top: 4px; }
figcaption ul { margin: 4px 0 0; padding-left: 18px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
.charts figure { margin: 0; flex: 1 1 440px; min-width: 0; }
svg { max-width: 100%; height: auto; }
`;

/**
 * The bench report as one self-contained HTML page: inline CSS and inline SVG, no script, font or
 * anything else fetched, so it can be opened from disk, mailed or archived as it is. Per scenario:
 * the figures table, the timeline of one run per strategy, and latency, tokens and cost charts.
 */
export function renderBenchReportHtml(
  report: BenchReport,
  options: BenchReportHtmlOptions = {},
): string {
  const generatedAt = options.generatedAt ?? new Date();
  const colors = reportStrategyColors(report);
  const meta = [
    `model profile <strong>${escapeXml(report.profile)}</strong>`,
    `seed ${report.seed}`,
    `speed ${report.speed}×${report.speed === 1 ? '' : ' (every duration divided by it; ratios unchanged)'}`,
    escapeXml(
      generatedAt
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC'),
    ),
  ];
  const model =
    report.simulated === undefined
      ? ''
      : `<p class="meta" data-kind="model-kind">${
          report.simulated
            ? 'The model is <strong>simulated</strong>: toolplan’s simulated provider, over HTTP, spending time as the profile’s measured latencies say.'
            : 'The model is a <strong>real endpoint</strong> (not simulated).'
        }</p>`;
  const sections = Object.keys(report.scenarios).map((scenario) =>
    renderSection({ report, scenario, colors, description: options.descriptions?.[scenario] }),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>toolplan bench · ${escapeXml(report.profile)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>toolplan bench report</h1>
<p class="meta" data-kind="run-meta">${meta.join(' · ')}</p>
${model}
<p class="meta">Figures are means over each strategy’s runs. Timelines show one run per strategy: the one whose latency is nearest that strategy’s median.</p>
</header>
${sections.join('\n')}
</body>
</html>
`;
}

function renderSection(options: {
  report: BenchReport;
  scenario: string;
  colors: ReadonlyMap<string, string>;
  description: string | undefined;
}): string {
  const { report, scenario, colors } = options;
  const charts = renderScenarioCharts({ report, scenario, colors });
  const entries = Object.entries(report.scenarios[scenario] ?? {});
  const timelines = (report.timelines ?? []).filter((timeline) => timeline.scenario === scenario);
  return `<section class="scenario" id="scenario-${escapeXml(scenario)}" data-scenario="${escapeXml(scenario)}">
<h2>${escapeXml(scenario)}</h2>
${options.description === undefined ? '' : `<p class="description">${escapeXml(options.description)}</p>`}
${figuresTable(entries, colors)}
<figure data-figure="timeline">${charts.timeline}<figcaption>${timelineCaption(timelines)}</figcaption></figure>
<div class="charts">
<figure data-figure="latency">${charts.latency}</figure>
<figure data-figure="cost">${charts.cost}</figure>
<figure data-figure="tokens">${charts.tokens}</figure>
</div>
</section>`;
}

function figuresTable(
  entries: ReadonlyArray<[string, StrategyFigures]>,
  colors: ReadonlyMap<string, string>,
): string {
  const head = [
    'strategy',
    'latency',
    'p50',
    'p95',
    'LLM calls',
    'input tok',
    'cached',
    'output tok',
    'cost',
    'tool calls',
    'correct',
  ];
  const rows = entries.map(([strategy, figures]) => {
    const cells = [
      `<span class="swatch" style="background:${escapeXml(colors.get(strategy) ?? '#888')}"></span>${escapeXml(strategy)}`,
      formatQuantity(figures.latencyMs, 'ms'),
      formatQuantity(figures.latencyP50Ms, 'ms'),
      formatQuantity(figures.latencyP95Ms, 'ms'),
      formatQuantity(figures.llmCalls, ''),
      formatQuantity(figures.inputTokens, ''),
      formatQuantity(figures.cachedInputTokens, ''),
      formatQuantity(figures.outputTokens, ''),
      formatQuantity(figures.costUsd, 'USD'),
      formatQuantity(figures.toolCalls, ''),
      `<span${figures.correct ? '' : ' class="wrong"'}>${figures.correctRuns}/${figures.runs}</span>`,
    ];
    return `<tr data-strategy="${escapeXml(strategy)}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return `<table data-kind="figures"><thead><tr>${head.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function timelineCaption(timelines: readonly BenchTimeline[]): string {
  if (timelines.length === 0) return 'No run was recorded for a timeline.';
  const cases = new Set(timelines.map((timeline) => timeline.caseId));
  const first = timelines[0] as BenchTimeline;
  if (cases.size === 1) {
    return `Case <code>${escapeXml(first.caseId)}</code>: “${escapeXml(first.query)}”`;
  }
  return `Each strategy’s median run is of its own case:<ul>${timelines
    .map(
      (timeline) =>
        `<li>${escapeXml(timeline.strategy)}: <code>${escapeXml(timeline.caseId)}</code> — “${escapeXml(timeline.query)}”</li>`,
    )
    .join('')}</ul>`;
}
