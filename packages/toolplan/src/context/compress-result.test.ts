import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from '../tools/index.js';
import { compressResult } from './compress-result.js';

const big = { temp: 20, raw: 'x'.repeat(8000) };

describe('compressResult', () => {
  it('applies the tool’s projection first', () => {
    const tool = defineTool({
      name: 'get_weather',
      description: 'Weather.',
      inputSchema: z.object({ city: z.string() }),
      reasoningFields: ['temp'],
      execute: () => big,
    });
    expect(compressResult({ tool, value: big, id: 'w' })).toMatchObject({
      value: { temp: 20 },
      cuts: [],
    });
  });

  it('keeps a result of a tool without projection under the budget, reporting the cut by id', () => {
    const result = compressResult({ tool: undefined, value: big, id: 'w', maxTokens: 200 });
    expect((result.value as { raw: string }).raw).toMatch(/…\(cut [\d,]+ characters\)$/);
    expect(result.cuts).toEqual([
      expect.objectContaining({ id: 'w', path: 'raw', kind: 'string' }),
    ]);
  });
});
