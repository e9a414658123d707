import { describe, expect, it } from 'vitest';
import { sampleCases } from './sample-cases.js';

const cases = Array.from({ length: 100 }, (_, index) => index);

describe('sampleCases', () => {
  it('draws the same seeded sample of distinct cases, in their order', () => {
    const sample = sampleCases({ cases, size: 10, seed: 1, scenario: 'big', stream: false });
    expect(sample).toHaveLength(10);
    expect(new Set(sample).size).toBe(10);
    expect([...sample].sort((left, right) => left - right)).toEqual(sample);
    expect(sampleCases({ cases, size: 10, seed: 1, scenario: 'big', stream: false })).toEqual(
      sample,
    );
    expect(sampleCases({ cases, size: 10, seed: 2, scenario: 'big', stream: false })).not.toEqual(
      sample,
    );
    // Not simply the head of the list.
    expect(sample).not.toEqual(cases.slice(0, 10));
  });

  it('keeps a stream in order from its head, and everything when the sample is not smaller', () => {
    expect(sampleCases({ cases, size: 5, seed: 1, scenario: 's', stream: true })).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(sampleCases({ cases, size: 100, seed: 1, scenario: 'big', stream: false })).toEqual(
      cases,
    );
  });
});
