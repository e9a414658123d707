import { axisTitle, axisUnit } from './axis-unit.js';
import { BenchReportError } from './bench-report-error.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { formatQuantity } from './format-quantity.js';
import { niceTicks } from './nice-ticks.js';

/** One part of a stacked bar (cached and uncached input tokens, output tokens). */
export interface BarSegment {
  name: string;
  value: number;
  /** @default a shade from the chart's segment palette, by the segment's position */
  color?: string;
}

export interface BarChartBar {
  label: string;
  /** The bar's height; with `segments`, their sum. */
  value: number;
  /** @default grey */
  color?: string;
  /** Draw the bar as these parts stacked bottom to top (the chart's legend names them). */
  segments?: readonly BarSegment[];
}

export interface BarChartOptions {
  title: string;
  /** `ms` and `USD` are printed as durations and dollars; anything else as a count of it. */
  unit: string;
  bars: readonly BarChartBar[];
  /**
   * Room for each bar and its label, px.
   * @default 92, or more for the longest label to fit
   */
  slotWidth?: number;
  /**
   * The quantity on the vertical axis; its title adds the ticks' unit (`latency (s)`).
   * @default `time` for `ms`, `cost` for `USD`, else the unit
   */
  axisLabel?: string;
  /**
   * Height of the plot area, px.
   * @default 180
   */
  plotHeight?: number;
}

const segmentPalette = ['#4e79a7', '#a0cbe8', '#f28e2b', '#ffbe7d', '#59a14f', '#8cd17d'];
const font = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
// Font sizes, px: the page shows charts at their own size, so these are the sizes read.
const titleSize = 14;
const labelSize = 12;
const textSize = 11;
const margin = { top: 40, right: 16, bottom: 40 };
const legendGap = 18;

/**
 * A bar chart as a standalone SVG document: one vertical bar per label on a scale from zero, its
 * value printed above it, a `<title>` tooltip on each bar, and a legend when bars are stacked.
 * The chart is as wide as its labels need: none is cut short. Ticks are in one unit, named in the
 * axis title. Drawn elements carry `data-kind` (`bar`, `bar-segment`, `bar-value`, `bar-label`,
 * `tick`, `axis-label`) for tests.
 */
export function renderBarChartSvg(options: BarChartOptions): string {
  const { title, unit, bars } = validate(options);
  const slotWidth =
    options.slotWidth ??
    Math.max(92, ...bars.map((bar) => estimateTextWidth(bar.label, { size: labelSize }) + 14));
  const plotHeight = options.plotHeight ?? 180;
  const segmentNames = [
    ...new Set(bars.flatMap((bar) => (bar.segments ?? []).map((segment) => segment.name))),
  ];
  const ticks = niceTicks({ max: Math.max(0, ...bars.map((bar) => bar.value)), count: 4 });
  const top = ticks.at(-1) as number;
  const ticksUnit = axisUnit(unit, top);
  const tickLabels = ticks.map((tick) => ticksUnit.format(tick));
  // The rotated axis title, then the widest tick label, then the plot.
  const left = Math.ceil(
    30 + Math.max(...tickLabels.map((label) => estimateTextWidth(label, { size: textSize }))),
  );
  const legendWidths = segmentNames.map(
    (name) => 14 + estimateTextWidth(name, { size: textSize }) + legendGap,
  );
  const legendHeight = segmentNames.length === 0 ? 0 : 20;
  const plotWidth = Math.max(1, bars.length) * slotWidth;
  const width = Math.ceil(
    Math.max(
      left + plotWidth + margin.right,
      left + estimateTextWidth(title, { size: titleSize, bold: true }) + margin.right,
      left + legendWidths.reduce((sum, each) => sum + each, 0) + margin.right,
    ),
  );
  const plotTop = margin.top + legendHeight;
  const height = plotTop + plotHeight + margin.bottom;
  const y = (value: number) => plotTop + plotHeight - (value / top) * plotHeight;
  const parts: string[] = [];
  parts.push(
    `<text x="${left}" y="22" font-size="${titleSize}" font-weight="600" fill="#222" data-kind="chart-title">${escapeXml(title)}</text>`,
  );
  let legendX = left;
  segmentNames.forEach((name, index) => {
    parts.push(
      `<g data-kind="legend-item"><rect x="${round(legendX)}" y="${margin.top - 6}" width="10" height="10" fill="${segmentColor(name, segmentNames)}"/><text x="${round(legendX + 14)}" y="${margin.top + 3}" font-size="${textSize}" fill="#444">${escapeXml(name)}</text></g>`,
    );
    legendX += legendWidths[index] ?? 0;
  });
  ticks.forEach((tick, index) => {
    const tickY = round(y(tick));
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${tickY}" y2="${tickY}" stroke="${tick === 0 ? '#888' : '#e4e4e4'}" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${tickY + 4}" font-size="${textSize}" fill="#555" text-anchor="end" data-kind="tick">${escapeXml(tickLabels[index] ?? '')}</text>`,
    );
  });
  parts.push(
    `<text transform="translate(16 ${round(plotTop + plotHeight / 2)}) rotate(-90)" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="axis-label">${escapeXml(axisTitle(options.axisLabel ?? defaultAxisLabel(unit), ticksUnit))}</text>`,
  );
  if (bars.length === 0) {
    parts.push(
      `<text x="${left + plotWidth / 2}" y="${plotTop + plotHeight / 2}" font-size="12" fill="#888" text-anchor="middle" data-kind="empty">no data</text>`,
    );
  }
  bars.forEach((bar, index) => {
    const center = left + slotWidth * (index + 0.5);
    const barWidth = Math.min(56, slotWidth * 0.6);
    const x = round(center - barWidth / 2);
    const tooltip = `${bar.label}: ${formatQuantity(bar.value, unit)}${
      bar.segments === undefined
        ? ''
        : ` (${bar.segments.map((segment) => `${segment.name} ${formatQuantity(segment.value, unit)}`).join(', ')})`
    }`;
    const segments = bar.segments ?? [{ name: bar.label, value: bar.value, color: bar.color }];
    let base = 0;
    const rects = segments.map((segment) => {
      const y0 = y(base);
      base += segment.value;
      const y1 = y(base);
      const color =
        segment.color ??
        (bar.segments === undefined
          ? (bar.color ?? '#888')
          : segmentColor(segment.name, segmentNames));
      return `<rect x="${x}" y="${round(y1)}" width="${round(barWidth)}" height="${round(y0 - y1)}" fill="${escapeXml(color)}" data-kind="bar-segment" data-segment="${escapeXml(segment.name)}" data-value="${segment.value}"><title>${escapeXml(tooltip)}</title></rect>`;
    });
    parts.push(
      `<g data-kind="bar" data-label="${escapeXml(bar.label)}" data-value="${bar.value}">${rects.join('')}</g>`,
      `<text x="${round(center)}" y="${round(y(bar.value) - 5)}" font-size="${textSize}" fill="#222" text-anchor="middle" data-kind="bar-value">${escapeXml(formatQuantity(bar.value, unit))}</text>`,
      `<text x="${round(center)}" y="${plotTop + plotHeight + 17}" font-size="${labelSize}" fill="#333" text-anchor="middle" data-kind="bar-label">${escapeXml(bar.label)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}" role="img" aria-label="${escapeXml(title)}" data-chart="bar"><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

function defaultAxisLabel(unit: string): string {
  if (unit === 'ms') return 'time';
  if (unit === 'USD') return 'cost';
  return unit;
}

function segmentColor(name: string, names: readonly string[]): string {
  return segmentPalette[names.indexOf(name) % segmentPalette.length] as string;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function validate(options: BarChartOptions): BarChartOptions {
  if (typeof options.title !== 'string') {
    throw new BenchReportError({ option: 'title', expected: 'a string', value: options.title });
  }
  if (typeof options.unit !== 'string') {
    throw new BenchReportError({ option: 'unit', expected: 'a string', value: options.unit });
  }
  if (!Array.isArray(options.bars)) {
    throw new BenchReportError({ option: 'bars', expected: 'an array', value: options.bars });
  }
  for (const [name, value] of [
    ['slotWidth', options.slotWidth],
    ['plotHeight', options.plotHeight],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new BenchReportError({ option: name, expected: 'a positive number', value });
    }
  }
  const bars: readonly BarChartBar[] = options.bars;
  bars.forEach((bar, index) => {
    nonNegative(`bars[${index}].value`, bar.value);
    if (bar.segments === undefined) return;
    let sum = 0;
    bar.segments.forEach((segment, segmentIndex) => {
      nonNegative(`bars[${index}].segments[${segmentIndex}].value`, segment.value);
      sum += segment.value;
    });
    // Stacked parts that do not add up to the printed value would draw a bar that lies.
    if (Math.abs(sum - bar.value) > 1e-9 * Math.max(1, bar.value)) {
      throw new BenchReportError({
        option: `bars[${index}].value`,
        expected: `the sum of its segments (${sum})`,
        value: bar.value,
      });
    }
  });
  return options;
}

function nonNegative(option: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new BenchReportError({ option, expected: 'a non-negative finite number', value });
  }
}
