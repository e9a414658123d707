import type { BenchTimeline, TimelineModelCall, TimelineToolCall } from '../bench-timeline.js';
import { axisTitle, axisUnit } from './axis-unit.js';
import { BenchReportError } from './bench-report-error.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { formatQuantity } from './format-quantity.js';
import { niceTicks } from './nice-ticks.js';
import { strategyColors } from './strategy-colors.js';

export interface TimelineSvgOptions {
  /** Runs to draw, one row each, top to bottom (normally one per strategy, of one scenario). */
  timelines: readonly BenchTimeline[];
  /** @default "Timeline of one run per strategy" */
  title?: string;
  /**
   * Width of the whole image, px: more when the strategies' names need it.
   * @default 960
   */
  width?: number;
  /**
   * The swatch colour of each strategy's row, so that it matches the report's other charts.
   * @default Tableau 10 colours in row order
   */
  colors?: ReadonlyMap<string, string>;
}

/** Colours of what is drawn, not of who drew it: the same in every row. */
export const timelineColors = {
  modelWaiting: '#c9b8e0',
  modelDecoding: '#6a3d9a',
  /** Decoding of a call that was not streamed: its length is estimated, not measured. */
  modelDecodingEstimated: '#a68bc7',
  tool: '#2a9d8f',
  toolFailed: '#d62728',
  wall: '#222222',
} as const;

const font = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
// The least room for the row labels; more when a strategy's name or a row's summary needs it.
const minimumLabelWidth = 200;
const rightMargin = 64;
// The least room for the time axis when the labels take more than usual.
const minimumPlotWidth = 320;
const legendTop = 33;
const legendRowHeight = 18;
// Font sizes, px: the page shows the timeline at its own size, so these are the sizes read.
const nameSize = 12;
const textSize = 11;
const laneHeight = 12;
const laneGap = 3;
const rowPadding = 8;
const minimumRowHeight = 40;
// A 0.1 ms call must still be seen (and hovered): its true duration is in its tooltip.
const minimumBarWidth = 2;

/**
 * A Gantt chart of runs on one time axis, as a standalone SVG document. Each run is a row; inside
 * it, model calls and tool calls are packed into as few lanes as do not overlap, so parallel tool
 * calls are seen side by side. A model call is two segments: waiting for the first token, then
 * decoding. A vertical mark shows when the run answered. Strategy names are printed whole (the
 * label column is as wide as they need), ticks in one unit named in the axis title. Drawn
 * elements carry `data-kind` (`timeline-row`, `row-label`, `model-ttft`, `model-decode`, `tool`,
 * `wall`, `tick`) for tests.
 */
export function renderTimelineSvg(options: TimelineSvgOptions): string {
  const requestedWidth = options.width ?? 960;
  if (!(Number.isFinite(requestedWidth) && requestedWidth > minimumLabelWidth + rightMargin)) {
    throw new BenchReportError({
      option: 'width',
      expected: `a number above ${minimumLabelWidth + rightMargin}`,
      value: requestedWidth,
    });
  }
  if (!Array.isArray(options.timelines)) {
    throw new BenchReportError({
      option: 'timelines',
      expected: 'an array',
      value: options.timelines,
    });
  }
  const timelines: readonly BenchTimeline[] = options.timelines;
  const title = options.title ?? 'Timeline of one run per strategy';
  const colors = options.colors ?? strategyColors(timelines.map((timeline) => timeline.strategy));
  const summaries = timelines.map(summarise);
  // The name and summary at the left, then the lane labels (`model`, `tools`) right-aligned.
  const labelWidth = Math.ceil(
    Math.max(
      minimumLabelWidth,
      24 +
        Math.max(
          0,
          ...timelines.map((timeline) =>
            estimateTextWidth(timeline.strategy, { size: nameSize, bold: true }),
          ),
          ...summaries.map((summary) => estimateTextWidth(summary, { size: textSize })),
        ) +
        10 +
        estimateTextWidth('model', { size: textSize }) +
        6,
    ),
  );
  const width = Math.max(requestedWidth, labelWidth + minimumPlotWidth + rightMargin);
  const end = Math.max(
    0,
    ...timelines.flatMap((timeline) => [
      timeline.wallMs,
      ...timeline.modelCalls.map((call) => call.endMs),
      ...timeline.toolCalls.map((call) => call.endMs),
    ]),
  );
  const ticks = niceTicks({ max: end, count: Math.max(2, Math.floor((width - labelWidth) / 110)) });
  const axisEnd = ticks.at(-1) as number;
  const ticksUnit = axisUnit('ms', axisEnd);
  const plotRight = width - rightMargin;
  const x = (ms: number) => labelWidth + (Math.max(0, ms) / axisEnd) * (plotRight - labelWidth);
  const drawnLegend = legend({
    estimates: timelines.some((timeline) =>
      timeline.modelCalls.some((call) => call.firstTokenEstimated === true),
    ),
    width,
  });
  const plotTop = legendTop + drawnLegend.height + 7;
  const parts: string[] = [
    `<text x="16" y="22" font-size="14" font-weight="600" fill="#222" data-kind="chart-title">${escapeXml(title)}</text>`,
    drawnLegend.svg,
  ];
  let rowTop = plotTop;
  const rows: string[] = [];
  timelines.forEach((timeline, index) => {
    const modelLanes = packLanes(timeline.modelCalls);
    const toolLanes = packLanes(timeline.toolCalls);
    const laneCount = Math.max(1, modelLanes.length) + Math.max(1, toolLanes.length);
    const height = Math.max(minimumRowHeight, rowPadding * 2 + laneCount * (laneHeight + laneGap));
    const modelTop = rowTop + rowPadding;
    const toolTop = modelTop + Math.max(1, modelLanes.length) * (laneHeight + laneGap);
    const strategy = timeline.strategy;
    const summary = summaries[index] ?? '';
    const row: string[] = [
      `<rect x="0" y="${rowTop}" width="${width}" height="${height}" fill="${index % 2 === 0 ? '#f7f7f9' : '#ffffff'}"/>`,
      `<rect x="10" y="${rowTop + 9}" width="8" height="8" fill="${escapeXml(colors.get(strategy) ?? '#888')}"/>`,
      // The tooltip sits beside the label, not inside it, so the label's text is the name alone.
      `<g><title>${escapeXml(`${strategy} · case ${timeline.caseId}: ${timeline.query}`)}</title><text x="24" y="${rowTop + 17}" font-size="${nameSize}" font-weight="600" fill="#222" data-kind="row-label">${escapeXml(strategy)}</text></g>`,
      `<text x="24" y="${rowTop + 31}" font-size="${textSize}" fill="#555" data-kind="row-summary">${escapeXml(summary)}</text>`,
      `<text x="${labelWidth - 6}" y="${modelTop + laneHeight - 2}" font-size="${textSize}" fill="#777" text-anchor="end" data-kind="lane-label">model</text>`,
      `<text x="${labelWidth - 6}" y="${toolTop + laneHeight - 2}" font-size="${textSize}" fill="#777" text-anchor="end" data-kind="lane-label">tools</text>`,
    ];
    modelLanes.forEach((lane, laneIndex) => {
      for (const { call, order } of lane) {
        row.push(
          modelBar({
            call,
            order,
            top: modelTop + laneIndex * (laneHeight + laneGap),
            x,
          }),
        );
      }
    });
    toolLanes.forEach((lane, laneIndex) => {
      for (const { call } of lane) {
        row.push(toolBar({ call, top: toolTop + laneIndex * (laneHeight + laneGap), x }));
      }
    });
    const wallX = round(x(timeline.wallMs));
    row.push(
      `<line x1="${wallX}" x2="${wallX}" y1="${rowTop + 3}" y2="${rowTop + height - 3}" stroke="${timelineColors.wall}" stroke-width="2" data-kind="wall"><title>${escapeXml(`${strategy} answered after ${formatQuantity(timeline.wallMs, 'ms')}`)}</title></line>`,
      `<text x="${wallX + 4}" y="${rowTop + 14}" font-size="${textSize}" fill="#222" data-kind="wall-label">${escapeXml(formatQuantity(timeline.wallMs, 'ms'))}</text>`,
    );
    rows.push(
      `<g data-kind="timeline-row" data-strategy="${escapeXml(strategy)}" data-case="${escapeXml(timeline.caseId)}">${row.join('')}</g>`,
    );
    rowTop += height;
  });
  if (timelines.length === 0) {
    rows.push(
      `<text x="${(labelWidth + plotRight) / 2}" y="${plotTop + 24}" font-size="12" fill="#888" text-anchor="middle" data-kind="empty">no runs recorded</text>`,
    );
    rowTop += minimumRowHeight;
  }
  const grid: string[] = [];
  for (const tick of ticks) {
    const tickX = round(x(tick));
    grid.push(
      `<line x1="${tickX}" x2="${tickX}" y1="${plotTop}" y2="${rowTop + 4}" stroke="${tick === 0 ? '#888' : '#dddddd'}" stroke-width="1"/>`,
      `<text x="${tickX}" y="${rowTop + 17}" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="tick">${escapeXml(ticksUnit.format(tick))}</text>`,
    );
  }
  const height = rowTop + 40;
  parts.push(
    ...rows,
    ...grid,
    `<text x="${round((labelWidth + plotRight) / 2)}" y="${rowTop + 34}" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="axis-label">${escapeXml(axisTitle('time since the query was asked', ticksUnit))}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}" role="img" aria-label="${escapeXml(title)}" data-chart="timeline"><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

/** What a row says of its run beside its name: wall time, model calls and tool calls. */
function summarise(timeline: BenchTimeline): string {
  return `${formatQuantity(timeline.wallMs, 'ms')} · ${timeline.modelCalls.length} LLM · ${timeline.toolCalls.length} tool${timeline.toolCalls.length === 1 ? '' : 's'}`;
}

/** The legend of what is drawn, in as many rows as the width needs. */
function legend(options: { estimates: boolean; width: number }): { svg: string; height: number } {
  const items: Array<[string, string]> = [
    [timelineColors.modelWaiting, 'model: waiting for first token'],
    [timelineColors.modelDecoding, 'model: decoding'],
    ...(options.estimates
      ? [
          [timelineColors.modelDecodingEstimated, 'decoding, estimated (not streamed)'] as [
            string,
            string,
          ],
        ]
      : []),
    [timelineColors.tool, 'tool call'],
    [timelineColors.toolFailed, 'tool call failed'],
    [timelineColors.wall, 'answer'],
  ];
  let left = 16;
  let top = legendTop;
  const drawn = items.map(([color, label]) => {
    const itemWidth = 16 + estimateTextWidth(label, { size: textSize });
    if (left > 16 && left + itemWidth > options.width - 16) {
      left = 16;
      top += legendRowHeight;
    }
    const item = `<g data-kind="legend-item"><rect x="${round(left)}" y="${top}" width="${label === 'answer' ? 2 : 12}" height="10" fill="${color}"/><text x="${round(left + 16)}" y="${top + 9}" font-size="${textSize}" fill="#444">${escapeXml(label)}</text></g>`;
    left += itemWidth + 18;
    return item;
  });
  return { svg: drawn.join(''), height: top - legendTop + legendRowHeight };
}

function modelBar(options: {
  call: TimelineModelCall;
  order: number;
  top: number;
  x: (ms: number) => number;
}): string {
  const { call, top, x } = options;
  const firstToken = call.firstTokenMs ?? call.endMs;
  const tooltip = escapeXml(
    [
      `model call ${options.order + 1}${call.purpose === undefined ? '' : ` (${call.purpose})`}${call.failed === true ? ' — failed' : ''}`,
      `${formatQuantity(call.startMs, 'ms')} → ${formatQuantity(call.endMs, 'ms')}`,
      call.firstTokenMs === undefined
        ? 'no streamed content'
        : call.firstTokenEstimated === true
          ? `not streamed: first token ≈ ${formatQuantity(call.firstTokenMs - call.startMs, 'ms')}, decoding ≈ ${formatQuantity(call.endMs - call.firstTokenMs, 'ms')} (estimated from the decode rate)`
          : `first token after ${formatQuantity(call.firstTokenMs - call.startMs, 'ms')}, decoding ${formatQuantity(call.endMs - call.firstTokenMs, 'ms')}`,
      `${call.inputTokens.toLocaleString('en-US')} input tokens (${call.cachedInputTokens.toLocaleString('en-US')} cached), ${call.outputTokens.toLocaleString('en-US')} output`,
    ].join('\n'),
  );
  const start = x(call.startMs);
  const waitEnd = Math.max(start + minimumBarWidth / 2, x(firstToken));
  const end = Math.max(waitEnd + minimumBarWidth / 2, x(call.endMs));
  return `<g data-kind="model-call"><rect x="${round(start)}" y="${top}" width="${round(waitEnd - start)}" height="${laneHeight}" fill="${timelineColors.modelWaiting}" data-kind="model-ttft"><title>${tooltip}</title></rect><rect x="${round(waitEnd)}" y="${top}" width="${round(end - waitEnd)}" height="${laneHeight}" fill="${call.firstTokenEstimated === true ? timelineColors.modelDecodingEstimated : timelineColors.modelDecoding}" data-kind="model-decode"${call.firstTokenEstimated === true ? ' data-estimated="true"' : ''}><title>${tooltip}</title></rect></g>`;
}

function toolBar(options: {
  call: TimelineToolCall;
  top: number;
  x: (ms: number) => number;
}): string {
  const { call, top, x } = options;
  const start = x(call.startMs);
  const barWidth = Math.max(minimumBarWidth, x(call.endMs) - start);
  const tooltip = escapeXml(
    [
      `${call.tool}${call.stepId === undefined ? '' : ` (step ${call.stepId})`}${call.batchSize === undefined ? '' : ` — batch of ${call.batchSize}`}${call.status === 'error' ? ' — failed' : ''}${call.speculative === true ? ' — speculative' : ''}${call.wasted === true ? ', unused' : ''}`,
      `${formatQuantity(call.startMs, 'ms')} → ${formatQuantity(call.endMs, 'ms')} (${formatQuantity(call.endMs - call.startMs, 'ms')})`,
    ].join('\n'),
  );
  const color = call.status === 'error' ? timelineColors.toolFailed : timelineColors.tool;
  return `<rect x="${round(start)}" y="${top}" width="${round(barWidth)}" height="${laneHeight}" rx="2" fill="${color}" fill-opacity="${call.wasted === true ? 0.4 : 1}" data-kind="tool" data-tool="${escapeXml(call.tool)}" data-status="${call.status}"><title>${tooltip}</title></rect>`;
}

/** Greedy interval packing: each call into the first lane free at its start, in start order. */
function packLanes<Call extends { startMs: number; endMs: number }>(
  calls: readonly Call[],
): Array<Array<{ call: Call; order: number }>> {
  const ordered = calls
    .map((call, order) => ({ call, order }))
    .sort((left, right) => left.call.startMs - right.call.startMs || left.order - right.order);
  const lanes: Array<Array<{ call: Call; order: number }>> = [];
  const laneEnds: number[] = [];
  for (const entry of ordered) {
    const free = laneEnds.findIndex((laneEnd) => laneEnd <= entry.call.startMs);
    if (free === -1) {
      lanes.push([entry]);
      laneEnds.push(entry.call.endMs);
    } else {
      lanes[free]?.push(entry);
      laneEnds[free] = entry.call.endMs;
    }
  }
  return lanes;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
