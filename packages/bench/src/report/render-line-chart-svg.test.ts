import { describe, expect, it } from 'vitest';
import { renderLineChartSvg } from './render-line-chart-svg.js';

function attributes(svg: string, tag: string, kind: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*data-kind="${kind}"[^>]*)>`, 'g'))].map(
    (match) =>
      Object.fromEntries(
        [...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
      ),
  );
}

function texts(svg: string, kind: string): string[] {
  return [...svg.matchAll(new RegExp(`data-kind="${kind}"[^>]*>([^<]*)</text>`, 'g'))].map(
    (match) => match[1] ?? '',
  );
}

const options = {
  title: 'Input tokens per turn',
  unit: 'tokens',
  axisLabel: 'input tokens',
  pointsLabel: 'turn',
  points: ['1', '2', '3'],
  series: [
    { name: 'loop-full-history', values: [2000, 4000, 8000], color: '#4e79a7' },
    { name: 'session', values: [600, 1400, 2000], color: '#f28e2b' },
  ],
};

describe('renderLineChartSvg', () => {
  it('draws one line per series, its points at heights proportional to the values', () => {
    const svg = renderLineChartSvg(options);
    expect(attributes(svg, 'g', 'series').map((series) => series['data-series'])).toEqual([
      'loop-full-history',
      'session',
    ]);
    const points = attributes(svg, 'circle', 'point');
    expect(points).toHaveLength(6);
    const lowest = Math.max(...points.map((point) => Number(point['cy'])));
    const zero = Number(/<line [^>]*y1="([\d.]+)"[^>]*stroke="#888"/.exec(svg)?.[1]);
    expect(lowest).toBeLessThan(zero);
    const heights = points.map((point) => zero - Number(point['cy']));
    // 8,000 is four times 2,000, and 2,000 (session, turn 3) is as high as 2,000 (full history, turn 1).
    expect((heights[2] as number) / (heights[0] as number)).toBeCloseTo(4, 2);
    expect(heights[5]).toBeCloseTo(heights[0] as number, 2);
    // Turns left to right.
    expect(Number(points[1]?.['cx'])).toBeGreaterThan(Number(points[0]?.['cx']));
    expect(svg).toContain('session, turn 2: 1,400');
  });

  it('names every series in full in the legend, and the axes with their units', () => {
    const svg = renderLineChartSvg(options);
    expect(texts(svg, 'legend-label')).toEqual(['loop-full-history', 'session']);
    expect(texts(svg, 'point-label')).toEqual(['1', '2', '3']);
    expect(texts(svg, 'axis-label')).toEqual(['turn', 'input tokens']);
    expect(texts(svg, 'tick')).toEqual(['0', '2,000', '4,000', '6,000', '8,000']);
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  });

  it('is wide enough for its legend, and breaks a line at a missing value', () => {
    const many = renderLineChartSvg({
      ...options,
      points: ['1'],
      series: [
        { name: 'a-strategy-with-a-long-name', values: [1] },
        { name: 'another-strategy-with-a-long-name', values: [undefined] },
      ],
    });
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(many)?.[1]);
    expect(width).toBeGreaterThan('another-strategy-with-a-long-name'.length * 7);
    const gap = renderLineChartSvg({
      ...options,
      series: [{ name: 'plan', values: [1, undefined, 3] }],
    });
    expect(gap).not.toContain('<polyline');
    expect(attributes(gap, 'circle', 'point')).toHaveLength(2);
    expect(renderLineChartSvg({ ...options, series: [] })).toContain('no data');
  });

  it('rejects values it cannot draw, naming the point', () => {
    expect(() =>
      renderLineChartSvg({ ...options, series: [{ name: 'plan', values: [1, -2] }] }),
    ).toThrow('Expected `series[0].values[1]` to be a non-negative finite number, got `-2`');
  });
});
