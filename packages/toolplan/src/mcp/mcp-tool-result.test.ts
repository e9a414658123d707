import { describe, expect, it } from 'vitest';
import { toMcpToolResult } from './mcp-tool-result.js';

describe('toMcpToolResult', () => {
  it('carries the structured output, and its compact JSON as text', () => {
    expect(toMcpToolResult({ structured: { status: 'ok', results: { a: [1, 2] } } })).toEqual({
      content: [{ type: 'text', text: '{"status":"ok","results":{"a":[1,2]}}' }],
      structuredContent: { status: 'ok', results: { a: [1, 2] } },
    });
  });

  it('marks a tool error, with the text given in place of the JSON', () => {
    expect(
      toMcpToolResult({
        structured: { status: 'invalid' },
        text: 'The plan has 1 problem',
        isError: true,
      }),
    ).toEqual({
      content: [{ type: 'text', text: 'The plan has 1 problem' }],
      structuredContent: { status: 'invalid' },
      isError: true,
    });
  });
});
