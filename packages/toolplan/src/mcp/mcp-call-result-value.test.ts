import { describe, expect, it } from 'vitest';
import { mcpCallResultValue } from './mcp-call-result-value.js';
import { MCP_ERROR_TEXT_LIMIT, McpToolError } from './mcp-tool-error.js';

const call = { serverName: 'everything', toolName: 'get-sum' };

describe('mcpCallResultValue', () => {
  it('takes structured content over its text rendering', () => {
    const weather = { temperature: 36, conditions: 'Drizzle', humidity: 82 };
    expect(
      mcpCallResultValue(
        { content: [{ type: 'text', text: JSON.stringify(weather) }], structuredContent: weather },
        call,
      ),
    ).toBe(weather);
  });

  it('gives one text block as its string, and never parses it', () => {
    expect(mcpCallResultValue({ content: [{ type: 'text', text: 'Echo: hi' }] }, call)).toBe(
      'Echo: hi',
    );
    expect(mcpCallResultValue({ content: [{ type: 'text', text: '{"a":1}' }] }, call)).toBe(
      '{"a":1}',
    );
  });

  it('joins several text blocks, and keeps mixed content as blocks', () => {
    expect(
      mcpCallResultValue(
        {
          content: [
            { type: 'text', text: 'one' },
            { type: 'text', text: 'two' },
          ],
        },
        call,
      ),
    ).toBe('one\ntwo');
    const mixed = [
      { type: 'text', text: 'A tiny image:' },
      { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
    ];
    expect(mcpCallResultValue({ content: mixed }, call)).toBe(mixed);
  });

  it('gives null for no content, and the old protocol’s toolResult as it is', () => {
    expect(mcpCallResultValue({ content: [] }, call)).toBeNull();
    expect(mcpCallResultValue({}, call)).toBeNull();
    expect(mcpCallResultValue({ toolResult: { ok: true } }, call)).toEqual({ ok: true });
  });

  it('throws an McpToolError with the server’s words for isError', () => {
    const content = [{ type: 'text', text: 'Invalid arguments for tool get-sum: expected number' }];
    let thrown: unknown;
    try {
      mcpCallResultValue({ content, isError: true, structuredContent: { code: 7 } }, call);
    } catch (error) {
      thrown = error;
    }
    expect(McpToolError.isInstance(thrown)).toBe(true);
    expect(thrown).toMatchObject({
      name: 'McpToolError',
      serverName: 'everything',
      toolName: 'get-sum',
      content,
      structuredContent: { code: 7 },
      message:
        'MCP server `everything`: tool `get-sum` reported an error: Invalid arguments for tool get-sum: expected number',
    });
  });

  it('cuts a huge error text in the message but keeps it whole in content', () => {
    const text = 'x'.repeat(MCP_ERROR_TEXT_LIMIT + 500);
    const error = (() => {
      try {
        mcpCallResultValue({ content: [{ type: 'text', text }], isError: true }, call);
      } catch (caught) {
        return caught as McpToolError;
      }
      throw new Error('expected a throw');
    })();
    expect(error.message).toMatch(/… \(500 more characters\)$/);
    expect(error.message.length).toBeLessThan(MCP_ERROR_TEXT_LIMIT + 200);
    expect(error.content[0]?.text).toBe(text);
  });

  it('says so when an error result has no text', () => {
    expect(() => mcpCallResultValue({ isError: true }, call)).toThrow(
      'reported an error: (no message)',
    );
  });
});
