import type { LanguageModelV4StreamPart } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3StreamPart } from './to-v3-stream-part.js';

const usage = {
  inputTokens: { total: 10, noCache: 4, cacheRead: 6, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

describe('toV3StreamPart', () => {
  it('passes on the parts V3 has as they are', () => {
    const same: LanguageModelV4StreamPart[] = [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hel', providerMetadata: { p: { a: [1] } } },
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
      { type: 'reasoning-end', id: 'r' },
      { type: 'tool-input-start', id: 'c', toolName: 'search', inputEncoding: 'json', title: 'S' },
      { type: 'tool-input-delta', id: 'c', delta: '{"q":' },
      { type: 'tool-input-end', id: 'c' },
      { type: 'tool-call', toolCallId: 'c', toolName: 'search', input: '{"q":"x"}' },
      { type: 'tool-result', toolCallId: 'c', toolName: 'search', result: { hits: [] } },
      { type: 'tool-approval-request', approvalId: 'a', toolCallId: 'c' },
      { type: 'source', sourceType: 'url', id: 's', url: 'https://example.org', title: 'E' },
      { type: 'response-metadata', id: 'resp', modelId: 'm', timestamp: new Date(0) },
      { type: 'raw', rawValue: { chunk: 1 } },
      { type: 'error', error: new Error('boom') },
    ];
    for (const part of same) expect(toV3StreamPart(part)).toBe(part);
  });

  it('maps the finish: the same usage, and interrupted as other', () => {
    expect(
      toV3StreamPart({
        type: 'finish',
        usage,
        finishReason: { unified: 'interrupted', raw: undefined },
        providerMetadata: { p: { id: 'x' } },
      }),
    ).toEqual({
      type: 'finish',
      usage,
      finishReason: { unified: 'other', raw: undefined },
      providerMetadata: { p: { id: 'x' } },
    });
    expect(
      toV3StreamPart({ type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } }),
    ).toEqual({ type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } });
  });

  it('maps the warnings of the stream start', () => {
    expect(
      toV3StreamPart({
        type: 'stream-start',
        warnings: [
          { type: 'unsupported', feature: 'topK' },
          { type: 'deprecated', setting: 's', message: 'm' },
        ],
      }),
    ).toEqual({
      type: 'stream-start',
      warnings: [
        { type: 'unsupported', feature: 'topK' },
        { type: 'other', message: 's: m' },
      ],
    });
  });

  it('ends a text without its citations', () => {
    expect(
      toV3StreamPart({
        type: 'text-end',
        id: 't',
        citations: [
          { source: { type: 'source', sourceType: 'url', id: 's', url: 'https://e.org' } },
        ],
      }),
    ).toEqual({ type: 'text-end', id: 't' });
  });

  it('unwraps a file’s data, and leaves out a file that is only a URL', () => {
    expect(
      toV3StreamPart({
        type: 'file',
        mediaType: 'image/png',
        data: { type: 'data', data: 'iVBORw0KGgo=' },
      }),
    ).toEqual({ type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(
      toV3StreamPart({ type: 'file', mediaType: 'audio/mp3', data: { type: 'data', data: bytes } }),
    ).toEqual({ type: 'file', mediaType: 'audio/mp3', data: bytes });
    expect(
      toV3StreamPart({
        type: 'file',
        mediaType: 'image/png',
        data: { type: 'url', url: new URL('https://example.org/a.png') },
      }),
    ).toBeUndefined();
  });

  it('leaves out what V3 has no counterpart for', () => {
    const dropped: LanguageModelV4StreamPart[] = [
      { type: 'ping' },
      { type: 'custom', kind: 'acme.thing' },
      { type: 'reasoning-file', mediaType: 'image/png', data: { type: 'data', data: 'AA==' } },
    ];
    for (const part of dropped) expect(toV3StreamPart(part)).toBeUndefined();
  });

  it('leaves out a part of a kind newer than the V4 types it was built with', () => {
    const newer = { type: 'hologram', id: 'h' } as unknown as LanguageModelV4StreamPart;
    expect(toV3StreamPart(newer)).toBeUndefined();
  });
});
