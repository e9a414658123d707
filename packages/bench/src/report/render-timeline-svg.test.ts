import { describe, expect, it } from 'vitest';
import type { BenchTimeline } from '../bench-timeline.js';
import { renderTimelineSvg, timelineColors } from './render-timeline-svg.js';

function timeline(overrides: Partial<BenchTimeline> = {}): BenchTimeline {
  return {
    scenario: 'weather',
    strategy: 'plan',
    caseId: 'main',
    query: 'Weather in Boston?',
    wallMs: 1000,
    modelCalls: [
      {
        startMs: 0,
        firstTokenMs: 200,
        endMs: 600,
        inputTokens: 480,
        cachedInputTokens: 0,
        outputTokens: 107,
      },
    ],
    toolCalls: [
      { tool: 'get_weather', startMs: 300, endMs: 700, status: 'ok' },
      { tool: 'get_weather', startMs: 350, endMs: 650, status: 'ok' },
      { tool: 'compare', startMs: 700, endMs: 700.05, status: 'error' },
    ],
    ...overrides,
  };
}

function rects(svg: string, kind: string): Array<Record<string, string>> {
  return [
    ...svg.matchAll(new RegExp(`<(?:rect|line|g)\\b([^>]*data-kind="${kind}"[^>]*)>`, 'g')),
  ].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w-]+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    ),
  );
}

const number = (value: string | undefined) => Number(value);

describe('renderTimelineSvg', () => {
  it('splits a model call into waiting for the first token and decoding, on one time scale', () => {
    const svg = renderTimelineSvg({ timelines: [timeline()] });
    const [waiting] = rects(svg, 'model-ttft');
    const [decoding] = rects(svg, 'model-decode');
    expect(waiting?.['fill']).toBe(timelineColors.modelWaiting);
    expect(decoding?.['fill']).toBe(timelineColors.modelDecoding);
    // 200 ms waiting, 400 ms decoding: the decode segment is twice as wide and starts where the wait ends.
    expect(number(decoding?.['width']) / number(waiting?.['width'])).toBeCloseTo(2, 2);
    expect(number(waiting?.['x']) + number(waiting?.['width'])).toBeCloseTo(
      number(decoding?.['x']),
      1,
    );
    expect(svg).toContain('first token after 200 ms, decoding 400 ms');
  });

  it('puts overlapping tool calls in lanes of their own, and a sequential one back in the first', () => {
    const svg = renderTimelineSvg({ timelines: [timeline()] });
    const tools = rects(svg, 'tool').sort((left, right) => number(left['x']) - number(right['x']));
    expect(tools.map((tool) => tool['data-tool'])).toEqual([
      'get_weather',
      'get_weather',
      'compare',
    ]);
    const [first, second, third] = tools;
    expect(first?.['y']).not.toBe(second?.['y']);
    expect(third?.['y']).toBe(first?.['y']);
    // The two parallel calls: 400 ms and 300 ms long, starting 50 ms apart.
    expect(number(first?.['width']) / number(second?.['width'])).toBeCloseTo(4 / 3, 2);
  });

  it('keeps a very short call visible and colours a failed one', () => {
    const svg = renderTimelineSvg({ timelines: [timeline()] });
    const failed = rects(svg, 'tool').find((tool) => tool['data-status'] === 'error');
    expect(number(failed?.['width'])).toBeGreaterThanOrEqual(2);
    expect(failed?.['fill']).toBe(timelineColors.toolFailed);
  });

  it('draws one row per run on a shared axis, the answer marked at each wall time', () => {
    const svg = renderTimelineSvg({
      timelines: [timeline({ strategy: 'loop-sequential', wallMs: 4000 }), timeline()],
    });
    expect(rects(svg, 'timeline-row').map((row) => row['data-strategy'])).toEqual([
      'loop-sequential',
      'plan',
    ]);
    const [slow, fast] = rects(svg, 'wall');
    // Both measured from the same origin (the axis's zero at x of the first tick).
    const zero = number(/<line x1="([\d.]+)"[^>]*stroke="#888"/.exec(svg)?.[1]);
    expect((number(slow?.['x1']) - zero) / (number(fast?.['x1']) - zero)).toBeCloseTo(4, 2);
    expect(svg).toContain('>4 s</text>');
  });

  it('prints strategy names whole, however long, left of the time axis', () => {
    const names = ['loop-full-history', 'a-strategy-with-a-very-long-name-indeed'];
    const svg = renderTimelineSvg({
      timelines: names.map((strategy) => timeline({ strategy })),
    });
    expect(
      [...svg.matchAll(/data-kind="row-label">([^<]*)<\/text>/g)].map((match) => match[1]),
    ).toEqual(names);
    expect(svg).not.toContain('…');
    // The axis's zero lies right of the longest name (7.5 px a letter at 12 px, bold) and its lane labels.
    const zero = number(/<line x1="([\d.]+)"[^>]*stroke="#888"/.exec(svg)?.[1]);
    expect(zero).toBeGreaterThan(24 + (names[1] as string).length * 7.5 + 40);
  });

  it('prints ticks in one unit named in the axis title, and no text under 11 px', () => {
    const seconds = renderTimelineSvg({ timelines: [timeline({ wallMs: 1400 })] });
    const ticks = [...seconds.matchAll(/data-kind="tick">([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks[0]).toBe('0');
    expect(ticks).toContain('1');
    expect(ticks.every((tick) => /^[\d.]+$/.test(tick ?? ''))).toBe(true);
    expect(seconds).toContain('time since the query was asked (s)</text>');
    const milliseconds = renderTimelineSvg({ timelines: [timeline({ wallMs: 700 })] });
    expect(milliseconds).toContain('time since the query was asked (ms)</text>');
    for (const svg of [seconds, milliseconds]) {
      const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((match) => Number(match[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
  });

  it('escapes strategy names, queries and tool names', () => {
    const svg = renderTimelineSvg({
      timelines: [
        timeline({
          strategy: 'a<b>',
          query: 'Is 3 < 4 & "5" > 2?',
          toolCalls: [{ tool: '<img src=x>', startMs: 0, endMs: 10, status: 'ok' }],
        }),
      ],
    });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('Is 3 &lt; 4 &amp; &quot;5&quot; &gt; 2?');
  });

  it('draws an empty chart when there is no run, and rejects a width it cannot fit', () => {
    const svg = renderTimelineSvg({ timelines: [] });
    expect(svg).toContain('no runs recorded');
    expect(svg).not.toContain('NaN');
    expect(() => renderTimelineSvg({ timelines: [], width: 100 })).toThrow(
      'Expected `width` to be a number above 264, got `100`',
    );
  });

  it('draws a call that never streamed as waiting only', () => {
    const svg = renderTimelineSvg({
      timelines: [
        timeline({
          modelCalls: [
            {
              startMs: 0,
              endMs: 500,
              inputTokens: 10,
              cachedInputTokens: 0,
              outputTokens: 0,
              failed: true,
            },
          ],
        }),
      ],
    });
    const [waiting] = rects(svg, 'model-ttft');
    const [decoding] = rects(svg, 'model-decode');
    expect(number(waiting?.['width'])).toBeGreaterThan(10 * number(decoding?.['width']));
    expect(svg).toContain('model call 1 — failed');
  });
});

describe('renderTimelineSvg of a call that was not streamed', () => {
  it('marks its estimated decode apart from a measured one, in colour, tooltip and legend', () => {
    const svg = renderTimelineSvg({
      timelines: [
        timeline({
          modelCalls: [
            {
              startMs: 0,
              firstTokenMs: 700,
              firstTokenEstimated: true,
              endMs: 800,
              inputTokens: 10,
              cachedInputTokens: 0,
              outputTokens: 20,
            },
          ],
        }),
      ],
    });
    const [decoding] = rects(svg, 'model-decode');
    expect(decoding?.['data-estimated']).toBe('true');
    expect(decoding?.['fill']).toBe(timelineColors.modelDecodingEstimated);
    expect(svg).toContain('decoding, estimated (not streamed)');
    expect(svg).toContain('first token ≈ 700 ms, decoding ≈ 100 ms');
    expect(renderTimelineSvg({ timelines: [timeline()] })).not.toContain('estimated');
  });
});
