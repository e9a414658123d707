import { axisTitle, axisUnit } from './axis-unit.js';
import { BenchReportError } from './bench-report-error.js';
import { escapeXml } from './escape-xml.js';
import { estimateTextWidth } from './estimate-text-width.js';
import { formatQuantity } from './format-quantity.js';
import { niceTicks } from './nice-ticks.js';

/** One line of the chart: a value per point of the horizontal axis (missing ones are gaps). */
export interface LineChartSeries {
  name: string;
  values: ReadonlyArray<number | undefined>;
  /** @default grey */
  color?: string;
}

export interface LineChartOptions {
  title: string;
  /** `ms` and `USD` are printed as durations and dollars; anything else as a count of it. */
  unit: string;
  /** The points of the horizontal axis, in order (`1`, `2`, … for turns). */
  points: readonly string[];
  series: readonly LineChartSeries[];
  /** The horizontal axis's title. */
  pointsLabel: string;
  /** The quantity on the vertical axis; its title adds the ticks' unit. @default the unit */
  axisLabel?: string;
}

const font = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
const titleSize = 14;
const nameSize = 12;
const textSize = 11;
const plotHeight = 200;
const pointSpacing = 90;
const margin = { top: 36, right: 24, bottom: 46 };

/**
 * A line chart as a standalone SVG document: one line per series across the points of the
 * horizontal axis, each point marked (with a `<title>` tooltip) and a legend naming the series in
 * full. Drawn elements carry `data-kind` (`series`, `point`, `legend-label`, `tick`,
 * `point-label`, `axis-label`) for tests.
 */
export function renderLineChartSvg(options: LineChartOptions): string {
  const { title, unit, points, series } = validate(options);
  const values = series.flatMap((each) =>
    each.values.filter((value): value is number => value !== undefined),
  );
  const ticks = niceTicks({ max: Math.max(0, ...values), count: 4 });
  const top = ticks.at(-1) as number;
  const ticksUnit = axisUnit(unit, top);
  const tickLabels = ticks.map((tick) => ticksUnit.format(tick));
  const left = Math.ceil(
    30 + Math.max(...tickLabels.map((label) => estimateTextWidth(label, { size: textSize }))),
  );
  const plotWidth = Math.max(1, points.length) * pointSpacing;
  const legendWidths = series.map(
    (each) => 20 + estimateTextWidth(each.name, { size: nameSize }) + 18,
  );
  const width = Math.ceil(
    Math.max(
      left + plotWidth + margin.right,
      left + estimateTextWidth(title, { size: titleSize, bold: true }) + margin.right,
      left + Math.max(0, ...legendWidths) + margin.right,
    ),
  );
  // The legend flows into as many rows as the width needs.
  const legend: string[] = [];
  let legendX = left;
  let legendY = margin.top;
  series.forEach((each, index) => {
    const itemWidth = legendWidths[index] ?? 0;
    if (legendX > left && legendX + itemWidth > width - margin.right) {
      legendX = left;
      legendY += 18;
    }
    legend.push(
      `<g data-kind="legend-item"><line x1="${round(legendX)}" x2="${round(legendX + 14)}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${escapeXml(each.color ?? '#888')}" stroke-width="2.5"/><text x="${round(legendX + 20)}" y="${legendY}" font-size="${nameSize}" fill="#333" data-kind="legend-label">${escapeXml(each.name)}</text></g>`,
    );
    legendX += itemWidth;
  });
  const plotTop = legendY + 20;
  const height = plotTop + plotHeight + margin.bottom;
  const x = (index: number) => left + pointSpacing * (index + 0.5);
  const y = (value: number) => plotTop + plotHeight - (value / top) * plotHeight;
  const parts: string[] = [
    `<text x="${left}" y="22" font-size="${titleSize}" font-weight="600" fill="#222" data-kind="chart-title">${escapeXml(title)}</text>`,
    ...legend,
  ];
  ticks.forEach((tick, index) => {
    const tickY = round(y(tick));
    parts.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${tickY}" y2="${tickY}" stroke="${tick === 0 ? '#888' : '#e4e4e4'}" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${tickY + 4}" font-size="${textSize}" fill="#555" text-anchor="end" data-kind="tick">${escapeXml(tickLabels[index] ?? '')}</text>`,
    );
  });
  points.forEach((point, index) => {
    parts.push(
      `<text x="${round(x(index))}" y="${plotTop + plotHeight + 17}" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="point-label">${escapeXml(point)}</text>`,
    );
  });
  parts.push(
    `<text x="${round(left + plotWidth / 2)}" y="${plotTop + plotHeight + 36}" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="axis-label">${escapeXml(options.pointsLabel)}</text>`,
    `<text transform="translate(16 ${round(plotTop + plotHeight / 2)}) rotate(-90)" font-size="${textSize}" fill="#555" text-anchor="middle" data-kind="axis-label">${escapeXml(axisTitle(options.axisLabel ?? unit, ticksUnit))}</text>`,
  );
  if (series.length === 0 || points.length === 0) {
    parts.push(
      `<text x="${round(left + plotWidth / 2)}" y="${round(plotTop + plotHeight / 2)}" font-size="12" fill="#888" text-anchor="middle" data-kind="empty">no data</text>`,
    );
  }
  for (const each of series) {
    const color = escapeXml(each.color ?? '#888');
    // A missing value breaks the line rather than joining its neighbours across it.
    const runs: string[][] = [[]];
    const marks: string[] = [];
    each.values.forEach((value, index) => {
      if (value === undefined) {
        runs.push([]);
        return;
      }
      runs.at(-1)?.push(`${round(x(index))},${round(y(value))}`);
      marks.push(
        `<circle cx="${round(x(index))}" cy="${round(y(value))}" r="3.5" fill="${color}" data-kind="point" data-value="${value}"><title>${escapeXml(`${each.name}, ${options.pointsLabel} ${points[index] ?? index + 1}: ${formatQuantity(value, unit)}`)}</title></circle>`,
      );
    });
    const lines = runs
      .filter((run) => run.length > 1)
      .map(
        (run) =>
          `<polyline points="${run.join(' ')}" fill="none" stroke="${color}" stroke-width="2.5" stroke-linejoin="round"/>`,
      );
    parts.push(
      `<g data-kind="series" data-series="${escapeXml(each.name)}">${lines.join('')}${marks.join('')}</g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}" role="img" aria-label="${escapeXml(title)}" data-chart="line"><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function validate(options: LineChartOptions): LineChartOptions {
  if (!Array.isArray(options.points)) {
    throw new BenchReportError({ option: 'points', expected: 'an array', value: options.points });
  }
  if (!Array.isArray(options.series)) {
    throw new BenchReportError({ option: 'series', expected: 'an array', value: options.series });
  }
  const series: readonly LineChartSeries[] = options.series;
  series.forEach((each, index) => {
    each.values.forEach((value, point) => {
      if (
        value !== undefined &&
        !(typeof value === 'number' && Number.isFinite(value) && value >= 0)
      ) {
        throw new BenchReportError({
          option: `series[${index}].values[${point}]`,
          expected: 'a non-negative finite number',
          value,
        });
      }
    });
  });
  return options;
}
