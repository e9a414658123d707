import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { defineTool } from '../tools/index.js';
import { compressResult } from './compress-result.js';
import { compressValue, countValueTokens, tooDeepMarker } from './compress-value.js';
import { countPromptTokens } from './count-prompt-tokens.js';
import { fitPrompt } from './fit-prompt.js';
import { hostileText, nestedValue } from './hostile-text.test-utils.js';
import { z } from 'zod';

const hostile = {
  '200,000 characters without spaces': hostileText(200_000, 0x21, 94),
  '400,000 letters': hostileText(400_000),
  '200,000 CJK characters': hostileText(200_000, 0x4e00, 20_000),
};

const build = (text: string): LanguageModelV3Prompt => [
  { role: 'system', content: 'Answer from the results.' },
  { role: 'user', content: [{ type: 'text', text }] },
];

const tool = defineTool({
  name: 'fetch_page',
  description: 'Fetches a page.',
  inputSchema: z.object({ url: z.string() }),
  readOnly: true,
  execute: () => ({}),
});

describe('compression of hostile results', () => {
  it.each(Object.entries(hostile))('cuts %s to the budget', (_, text) => {
    const result = compressResult({ tool, value: { body: text }, id: 'page' });
    expect(result.tokens).toBeLessThanOrEqual(800);
    expect(result.cuts).toEqual([
      { id: 'page', path: 'body', kind: 'string', kept: 400, dropped: text.length - 400 },
    ]);
  });

  it.each(Object.entries(hostile))('fits a prompt holding %s', (_, text) => {
    const { prompt, report } = fitPrompt({
      purpose: 'answer',
      budget: 2_000,
      text: { results: { page: text }, render: (results) => JSON.stringify(results) },
      build,
    });
    expect(report.tokens).toBeLessThanOrEqual(2_000);
    expect(countPromptTokens(prompt)).toBe(report.tokens);
    expect(report.cut).toHaveLength(1);
  });

  it('replaces what is nested past the depth limit with a marker, for a result 10,000 deep', () => {
    for (const kind of ['array', 'object'] as const) {
      const result = compressValue(nestedValue(10_000, kind));
      expect(JSON.stringify(result.value)).toContain(tooDeepMarker(32));
      expect(result.cuts).toContainEqual(
        expect.objectContaining({ kind: 'depth', kept: 32, dropped: 1 }),
      );
      expect(result.overBudget).toBe(false);
    }
  });

  it('keeps a result as deep as the limit whole', () => {
    const value = nestedValue(32);
    expect(compressValue(value)).toMatchObject({ value, cuts: [] });
    expect(compressValue(nestedValue(3), { maxDepth: 2 }).value).toEqual([[tooDeepMarker(2)]]);
    expect(() => compressValue({}, { maxDepth: 0 })).toThrow(/maxDepth/);
  });

  it('fits a prompt holding a result 10,000 deep, reporting what it dropped', () => {
    const { report } = fitPrompt({
      purpose: 'answer',
      budget: 60,
      text: {
        results: { deep: nestedValue(10_000) },
        render: (results) => JSON.stringify(compressValue(results['deep']).value),
      },
      build: (text) => [{ role: 'user', content: [{ type: 'text', text }] }],
    });
    expect(report.tokens).toBeLessThanOrEqual(60);
    expect(countValueTokens(nestedValue(10_000))).toBeGreaterThan(0);
  });

  it('counts a huge value for reports by its bytes, an upper bound', () => {
    const text = hostile['400,000 letters'];
    expect(countValueTokens(text)).toBe(text.length + 2);
    expect(countValueTokens('hello world')).toBe(4);
  });
});
