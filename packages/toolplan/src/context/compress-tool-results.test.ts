import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool, type ToolExecutionContext } from '../tools/index.js';
import { compressToolResults } from './compress-tool-results.js';

const list = defineTool({
  name: 'list',
  description: 'A long list',
  inputSchema: z.object({}),
  execute: () => ({ items: Array.from({ length: 50 }, (_, index) => `item ${index} `.repeat(20)) }),
});

const context = (): ToolExecutionContext => {
  const signal = new AbortController().signal;
  return {
    signal,
    abortSignal: signal,
    runId: 'r',
    stepId: 's',
    toolCallId: 's',
    attempt: 1,
    idempotencyKey: 'k',
    messages: [],
  };
};

describe('compressToolResults', () => {
  it('returns each result compressed under the budget, with the cuts marked', async () => {
    const registry = compressToolResults(createToolRegistry([list]), { maxTokens: 200 });
    const value = (await registry.get('list')?.execute({}, context())) as { items: string[] };
    expect(value.items.length).toBeLessThan(50);
    expect(value.items.at(-1)).toMatch(/more items\)$/);
    expect(JSON.stringify(value)).toContain('…(cut');
  });

  it('leaves a small result untouched and checks its options at once', async () => {
    const registry = compressToolResults(createToolRegistry([list]), { maxTokens: 100_000 });
    const value = (await registry.get('list')?.execute({}, context())) as { items: string[] };
    expect(value.items).toHaveLength(50);
    expect(() => compressToolResults(createToolRegistry([list]), { maxTokens: 0 })).toThrow(
      /maxTokens/,
    );
  });
});
