import { describe, expect, it } from 'vitest';
import { gpt4oProfile } from '@toolplan/simulator';
import { loopParallelStrategy, planStrategy } from './strategies/index.js';
import { captureTimeline } from './capture-timeline.js';
import { runBench } from './run-bench.js';
import { weatherScenario } from './scenarios/index.js';

const usage = (input: number, cached: number, output: number) => ({
  inputTokens: { total: input, noCache: input - cached, cacheRead: cached, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});

describe('captureTimeline', () => {
  it('keeps each call’s times and tokens, in start order', () => {
    const timeline = captureTimeline({
      scenario: 'weather',
      strategy: 'plan',
      recording: {
        caseId: 'main',
        query: 'q',
        wallMs: 900,
        modelCalls: [
          { kind: 'stream', startMs: 500, firstTokenMs: 600, endMs: 800, usage: usage(10, 0, 2) },
          { kind: 'stream', startMs: 0, firstTokenMs: 100, endMs: 400, usage: usage(30, 20, 5) },
        ],
        toolCalls: [
          { tool: 'b', args: {}, startMs: 450, endMs: 470, ok: false },
          { tool: 'a', args: [{}, {}], startMs: 420, endMs: 440, ok: true, batchSize: 2 },
        ],
      },
    });
    expect(timeline).toEqual({
      scenario: 'weather',
      strategy: 'plan',
      caseId: 'main',
      query: 'q',
      wallMs: 900,
      modelCalls: [
        {
          startMs: 0,
          firstTokenMs: 100,
          endMs: 400,
          inputTokens: 30,
          cachedInputTokens: 20,
          outputTokens: 5,
        },
        {
          startMs: 500,
          firstTokenMs: 600,
          endMs: 800,
          inputTokens: 10,
          cachedInputTokens: 0,
          outputTokens: 2,
        },
      ],
      toolCalls: [
        { tool: 'a', startMs: 420, endMs: 440, status: 'ok', batchSize: 2 },
        { tool: 'b', startMs: 450, endMs: 470, status: 'error' },
      ],
    });
  });

  it('estimates the first token of a call that was not streamed from the decode rate', () => {
    const timeline = captureTimeline({
      scenario: 's',
      strategy: 't',
      msPerOutputToken: 10,
      recording: {
        caseId: 'c',
        query: 'q',
        wallMs: 1000,
        modelCalls: [
          {
            kind: 'generate',
            startMs: 100,
            firstTokenMs: undefined,
            endMs: 900,
            usage: usage(50, 0, 30),
          },
          {
            kind: 'generate',
            startMs: 0,
            firstTokenMs: undefined,
            endMs: 50,
            usage: usage(50, 0, 30),
          },
        ],
        toolCalls: [],
      },
    });
    expect(
      timeline.modelCalls.map((call) => [call.firstTokenMs, call.firstTokenEstimated]),
    ).toEqual([
      // 30 tokens at 10 ms is longer than the call: it decoded from its start.
      [0, true],
      [600, true],
    ]);
    expect(() =>
      captureTimeline({
        ...{ scenario: 's', strategy: 't' },
        msPerOutputToken: -1,
        recording: { caseId: 'c', query: 'q', wallMs: 0, modelCalls: [], toolCalls: [] },
      }),
    ).toThrow('Expected `msPerOutputToken` to be a non-negative number, got `-1`');
  });

  it('draws a failed call that never ended up to where it was last seen', () => {
    const timeline = captureTimeline({
      scenario: 's',
      strategy: 't',
      recording: {
        caseId: 'c',
        query: 'q',
        wallMs: 100,
        modelCalls: [
          {
            kind: 'stream',
            startMs: 10,
            firstTokenMs: 40,
            endMs: 0,
            usage: undefined,
            error: new Error('cut'),
          },
        ],
        toolCalls: [],
      },
    });
    expect(timeline.modelCalls).toEqual([
      {
        startMs: 10,
        firstTokenMs: 40,
        endMs: 40,
        inputTokens: 0,
        cachedInputTokens: 0,
        outputTokens: 0,
        failed: true,
      },
    ]);
  });

  it('is attached to a real bench report: one median run per scenario × strategy', async () => {
    const report = await runBench({
      scenarios: [weatherScenario],
      strategies: [loopParallelStrategy, planStrategy],
      profile: gpt4oProfile,
      speed: 1000,
      minRuns: 3,
    });
    expect(report.simulated).toBe(true);
    const timelines = report.timelines ?? [];
    expect(timelines.map((timeline) => `${timeline.scenario}/${timeline.strategy}`)).toEqual([
      'weather/loop-parallel',
      'weather/plan',
    ]);
    for (const timeline of timelines) {
      const figures = report.scenarios['weather']?.[timeline.strategy];
      expect(timeline.query).toContain('Boston');
      expect(timeline.toolCalls).toHaveLength(figures?.toolCalls as number);
      expect(timeline.modelCalls).toHaveLength(figures?.llmCalls as number);
      for (const call of timeline.modelCalls) {
        // The tool loop's calls are not streamed: their first token is estimated.
        expect(call.firstTokenEstimated).toBe(timeline.strategy === 'loop-parallel' || undefined);
        expect(call.firstTokenMs).toBeGreaterThanOrEqual(call.startMs);
        expect(call.endMs).toBeGreaterThanOrEqual(call.firstTokenMs as number);
        expect(call.outputTokens).toBeGreaterThan(0);
      }
      // The run answers after its last call has ended.
      const lastEnd = Math.max(...timeline.toolCalls.map((call) => call.endMs));
      expect(timeline.wallMs).toBeGreaterThanOrEqual(lastEnd - 1);
    }
    const plan = timelines[1];
    // The plan's tools start while its one model call still streams (streaming dispatch).
    expect(Math.min(...(plan?.toolCalls ?? []).map((call) => call.startMs))).toBeLessThan(
      plan?.modelCalls[0]?.endMs as number,
    );
  });
});
