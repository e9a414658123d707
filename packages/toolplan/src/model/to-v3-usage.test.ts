import type { LanguageModelV4Usage } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3Usage } from './to-v3-usage.js';

describe('toV3Usage', () => {
  it('keeps every count and the raw usage as they are', () => {
    const usage: LanguageModelV4Usage = {
      inputTokens: { total: 307, noCache: 1, cacheRead: 306, cacheWrite: 0 },
      outputTokens: { total: 253, text: 26, reasoning: 227 },
      raw: { prompt_tokens: 307, completion_tokens: 26, details: [1, 2] },
    };
    expect(toV3Usage(usage)).toEqual(usage);
  });

  it('keeps unknown counts unknown, and adds no raw usage where there was none', () => {
    const usage: LanguageModelV4Usage = {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: 3, text: undefined, reasoning: undefined },
    };
    const mapped = toV3Usage(usage);
    expect(mapped).toEqual(usage);
    expect('raw' in mapped).toBe(false);
  });
});
