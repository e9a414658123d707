import { describe, expect, it } from 'vitest';
import { computeRequestCost } from './compute-request-cost.js';
import { claudeSonnetProfile, gpt41MiniProfile, gpt4oProfile } from './profiles/index.js';

describe('computeRequestCost', () => {
  it('prices uncached input, cached input and output per million tokens', () => {
    const usage = { promptTokens: 1_000_000, cachedTokens: 0, completionTokens: 1_000_000 };
    expect(computeRequestCost(usage, gpt4oProfile)).toBeCloseTo(12.5, 9);
    expect(computeRequestCost(usage, gpt41MiniProfile)).toBeCloseTo(2, 9);
    expect(computeRequestCost(usage, claudeSonnetProfile)).toBeCloseTo(18, 9);
  });

  it('charges cached tokens at the cached price, not on top of the input price', () => {
    const cost = computeRequestCost(
      { promptTokens: 3000, cachedTokens: 2048, completionTokens: 100 },
      gpt4oProfile,
    );
    expect(cost).toBeCloseTo((952 * 2.5 + 2048 * 1.25 + 100 * 10) / 1e6, 12);
  });
});
