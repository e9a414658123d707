import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed, drawId, drawStandardNormal } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('replays a seed and stays within [0, 1)', () => {
    const left = createSeededRandom(42);
    const right = createSeededRandom(42);
    const values = Array.from({ length: 1000 }, () => left());
    expect(Array.from({ length: 1000 }, () => right())).toEqual(values);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(createSeededRandom(43)()).not.toBe(values[0]);
  });

  it('is roughly uniform', () => {
    const random = createSeededRandom(9);
    const mean = Array.from({ length: 50_000 }, () => random()).reduce((a, b) => a + b) / 50_000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });
});

describe('deriveSeed', () => {
  it('is stable and depends on every part and their order', () => {
    expect(deriveSeed(1, 'a', 2)).toBe(deriveSeed(1, 'a', 2));
    expect(deriveSeed(1, 'a', 2)).not.toBe(deriveSeed(2, 'a', 2));
    expect(deriveSeed(1, 'a', 2)).not.toBe(deriveSeed(1, 2, 'a'));
    expect(deriveSeed(1, 'ab')).not.toBe(deriveSeed(1, 'a', 'b'));
  });
});

describe('drawStandardNormal', () => {
  it('has mean 0 and standard deviation 1', () => {
    const random = createSeededRandom(3);
    const values = Array.from({ length: 50_000 }, () => drawStandardNormal(random));
    const mean = values.reduce((a, b) => a + b) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.02);
  });
});

describe('drawId', () => {
  it('draws letters and digits of the given length', () => {
    expect(drawId(createSeededRandom(1), 24)).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(drawId(createSeededRandom(1), 24)).toBe(drawId(createSeededRandom(1), 24));
  });
});
