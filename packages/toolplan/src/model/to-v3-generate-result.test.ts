import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3GenerateResult } from './to-v3-generate-result.js';

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: 0, cacheWrite: undefined },
  outputTokens: { total: 3, text: 3, reasoning: undefined },
};

describe('toV3GenerateResult', () => {
  it('maps the content, finish reason, usage and warnings; keeps request and response', () => {
    const result: LanguageModelV4GenerateResult = {
      content: [
        { type: 'reasoning', text: 'think' },
        { type: 'custom', kind: 'acme.widget' },
        { type: 'text', text: '{"a":1}' },
      ],
      structuredOutputText: '{"a":1}',
      finishReason: { unified: 'interrupted', raw: undefined },
      usage,
      warnings: [{ type: 'deprecated', setting: 'seed', message: 'gone soon' }],
      providerMetadata: { acme: { requestId: 'r1' } },
      request: { url: 'http://localhost/v1/chat/completions', body: { model: 'm' } },
      response: { id: 'resp', modelId: 'm', headers: { 'x-id': '1' }, body: 'raw' },
    };
    expect(toV3GenerateResult(result)).toEqual({
      content: [
        { type: 'reasoning', text: 'think' },
        { type: 'text', text: '{"a":1}' },
      ],
      finishReason: { unified: 'other', raw: undefined },
      usage,
      warnings: [{ type: 'other', message: 'seed: gone soon' }],
      providerMetadata: { acme: { requestId: 'r1' } },
      request: { url: 'http://localhost/v1/chat/completions', body: { model: 'm' } },
      response: { id: 'resp', modelId: 'm', headers: { 'x-id': '1' }, body: 'raw' },
    });
  });

  it('adds no optional field the result did not have', () => {
    const mapped = toV3GenerateResult({
      content: [],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [],
    });
    expect(Object.keys(mapped).sort()).toEqual(['content', 'finishReason', 'usage', 'warnings']);
  });
});
