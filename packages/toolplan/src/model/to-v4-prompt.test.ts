import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { toV4Prompt } from './to-v4-prompt.js';

const context = { provider: 'acme.chat' };

describe('toV4Prompt', () => {
  it('passes on a text prompt (all toolplan sends) as it is', () => {
    const prompt: LanguageModelV3Prompt = [
      {
        role: 'system',
        content: 'You plan.',
        providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
      },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Oslo?' }] },
      { role: 'assistant', content: [{ type: 'text', text: '{"steps":[]}' }] },
      { role: 'user', content: [{ type: 'text', text: 'Fix it.' }] },
    ];
    expect(toV4Prompt(prompt, context)).toEqual(prompt);
  });

  it('tags file data: a URL as a URL (its original string kept), the rest as data', () => {
    const url = new URL('https://example.org/a.pdf');
    const bytes = new Uint8Array([1, 2]);
    const prompt: LanguageModelV3Prompt = [
      {
        role: 'user',
        content: [
          {
            type: 'file',
            mediaType: 'application/pdf',
            data: url,
            originalUrl: 'HTTPS://example.org/a.pdf',
          },
          { type: 'file', mediaType: 'image/png', data: 'iVBO', filename: 'a.png' },
        ],
      },
      { role: 'assistant', content: [{ type: 'file', mediaType: 'audio/mp3', data: bytes }] },
    ];
    expect(toV4Prompt(prompt, context)).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'file',
            mediaType: 'application/pdf',
            data: { type: 'url', url, originalUrl: 'HTTPS://example.org/a.pdf' },
          },
          {
            type: 'file',
            mediaType: 'image/png',
            filename: 'a.png',
            data: { type: 'data', data: 'iVBO' },
          },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'file', mediaType: 'audio/mp3', data: { type: 'data', data: bytes } }],
      },
    ]);
  });

  it('keeps tool calls, results and approval responses, mapping file kinds in results', () => {
    const prompt: LanguageModelV3Prompt = [
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Search first.' },
          { type: 'tool-call', toolCallId: 'c1', toolName: 'search', input: { q: 'x' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'search',
            output: { type: 'json', value: { hits: [] } },
          },
          { type: 'tool-approval-response', approvalId: 'a1', approved: false, reason: 'no' },
          {
            type: 'tool-result',
            toolCallId: 'c2',
            toolName: 'render',
            output: {
              type: 'content',
              value: [
                { type: 'text', text: 'Here:' },
                { type: 'file-data', data: 'AAA=', mediaType: 'image/png', filename: 'p.png' },
                { type: 'file-url', url: 'https://e.org/report' },
                { type: 'file-id', fileId: 'file-1' },
                { type: 'file-id', fileId: { openai: 'file-2' } },
                { type: 'image-data', data: 'BBB=', mediaType: 'image/jpeg' },
                { type: 'image-url', url: 'https://e.org/i.jpg' },
                { type: 'image-file-id', fileId: 'img-3' },
                { type: 'custom', providerOptions: { acme: { x: 1 } } },
              ],
            },
          },
        ],
      },
    ];
    const [assistant, tool] = toV4Prompt(prompt, context);
    expect(assistant).toEqual(prompt[0]);
    expect(tool?.content.slice(0, 2)).toEqual(prompt[1]?.content.slice(0, 2));
    expect(tool?.content[2]).toEqual({
      type: 'tool-result',
      toolCallId: 'c2',
      toolName: 'render',
      output: {
        type: 'content',
        value: [
          { type: 'text', text: 'Here:' },
          {
            type: 'file',
            data: { type: 'data', data: 'AAA=' },
            mediaType: 'image/png',
            filename: 'p.png',
          },
          {
            type: 'file',
            data: { type: 'url', url: new URL('https://e.org/report') },
            mediaType: 'application/octet-stream',
          },
          {
            type: 'file',
            data: { type: 'reference', reference: { acme: 'file-1' } },
            mediaType: 'application',
          },
          {
            type: 'file',
            data: { type: 'reference', reference: { openai: 'file-2' } },
            mediaType: 'application',
          },
          { type: 'file', data: { type: 'data', data: 'BBB=' }, mediaType: 'image/jpeg' },
          {
            type: 'file',
            data: { type: 'url', url: new URL('https://e.org/i.jpg') },
            mediaType: 'image',
          },
          {
            type: 'file',
            data: { type: 'reference', reference: { acme: 'img-3' } },
            mediaType: 'image',
          },
          { type: 'custom', providerOptions: { acme: { x: 1 } } },
        ],
      },
    });
  });

  it('keeps the media type a file URL gives', () => {
    const [message] = toV4Prompt(
      [
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c',
              toolName: 't',
              output: {
                type: 'content',
                value: [{ type: 'file-url', url: 'https://e.org/a', mediaType: 'text/csv' }],
              },
            },
          ],
        },
      ],
      context,
    );
    expect(message?.content[0]).toMatchObject({
      output: { value: [{ type: 'file', mediaType: 'text/csv' }] },
    });
  });
});
