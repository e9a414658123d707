import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { toV4CallOptions } from './to-v4-call-options.js';

describe('toV4CallOptions', () => {
  it('passes on every V3 option, maps the prompt, and sets no reasoning effort', () => {
    const abortSignal = new AbortController().signal;
    const options: LanguageModelV3CallOptions = {
      prompt: [
        { role: 'system', content: 'You plan.' },
        { role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: 'iVBO' }] },
      ],
      maxOutputTokens: 100,
      temperature: 0,
      stopSequences: ['END'],
      topP: 0.9,
      topK: 40,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      responseFormat: { type: 'json', schema: { type: 'object' }, name: 'plan' },
      seed: 7,
      tools: [
        {
          type: 'function',
          name: 'search',
          description: 'Search',
          inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
          strict: true,
        },
        { type: 'provider', id: 'acme.web', name: 'web', args: { depth: 1 } },
      ],
      toolChoice: { type: 'tool', toolName: 'search' },
      includeRawChunks: true,
      abortSignal,
      headers: { 'x-a': '1' },
      providerOptions: { acme: { mode: 'fast' } },
    };
    const { prompt, ...rest } = options;
    const mapped = toV4CallOptions(options, { provider: 'acme.chat' });
    expect(mapped).toEqual({
      ...rest,
      prompt: [
        prompt[0],
        {
          role: 'user',
          content: [{ type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBO' } }],
        },
      ],
    });
    expect(mapped.abortSignal).toBe(abortSignal);
    expect('reasoning' in mapped).toBe(false);
  });

  it('adds nothing to options that leave everything to the provider', () => {
    expect(toV4CallOptions({ prompt: [] }, { provider: 'p' })).toEqual({ prompt: [] });
  });
});
