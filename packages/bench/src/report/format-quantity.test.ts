import { describe, expect, it } from 'vitest';
import { formatQuantity } from './format-quantity.js';

describe('formatQuantity', () => {
  it('prints durations in ms below a second and in s above, to three digits', () => {
    expect(formatQuantity(0, 'ms')).toBe('0 ms');
    expect(formatQuantity(0.123_45, 'ms')).toBe('0.123 ms');
    expect(formatQuantity(512.4, 'ms')).toBe('512 ms');
    expect(formatQuantity(1234, 'ms')).toBe('1.23 s');
    expect(formatQuantity(2000, 'ms')).toBe('2 s');
    expect(formatQuantity(24_473, 'ms')).toBe('24.5 s');
  });

  it('prints dollars and counts', () => {
    expect(formatQuantity(0.009_434, 'USD')).toBe('$0.00943');
    expect(formatQuantity(0, 'USD')).toBe('$0');
    expect(formatQuantity(28_750.4, 'tokens')).toBe('28,750');
    expect(formatQuantity(2.5, 'tokens')).toBe('2.5');
  });
});
