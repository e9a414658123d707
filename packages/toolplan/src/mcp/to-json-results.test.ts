import { describe, expect, it } from 'vitest';
import { toJsonResults } from './to-json-results.js';

describe('toJsonResults', () => {
  it('passes JSON values through and writes others as JSON would', () => {
    expect(
      toJsonResults({ a: { n: 1, list: [true, null] }, d: new Date(0), u: undefined }).results,
    ).toEqual({ a: { n: 1, list: [true, null] }, d: '1970-01-01T00:00:00.000Z', u: null });
  });

  it('leaves out a value that is not JSON, with the reason, and keeps the rest', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const { results, notJson } = toJsonResults({ big: 10n, loop: cycle, ok: 1 });
    expect(results).toEqual({ ok: 1 });
    expect(Object.keys(notJson)).toEqual(['big', 'loop']);
    expect(notJson['big']).toMatch(/BigInt/);
    expect(notJson['loop']).toMatch(/circular/);
  });

  it('keeps an id named __proto__ as an ordinary key', () => {
    const given = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const { results } = toJsonResults(given);
    expect(Object.keys(results)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(results)).toBe(Object.prototype);
  });
});
