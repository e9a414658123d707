import type { LanguageModelV4Content } from '@ai-sdk/provider-v4';
import { describe, expect, it } from 'vitest';
import { toV3Content } from './to-v3-content.js';

describe('toV3Content', () => {
  it('keeps a text without its citations', () => {
    expect(
      toV3Content({
        type: 'text',
        text: 'Paris.',
        citations: [
          { source: { type: 'source', sourceType: 'url', id: 's', url: 'https://e.org' } },
        ],
        providerMetadata: { p: { n: 1 } },
      }),
    ).toEqual({ type: 'text', text: 'Paris.', providerMetadata: { p: { n: 1 } } });
  });

  it('passes on the parts V3 has as they are', () => {
    const same: LanguageModelV4Content[] = [
      { type: 'reasoning', text: 'first' },
      {
        type: 'source',
        sourceType: 'document',
        id: 'd',
        mediaType: 'application/pdf',
        title: 'Doc',
      },
      { type: 'tool-call', toolCallId: 'c', toolName: 'search', input: '{}' },
      { type: 'tool-result', toolCallId: 'c', toolName: 'search', result: 'ok', isError: false },
      { type: 'tool-approval-request', approvalId: 'a', toolCallId: 'c' },
    ];
    for (const part of same) expect(toV3Content(part)).toBe(part);
  });

  it('unwraps file data, and leaves out URL files, custom content and reasoning files', () => {
    expect(
      toV3Content({ type: 'file', mediaType: 'text/plain', data: { type: 'data', data: 'aGk=' } }),
    ).toEqual({ type: 'file', mediaType: 'text/plain', data: 'aGk=' });
    const dropped: LanguageModelV4Content[] = [
      { type: 'file', mediaType: 'image', data: { type: 'url', url: new URL('https://e.org/x') } },
      { type: 'custom', kind: 'acme.widget', providerMetadata: { acme: { id: 1 } } },
      { type: 'reasoning-file', mediaType: 'image/png', data: { type: 'data', data: 'AA==' } },
    ];
    for (const part of dropped) expect(toV3Content(part)).toBeUndefined();
  });
});
