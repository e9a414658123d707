import { describe, expect, it } from 'vitest';
import { BenchReportError } from './bench-report-error.js';
import { renderBarChartSvg } from './render-bar-chart-svg.js';

/** Every element with this data-kind: its attributes, by name. */
function elements(svg: string, kind: string): Array<Record<string, string>> {
  return [
    ...svg.matchAll(new RegExp(`<(?:rect|g|text)\\b([^>]*data-kind="${kind}"[^>]*)>`, 'g')),
  ].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    ),
  );
}

/** The text of every `<text>` with this data-kind, in order. */
function texts(svg: string, kind: string): string[] {
  return [
    ...svg.matchAll(new RegExp(`<text\\b[^>]*data-kind="${kind}"[^>]*>([^<]*)</text>`, 'g')),
  ].map((match) => match[1] ?? '');
}

describe('renderBarChartSvg', () => {
  it('draws one bar per label, heights proportional to the values, values printed', () => {
    const svg = renderBarChartSvg({
      title: 'Latency',
      unit: 'ms',
      bars: [
        { label: 'loop-sequential', value: 6000, color: '#111111' },
        { label: 'plan', value: 1500, color: '#222222' },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(elements(svg, 'bar').map((bar) => bar['data-label'])).toEqual([
      'loop-sequential',
      'plan',
    ]);
    const heights = elements(svg, 'bar-segment').map((rect) => Number(rect['height']));
    expect(heights[0]).toBeGreaterThan(0);
    expect((heights[0] as number) / (heights[1] as number)).toBeCloseTo(4, 2);
    expect(elements(svg, 'bar-segment').map((rect) => rect['fill'])).toEqual([
      '#111111',
      '#222222',
    ]);
    expect(svg).toContain('>6 s</text>');
    expect(svg).toContain('>1.5 s</text>');
    // Bars stand on the zero line: each ends where the other does.
    const bottoms = elements(svg, 'bar-segment').map(
      (rect) => Number(rect['y']) + Number(rect['height']),
    );
    expect(bottoms[0]).toBeCloseTo(bottoms[1] as number, 1);
  });

  it('stacks segments bottom to top and names them in a legend', () => {
    const svg = renderBarChartSvg({
      title: 'Tokens',
      unit: 'tokens',
      bars: [
        {
          label: 'plan',
          value: 600,
          segments: [
            { name: 'input', value: 400 },
            { name: 'output', value: 200 },
          ],
        },
      ],
    });
    const [input, output] = elements(svg, 'bar-segment');
    expect(Number(input?.['height'])).toBeCloseTo(2 * Number(output?.['height']), 1);
    // The output segment sits on top of the input one.
    expect(Number(output?.['y']) + Number(output?.['height'])).toBeCloseTo(Number(input?.['y']), 1);
    expect(elements(svg, 'legend-item')).toHaveLength(2);
    expect(svg).toContain('>600</text>');
  });

  it('escapes labels and titles', () => {
    const svg = renderBarChartSvg({
      title: 'A <b> & "c"',
      unit: 'ms',
      bars: [{ label: '<script>alert(1)</script>', value: 1 }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('draws an empty chart, and bars of zero, without dividing by zero', () => {
    const empty = renderBarChartSvg({ title: 'Cost', unit: 'USD', bars: [] });
    expect(elements(empty, 'bar')).toHaveLength(0);
    expect(empty).toContain('no data');
    const zeros = renderBarChartSvg({
      title: 'Cost',
      unit: 'USD',
      bars: [{ label: 'plan', value: 0 }],
    });
    expect(zeros).not.toContain('NaN');
    expect(elements(zeros, 'bar-segment')[0]?.['height']).toBe('0');
  });

  it('prints every label whole, the chart as wide as they need', () => {
    const names = [
      'loop-sequential',
      'loop-full-history',
      'plan+predict',
      'a-very-long-strategy-name',
    ];
    const svg = renderBarChartSvg({
      title: 'Latency',
      unit: 'ms',
      bars: names.map((label) => ({ label, value: 1 })),
    });
    expect(texts(svg, 'bar-label')).toEqual(names);
    expect(svg).not.toContain('…');
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1]);
    const short = renderBarChartSvg({
      title: 'Latency',
      unit: 'ms',
      bars: names.map((_, index) => ({ label: `s${index}`, value: 1 })),
    });
    expect(width).toBeGreaterThan(Number(/<svg[^>]* width="([\d.]+)"/.exec(short)?.[1]));
    // Neighbouring labels' centres are further apart than the longer label is wide (7 px a letter).
    const centres = elements(svg, 'bar-label').map((label) => Number(label['x']));
    expect((centres[3] as number) - (centres[2] as number)).toBeGreaterThan(
      'a-very-long-strategy-name'.length * 7,
    );
  });

  it('prints ticks in one unit, named in the axis title, at 11 px or more', () => {
    const seconds = renderBarChartSvg({
      title: 'Latency',
      unit: 'ms',
      axisLabel: 'latency',
      bars: [
        { label: 'loop-sequential', value: 4470 },
        { label: 'plan', value: 792 },
      ],
    });
    expect(texts(seconds, 'tick')).toEqual(['0', '2', '4', '6']);
    expect(texts(seconds, 'axis-label')).toEqual(['latency (s)']);
    const cost = renderBarChartSvg({
      title: 'Cost',
      unit: 'USD',
      bars: [{ label: 'plan', value: 0.009 }],
    });
    expect(texts(cost, 'tick')).toEqual(['0', '0.005', '0.01']);
    expect(texts(cost, 'axis-label')).toEqual(['cost (USD)']);
    for (const svg of [seconds, cost]) {
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
  });

  it('rejects values it cannot draw, naming the bar', () => {
    expect(() =>
      renderBarChartSvg({
        title: 't',
        unit: 'ms',
        bars: [
          { label: 'a', value: 1 },
          { label: 'b', value: -1 },
        ],
      }),
    ).toThrow('Expected `bars[1].value` to be a non-negative finite number, got `-1`');
    expect(() =>
      renderBarChartSvg({ title: 't', unit: 'ms', bars: [{ label: 'a', value: Number.NaN }] }),
    ).toThrow(BenchReportError);
    expect(() =>
      renderBarChartSvg({
        title: 't',
        unit: 'tokens',
        bars: [{ label: 'a', value: 10, segments: [{ name: 'input', value: 4 }] }],
      }),
    ).toThrow('Expected `bars[0].value` to be the sum of its segments (4), got `10`');
    expect(() => renderBarChartSvg({ title: 't', unit: 'ms', bars: [], slotWidth: 0 })).toThrow(
      'Expected `slotWidth` to be a positive number, got `0`',
    );
  });
});
