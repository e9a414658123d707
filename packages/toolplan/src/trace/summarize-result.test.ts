import { describe, expect, it } from 'vitest';
import { summarizeResult } from './summarize-result.js';

describe('summarizeResult', () => {
  it('keeps small results as they are (canonical)', () => {
    expect(summarizeResult({ temp: 21, city: 'Oslo' })).toBe('{"city":"Oslo","temp":21}');
    expect(summarizeResult(null)).toBe('null');
    expect(summarizeResult(undefined)).toBe('"<undefined>"');
  });

  it('shows arrays by their first item and length, and cuts long strings', () => {
    const value = {
      orders: Array.from({ length: 300 }, (_, id) => ({ id })),
      note: 'n'.repeat(100),
    };
    expect(JSON.parse(summarizeResult(value))).toEqual({
      note: `${'n'.repeat(40)}…(100 chars)`,
      orders: [{ id: 0 }, '…300 items'],
    });
  });

  it('folds deep or wide values until the summary fits, always valid JSON', () => {
    const wide = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`key${i}`, { deep: { deeper: i } }]),
    );
    for (const maxChars of [240, 80, 20]) {
      const text = summarizeResult(wide, { maxChars });
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(text.length).toBeLessThanOrEqual(Math.max(maxChars, 20));
    }
    expect(JSON.parse(summarizeResult(wide, { maxChars: 20 }))).toBe('<object 50 keys>');
    // Too wide even folded: fewer keys, and how many were left out.
    expect(JSON.parse(summarizeResult(wide))).toMatchObject({
      key0: '<object 1 keys>',
      '…': '44 more keys',
    });
  });

  it('survives cycles and values JSON cannot hold', () => {
    const cyclic: Record<string, unknown> = { n: Number.NaN, f: () => 1 };
    cyclic['self'] = cyclic;
    expect(JSON.parse(summarizeResult(cyclic))).toEqual({
      f: '<function>',
      n: 'NaN',
      self: '<cycle>',
    });
  });
});
