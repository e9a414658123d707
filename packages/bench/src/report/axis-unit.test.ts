import { describe, expect, it } from 'vitest';
import { axisTitle, axisUnit } from './axis-unit.js';

describe('axisUnit', () => {
  it('prints a time axis in seconds once it reaches one, every tick alike', () => {
    const seconds = axisUnit('ms', 1500);
    expect(seconds.name).toBe('s');
    expect([0, 500, 1000, 1500].map((tick) => seconds.format(tick))).toEqual([
      '0',
      '0.5',
      '1',
      '1.5',
    ]);
    expect(axisTitle('latency', seconds)).toBe('latency (s)');
    const milliseconds = axisUnit('ms', 600);
    expect([0, 200, 400, 600].map((tick) => milliseconds.format(tick))).toEqual([
      '0',
      '200',
      '400',
      '600',
    ]);
    expect(axisTitle('latency', milliseconds)).toBe('latency (ms)');
  });

  it('prints dollars and counts as plain numbers, the unit in the title', () => {
    const dollars = axisUnit('USD', 0.01);
    expect([0, 0.005, 0.01, 0.1 + 0.2].map((tick) => dollars.format(tick))).toEqual([
      '0',
      '0.005',
      '0.01',
      '0.3',
    ]);
    expect(axisTitle('cost', dollars)).toBe('cost (USD)');
    const tokens = axisUnit('tokens', 4000);
    expect(tokens.format(4000)).toBe('4,000');
    expect(axisTitle('tokens', tokens)).toBe('tokens');
  });
});
