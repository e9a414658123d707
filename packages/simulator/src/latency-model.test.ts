import { describe, expect, it } from 'vitest';
import {
  fitLogNormal,
  MAX_BASE_TTFT_OVER_P95,
  outputTokenDueMs,
  planLatency,
} from './latency-model.js';
import { gpt4oProfile, type ModelProfile } from './profiles/index.js';
import { createSeededRandom } from './seeded-random.js';

const profile: ModelProfile = {
  ...gpt4oProfile,
  timeToFirstTokenMs: { p50: 400, p95: 1000 },
  prefillTokensPerSecond: 10_000,
  cachedPrefillTokensPerSecond: 50_000,
  decodeTokensPerSecond: 50,
};

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

describe('fitLogNormal', () => {
  it('puts the median at p50 and the 95th percentile at p95', () => {
    const { mu, sigma } = fitLogNormal(400, 1000);
    expect(Math.exp(mu)).toBeCloseTo(400, 9);
    expect(Math.exp(mu + 1.6448536269514722 * sigma)).toBeCloseTo(1000, 6);
  });

  it('has no spread when p95 equals p50', () => {
    expect(fitLogNormal(300, 300).sigma).toBe(0);
  });
});

describe('planLatency', () => {
  const draw = (seed: number, promptTokens = 0, cachedTokens = 0) =>
    planLatency({ profile, promptTokens, cachedTokens, random: createSeededRandom(seed) });

  it("draws base TTFTs whose median and p95 match the profile's", () => {
    const random = createSeededRandom(1);
    const bases = Array.from(
      { length: 20_000 },
      () => planLatency({ profile, promptTokens: 0, cachedTokens: 0, random }).baseMs,
    );
    expect(quantile(bases, 0.5) / 400).toBeGreaterThan(0.97);
    expect(quantile(bases, 0.5) / 400).toBeLessThan(1.03);
    expect(quantile(bases, 0.95) / 1000).toBeGreaterThan(0.95);
    expect(quantile(bases, 0.95) / 1000).toBeLessThan(1.05);
    expect(Math.max(...bases)).toBeLessThanOrEqual(1000 * MAX_BASE_TTFT_OVER_P95);
  });

  it('replays the same plan for the same seed and another for another seed', () => {
    expect(draw(5)).toEqual(draw(5));
    expect(draw(5).baseMs).not.toBe(draw(6).baseMs);
  });

  it('adds prefill per uncached token at the prefill rate', () => {
    const short = draw(3, 1_000);
    const long = draw(3, 11_000);
    expect(long.baseMs).toBe(short.baseMs);
    expect(long.prefillMs - short.prefillMs).toBeCloseTo(1000, 9); // 10,000 tokens at 10k/s
    expect(long.timeToFirstTokenMs).toBeCloseTo(long.baseMs + long.prefillMs, 9);
  });

  it('makes cached tokens cheaper by the ratio of the two prefill rates', () => {
    const uncached = draw(3, 20_000, 0);
    const cached = draw(3, 20_000, 20_000);
    expect(uncached.prefillMs / cached.prefillMs).toBeCloseTo(5, 9);
    expect(cached.timeToFirstTokenMs).toBeLessThan(uncached.timeToFirstTokenMs);
  });

  it('spaces output tokens at the decode rate', () => {
    const plan = draw(3);
    expect(plan.msPerOutputToken).toBe(20);
    expect(outputTokenDueMs(plan, 1)).toBe(plan.timeToFirstTokenMs);
    expect(outputTokenDueMs(plan, 0)).toBe(plan.timeToFirstTokenMs);
    expect(outputTokenDueMs(plan, 51) - outputTokenDueMs(plan, 1)).toBeCloseTo(1000, 9);
  });
});
