import { describe, expect, it } from 'vitest';
import { niceTicks } from './nice-ticks.js';

describe('niceTicks', () => {
  it('spaces ticks 1, 2 or 5 × 10ⁿ apart from zero up to at least the maximum', () => {
    expect(niceTicks({ max: 7080, count: 4 })).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceTicks({ max: 24_473, count: 5 })).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000]);
    expect(niceTicks({ max: 0.0094, count: 4 })).toEqual([0, 0.005, 0.01]);
  });

  it('ends exactly at a maximum that is itself a tick', () => {
    expect(niceTicks({ max: 1000, count: 5 })).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('draws a unit axis when there is nothing to scale', () => {
    expect(niceTicks({ max: 0, count: 2 })).toEqual([0, 0.5, 1]);
    expect(niceTicks({ max: Number.NaN, count: 2 })).toEqual([0, 0.5, 1]);
  });
});
