import { describe, expect, it } from 'vitest';
import { callKey } from './call-key.js';

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

describe('callKey', () => {
  it('is the same for inputs that differ only in key order', () => {
    expect(callKey('t', { a: 1, b: [2, { c: 3, d: 4 }] })).toBe(
      callKey('t', { b: [2, { d: 4, c: 3 }], a: 1 }),
    );
    expect(callKey('t', { a: 1 })).not.toBe(callKey('t', { a: 2 }));
  });

  it('keys an input 10,000 deep without overflowing, equal inputs alike and others not', () => {
    const key = callKey('t', nested(10_000, { x: 1, y: 2 }));
    expect(key.startsWith('t\u0000\u0001sha256:')).toBe(true);
    expect(key).toMatch(/sha256:[0-9a-f]{64}$/);
    expect(callKey('t', nested(10_000, { y: 2, x: 1 }))).toBe(key);
    expect(callKey('t', nested(10_000, { x: 1, y: 3 }))).not.toBe(key);
    expect(callKey('u', nested(10_000, { x: 1, y: 2 }))).not.toBe(key);
  });

  it('keys a cyclic input', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(callKey('t', cyclic)).toMatch(/sha256:/);
  });
});
