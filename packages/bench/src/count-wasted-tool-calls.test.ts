import { describe, expect, it } from 'vitest';
import { countWastedToolCalls } from './count-wasted-tool-calls.js';
import { summariseStream, type StreamOutcome } from './summarise-stream.js';

const run = (overrides: Partial<StreamOutcome>): StreamOutcome => ({
  latencyMs: 100,
  llmCalls: 0,
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  toolCalls: 0,
  correct: true,
  position: 10,
  kind: 'repeat',
  ...overrides,
});

describe('countWastedToolCalls', () => {
  it('a right answer without a model call wastes nothing; a wrong one wastes every call', () => {
    const calls = { modelCalls: [], toolCalls: [{ endMs: 5 }, { endMs: 9 }] };
    expect(countWastedToolCalls({ correct: true, calls })).toBe(0);
    expect(countWastedToolCalls({ correct: false, calls })).toBe(2);
  });

  it("counts a fallen-through run's calls that ended before its first model call", () => {
    const calls = {
      modelCalls: [{ startMs: 50 }, { startMs: 900 }],
      toolCalls: [{ endMs: 20 }, { endMs: 50 }, { endMs: 400 }, { endMs: 950 }],
    };
    expect(countWastedToolCalls({ correct: true, calls })).toBe(2);
    expect(countWastedToolCalls({ correct: false, calls })).toBe(2);
  });
});

describe('summariseStream: learned plans that did not fit', () => {
  it('counts zero-call wrong answers and wasted calls; the share is over the repeated kinds', () => {
    const figures = summariseStream({
      warmUp: 1,
      repeatedKinds: ['repeat'],
      outcomes: [
        run({ position: 0, llmCalls: 1 }),
        run({ position: 1, kind: 'repeat' }),
        run({
          position: 2,
          kind: 'negations',
          correct: false,
          recording: { modelCalls: [], toolCalls: [{ endMs: 3 }] },
        }),
        run({
          position: 3,
          kind: 'negations',
          llmCalls: 1,
          recording: { modelCalls: [{ startMs: 10 }], toolCalls: [{ endMs: 4 }, { endMs: 30 }] },
        }),
        run({ position: 4, kind: 'novel' }),
      ],
    });
    expect(figures.zeroCallWrong).toBe(1);
    expect(figures.wastedToolCalls).toBe(2);
    expect(figures.zeroModelCallShare).toBe(1);
    expect(figures.perKind['negations']).toMatchObject({
      runs: 2,
      zeroCallWrong: 1,
      correctRuns: 1,
    });
  });
});
