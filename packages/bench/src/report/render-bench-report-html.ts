import type { BenchReport, HostFigures, StrategyFigures } from '../bench-figures.js';
import type { BenchTimeline } from '../bench-timeline.js';
import {
  HEADLINE_STRATEGY,
  formatHeadlineRatio,
  headlineTable,
  type HeadlineCell,
} from '../headline-table.js';
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

// Charts are drawn at their own size, never scaled down: their text sizes (11 px and up) are the
// sizes read. A chart wider than the page scrolls sideways in its figure instead.
const style = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #f3f3f5; }
header, section { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
header { padding-top: 24px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; margin: 0 0 4px; }
h3 { font-size: 14px; margin: 14px 0 4px; }
section { background: #fff; margin-bottom: 18px; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.meta { color: #555; font-size: 13px; margin: 2px 0; }
.description { color: #555; font-size: 13px; margin: 0 0 10px; }
.note { color: #555; font-size: 12px; margin: 4px 0; }
.warning { background: #fff4e5; border: 1px solid #f0a040; border-left: 5px solid #e07b00; border-radius: 4px; padding: 10px 14px; margin: 10px 0 4px; font-size: 13px; color: #4a2c00; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12px; margin: 8px 0 6px; width: 100%; }
th, td { padding: 4px 8px; text-align: right; border-bottom: 1px solid #e6e6e6; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { color: #555; font-weight: 600; }
table[data-kind="headline"] { width: auto; }
table[data-kind="headline"] th { white-space: normal; vertical-align: bottom; }
table[data-kind="headline"] td { vertical-align: top; }
table[data-kind="headline"] td:first-child { white-space: normal; }
table[data-kind="headline"] .name { white-space: nowrap; }
table[data-kind="headline"] .cost { color: #555; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; vertical-align: baseline; }
.wrong { color: #c62828; font-weight: 600; }
ul.failures { font-size: 12px; color: #444; margin: 4px 0 10px; padding-left: 18px; }
ul.failures code { white-space: pre-wrap; word-break: break-word; }
nav ol, .summary ul { font-size: 13px; margin: 4px 0; padding-left: 22px; }
figure { margin: 14px 0; overflow-x: auto; }
figcaption { font-size: 12px; color: #555; margin-top: 4px; }
figcaption ul { margin: 4px 0 0; padding-left: 18px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
.charts figure { margin: 0; flex: 0 0 auto; max-width: 100%; }
svg { display: block; }
`;

/**
 * The bench report as one self-contained HTML page: inline CSS and inline SVG, no script, font or
 * anything else fetched (links are anchors within the page), so it can be opened from disk,
 * mailed or archived as it is. At the top, the headline table and the scenarios' contents; then
 * per scenario the figures table, the timeline of one run per strategy, and latency, cost and
 * tokens charts (and input tokens per turn for a multi-turn scenario).
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
${host(report.host)}
<p class="meta">Figures are means over each strategy’s runs. Each timeline shows one run per strategy; its caption says which case.</p>
</header>
${summary(report, options.descriptions ?? {})}
${sections.join('\n')}
</body>
</html>
`;
}

/** The anchor of a scenario's section (names are kebab-case; anything else is made so). */
function anchor(scenario: string): string {
  return `scenario-${scenario.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function host(figures: HostFigures | undefined): string {
  if (figures === undefined) return '';
  const provider =
    figures.providerLatenessP99Ms === undefined
      ? ''
      : `; the simulated provider delivered its streams late by ${formatQuantity(figures.providerLatenessP99Ms, 'ms')} at p99${
          figures.providerLatenessMaxMs === undefined
            ? ''
            : ` (max ${formatQuantity(figures.providerLatenessMaxMs, 'ms')})`
        }`;
  const details = `event-loop delay p99 ${formatQuantity(figures.eventLoopDelayP99Ms, 'ms')} (max ${formatQuantity(figures.eventLoopDelayMaxMs, 'ms')})${provider}; ${figures.cpus} CPU${figures.cpus === 1 ? '' : 's'}, load average ${figures.loadAverage.toFixed(2)}`;
  if (!figures.starved) {
    return `<p class="meta" data-kind="host">Host: ${escapeXml(details)}.</p>`;
  }
  return `<div class="warning" role="alert" data-kind="host-starved"><strong>The host was starved while the bench ran: its latencies are inflated and the differences between strategies may be hidden.</strong> ${escapeXml(
    `${details.charAt(0).toUpperCase()}${details.slice(1)}.`,
  )} Run the bench again on an idle machine, or with fewer cases at once (<code>--case-concurrency</code>).</div>`;
}

/** The headline table, the scenarios' contents, and what did not run or ran only in part. */
function summary(report: BenchReport, descriptions: Readonly<Record<string, string>>): string {
  const table = headlineTable(report);
  const parts = ['<section class="summary" id="summary" data-kind="summary">', '<h2>Summary</h2>'];
  if (table.rows.length === 0) {
    parts.push('<p class="note">No single-query scenario ran.</p>');
  } else {
    parts.push(
      `<p class="note">Mean latency (ms) and, below it, cost per query (USD) of each strategy on each single-query scenario${
        table.baselines.length === 0
          ? '.'
          : `; ${HEADLINE_STRATEGY} vs a baseline is latency / cost as baseline ÷ ${HEADLINE_STRATEGY} (above 1×: faster / cheaper).`
      }</p>`,
    );
    const head = [
      '<th>scenario</th>',
      ...table.strategies.map(
        (strategy) => `<th><span class="name">${escapeXml(strategy)}</span></th>`,
      ),
      ...table.baselines.map(
        (baseline) =>
          `<th>${HEADLINE_STRATEGY} vs <span class="name">${escapeXml(baseline)}</span> <span class="name">(latency / cost)</span></th>`,
      ),
    ];
    const rows = table.rows.map((row) => {
      const cells = [
        `<td><a href="#${anchor(row.scenario)}" class="name">${escapeXml(row.scenario)}</a>${
          row.label === row.scenario
            ? ''
            : ` <span class="name">${escapeXml(row.label.slice(row.scenario.length).trim())}</span>`
        }</td>`,
        ...table.strategies.map((strategy) => headlineCell(strategy, row.cells[strategy])),
        ...table.baselines.map((baseline) => {
          const ratios = row.ratios[baseline];
          return `<td data-baseline="${escapeXml(baseline)}">${ratios === undefined ? '–' : escapeXml(formatHeadlineRatio(ratios))}</td>`;
        }),
      ];
      return `<tr data-scenario="${escapeXml(row.scenario)}">${cells.join('')}</tr>`;
    });
    parts.push(
      `<div class="table-scroll"><table data-kind="headline"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
    );
    const cells = table.rows.flatMap((row) =>
      Object.entries(row.cells).map(([strategy, cell]) => ({ row, strategy, cell })),
    );
    const wrong = cells.filter(({ cell }) => !cell.correct);
    if (wrong.length > 0) {
      parts.push(
        `<p class="note wrong" data-kind="headline-wrong">✗ Not every answer was right: ${wrong
          .map(
            ({ row, strategy, cell }) =>
              `${escapeXml(row.scenario)} ${escapeXml(strategy)} ${cell.correctRuns}/${cell.runs}`,
          )
          .join(', ')} (the reasons are under each scenario’s table).</p>`,
      );
    }
    const broken = cells.filter(({ cell }) => cell.transportErrors > 0);
    if (broken.length > 0) {
      parts.push(
        `<p class="note" data-kind="headline-transport">Transport errors (runs ended by a connection reset or a provider error, not counted as wrong answers): ${broken
          .map(
            ({ row, strategy, cell }) =>
              `${escapeXml(row.scenario)} ${escapeXml(strategy)} ${cell.transportErrors}`,
          )
          .join(', ')}.</p>`,
      );
    }
  }
  const sampled = Object.entries(table.sampled);
  if (sampled.length > 0) {
    parts.push(
      `<p class="note" data-kind="sampled">Sampled (a seeded sample of the cases, not all): ${sampled
        .map(
          ([scenario, { cases, of }]) =>
            `${escapeXml(scenario)} ${cases.toLocaleString('en-US')} of ${of.toLocaleString('en-US')} cases`,
        )
        .join(', ')}.</p>`,
    );
  }
  parts.push(
    `<nav data-kind="toc"><h3>Scenarios</h3><ol>${Object.keys(report.scenarios)
      .map((scenario) => {
        const description = descriptions[scenario];
        const multiTurn = table.multiTurn.includes(scenario) ? ' (multi-turn)' : '';
        return `<li><a href="#${anchor(scenario)}">${escapeXml(scenario)}</a>${multiTurn}${
          description === undefined ? '' : ` — ${escapeXml(description)}`
        }</li>`;
      })
      .join('')}</ol></nav>`,
  );
  const skipped = Object.entries(table.skipped);
  if (skipped.length > 0) {
    parts.push(
      `<h3>Skipped</h3><ul data-kind="skipped">${skipped
        .map(
          ([scenario, reason]) =>
            `<li data-scenario="${escapeXml(scenario)}"><strong>${escapeXml(scenario)}</strong>: ${escapeXml(reason)}</li>`,
        )
        .join('')}</ul>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

// Latency above cost, so that a column is only as wide as its strategy's name: seven
// strategies and the ratio columns fit the page's width.
function headlineCell(strategy: string, cell: HeadlineCell | undefined): string {
  if (cell === undefined) return `<td data-strategy="${escapeXml(strategy)}">–</td>`;
  const latency = `${Math.round(cell.latencyMs).toLocaleString('en-US')} ms`;
  const text = `${latency}<br><span class="cost">$${cell.costUsd.toFixed(4)}</span>`;
  return cell.correct
    ? `<td data-strategy="${escapeXml(strategy)}">${text}</td>`
    : `<td data-strategy="${escapeXml(strategy)}" class="wrong" title="${cell.correctRuns} of ${cell.runs} runs answered right">${text} ✗</td>`;
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
  const multiTurn = entries.some(([, figures]) => figures.perTurn !== undefined);
  return `<section class="scenario" id="${anchor(scenario)}" data-scenario="${escapeXml(scenario)}">
<h2>${escapeXml(scenario)}</h2>
${options.description === undefined ? '' : `<p class="description">${escapeXml(options.description)}</p>`}
<div class="table-scroll">${figuresTable(entries, colors)}</div>
${correctnessNote(entries, multiTurn)}
${failureList(entries)}
<figure data-figure="timeline">${charts.timeline}<figcaption data-kind="timeline-caption">${timelineCaption(timelines)}</figcaption></figure>
<div class="charts">
<figure data-figure="latency">${charts.latency}</figure>
<figure data-figure="cost">${charts.cost}</figure>
<figure data-figure="tokens">${charts.tokens}</figure>
${charts.turns === undefined ? '' : `<figure data-figure="turns">${charts.turns}</figure>`}
</div>
</section>`;
}

function figuresTable(
  entries: ReadonlyArray<[string, StrategyFigures]>,
  colors: ReadonlyMap<string, string>,
): string {
  // Shown only where some run broke in transport: elsewhere it would be a column of zeros.
  const transport = entries.some(([, figures]) => transportErrors(figures) > 0);
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
    ...(transport ? ['transport errors'] : []),
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
      ...(transport
        ? [
            `<span${transportErrors(figures) > 0 ? ' class="wrong"' : ''} data-kind="transport-errors">${transportErrors(figures)}</span>`,
          ]
        : []),
    ];
    return `<tr data-strategy="${escapeXml(strategy)}">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return `<table data-kind="figures"><thead><tr>${head.map((cell) => `<th>${cell}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** What the correct column counts, and where its exceptions are explained. */
function correctnessNote(
  entries: ReadonlyArray<[string, StrategyFigures]>,
  multiTurn: boolean,
): string {
  const allRight = entries.every(([, figures]) => figures.correct);
  const transport = entries.some(([, figures]) => transportErrors(figures) > 0);
  const run = multiTurn ? 'a run is a whole conversation, right only if every turn was' : '';
  return `<p class="note" data-kind="correct-note"><strong>correct</strong>: runs answered right / runs measured${
    run === '' ? '' : ` (${run})`
  } — 239/240 would be one run of 240 that answered wrong. ${
    allRight
      ? 'Every run here answered right.'
      : 'The reasons for wrong answers are listed under this table.'
  }${
    transport
      ? ' <strong>transport errors</strong>: runs that ended in a connection reset or a provider error (a 429 or 5xx) instead of an answer; they are neither right nor wrong, counted apart from wrong answers.'
      : ''
  }</p>`;
}

function failureList(entries: ReadonlyArray<[string, StrategyFigures]>): string {
  const items = entries.flatMap(([strategy, figures]) =>
    (figures.failures ?? []).map(
      (failure) =>
        `<li data-strategy="${escapeXml(strategy)}"><strong>${escapeXml(strategy)}</strong>: <code>${escapeXml(failure)}</code></li>`,
    ),
  );
  if (items.length === 0) return '';
  return `<ul class="failures" data-kind="failures">${items.join('')}</ul>`;
}

function transportErrors(figures: StrategyFigures): number {
  // A report written before transport errors were counted has none to show.
  return figures.transportErrors ?? 0;
}

function timelineCaption(timelines: readonly BenchTimeline[]): string {
  if (timelines.length === 0) return 'No run was recorded for a timeline.';
  const cases = new Set(timelines.map((timeline) => timeline.caseId));
  const first = timelines[0] as BenchTimeline;
  if (cases.size === 1) {
    return `The same case for every strategy: <code>${escapeXml(first.caseId)}</code> — ${quote(first.query)}`;
  }
  return `<strong>Not the same case for every strategy</strong>: each row is that strategy’s own run nearest its median latency, so rows are not comparable one to one.<ul>${timelines
    .map(
      (timeline) =>
        `<li>${escapeXml(timeline.strategy)}: <code>${escapeXml(timeline.caseId)}</code> — ${quote(timeline.query)}</li>`,
    )
    .join('')}</ul>`;
}

/** A query in quotation marks, unless it comes quoted already (BFCL's questions do). */
function quote(query: string): string {
  return /^["“].*["”]$/s.test(query) ? escapeXml(query) : `“${escapeXml(query)}”`;
}
