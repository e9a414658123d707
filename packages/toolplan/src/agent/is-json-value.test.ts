import { describe, expect, it } from 'vitest';
import { isJsonValue } from './is-json-value.js';

describe('isJsonValue', () => {
  it('accepts what JSON gives back unchanged', () => {
    expect(isJsonValue({ a: [1, 'b', null, true, { c: -0.5 }] })).toBe(true);
    expect(isJsonValue(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
    expect(isJsonValue('text')).toBe(true);
  });

  it('refuses what JSON would change or drop', () => {
    expect(isJsonValue({ when: new Date(0) })).toBe(false);
    expect(isJsonValue({ a: undefined })).toBe(false);
    expect(isJsonValue([Number.NaN])).toBe(false);
    expect(isJsonValue(new Map())).toBe(false);
    expect(isJsonValue({ f: () => 1 })).toBe(false);
    const holey: number[] = [1];
    holey[2] = 3;
    expect(isJsonValue(holey)).toBe(false);
    expect(isJsonValue(10n)).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(isJsonValue(cyclic)).toBe(false);
  });

  it('walks deep values without recursion', () => {
    let deep: unknown = 1;
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(isJsonValue(deep)).toBe(true);
  });
});
