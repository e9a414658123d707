import { describe, expect, it } from 'vitest';
import { formatToolRendering, measureToolRendering } from './measure-tool-rendering.js';
import { bfclScenario, weatherScenario } from './scenarios/index.js';

describe('measureToolRendering', () => {
  it('counts each distinct tool once and finds the compact rendering smaller', async () => {
    const figures = await measureToolRendering([weatherScenario, bfclScenario], {
      speed: 1000,
      seed: 1,
    });
    expect(figures['weather']?.tools).toBe(2);
    const bfcl = figures['bfcl'];
    // 397 cases offer 1–4 functions each; many repeat across cases.
    expect(bfcl?.tools).toBeGreaterThan(300);
    expect(bfcl?.tools).toBeLessThan(1100);
    for (const entry of Object.values(figures)) {
      expect(entry.compactTokens).toBeGreaterThan(0);
      expect(entry.compactTokens).toBeLessThan(entry.jsonSchemaTokens);
    }
    const text = formatToolRendering(figures);
    expect(text).toMatch(/weather\s+2\s+/);
    expect(text).toContain('JSON ÷ compact');
  });
});
