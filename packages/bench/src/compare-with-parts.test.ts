import { describe, expect, it } from 'vitest';
import type { StrategyFigures } from './bench-figures.js';
import { compareWithParts } from './compare-with-parts.js';

const row = (latencyMs: number, costUsd: number) =>
  ({
    stream: { latencyMsAfterWarmUp: latencyMs, costUsdAfterWarmUp: costUsd },
  }) as unknown as StrategyFigures;

describe('compareWithParts', () => {
  it('finds the fastest part and how much faster the pipeline was, and the cheaper parts', () => {
    expect(
      compareWithParts({
        byStrategy: {
          plan: row(1600, 0.0026),
          'plan+predict': row(1500, 0.0026),
          'plan+chains': row(1400, 0.0019),
          optimized: row(1260, 0.002),
        },
        parts: ['plan', 'plan+predict', 'plan+chains'],
      }),
    ).toEqual({
      parts: ['plan', 'plan+predict', 'plan+chains'],
      bestPart: 'plan+chains',
      latencyMs: 1260,
      bestPartLatencyMs: 1400,
      fasterBy: expect.closeTo(0.1, 10) as number,
      costUsd: 0.002,
      cheaperParts: ['plan+chains'],
    });
  });

  it('counts a part as cheaper only by more than 0.1% of the cost', () => {
    const versus = (optimizedCost: number) =>
      compareWithParts({
        byStrategy: { 'plan+chains': row(1400, 0.002), optimized: row(1260, optimizedCost) },
        parts: ['plan+chains'],
      })?.cheaperParts;
    expect(versus(0.0020016)).toEqual([]);
    expect(versus(0.0020025)).toEqual(['plan+chains']);
  });

  it('says nothing when a part or the pipeline did not run', () => {
    expect(compareWithParts({ byStrategy: { plan: row(1, 1) }, parts: ['plan'] })).toBeUndefined();
    expect(
      compareWithParts({ byStrategy: { optimized: row(1, 1) }, parts: ['plan'] }),
    ).toBeUndefined();
  });
});
