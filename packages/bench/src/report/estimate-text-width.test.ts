import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from './estimate-text-width.js';

describe('estimateTextWidth', () => {
  it('is at least what Chromium draws in DejaVu Sans (measured), and not far above', () => {
    // Em widths measured with getComputedTextLength() at 100 px, regular then semibold (600).
    for (const [text, regular, bold] of [
      ['loop-sequential', 7.712, 8.777],
      ['loop-full-history', 7.839, 9.055],
      ['plan+predict', 6.491, 7.3],
      ['0.005', 2.863, 3.163],
      ['4.47 s · 7 LLM · 6 tools', 11.273, 12.71],
      ['Latency per conversation (mean)', 16.647, 18.682],
      ['WWW', 2.966, 3.309],
    ] as const) {
      for (const [weight, measured] of [
        [false, regular],
        [true, bold],
      ] as const) {
        const estimate = estimateTextWidth(text, { size: 12, bold: weight }) / 12;
        expect(estimate, text).toBeGreaterThanOrEqual(measured);
        expect(estimate, text).toBeLessThan(measured * 1.2);
      }
    }
  });

  it('grows with size, weight and length', () => {
    const plain = estimateTextWidth('session', { size: 11 });
    expect(estimateTextWidth('session', { size: 22 })).toBeCloseTo(2 * plain, 10);
    expect(estimateTextWidth('session', { size: 11, bold: true })).toBeGreaterThan(plain);
    expect(estimateTextWidth('', { size: 11 })).toBe(0);
    expect(estimateTextWidth('WWW', { size: 11 })).toBeGreaterThan(
      estimateTextWidth('iii', { size: 11 }),
    );
  });
});
