import { describe, expect, it } from 'vitest';
import { ToolDefinitionError, type ToolExecutionContext } from '../tools/index.js';
import type { McpCallToolResult, McpToolDescription } from './mcp-client-like.js';
import { McpToolError } from './mcp-tool-error.js';
import { toMcpTool, type ToMcpToolOptions } from './to-mcp-tool.js';

const getSum: McpToolDescription = {
  name: 'get-sum',
  title: 'Get Sum Tool',
  description: 'Returns the sum of two numbers',
  inputSchema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
  },
  annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false },
};

function options(overrides: Partial<ToMcpToolOptions> = {}): ToMcpToolOptions {
  return {
    serverName: 'everything',
    trustAnnotations: false,
    timeoutMs: undefined,
    call: () => Promise.resolve({ content: [{ type: 'text', text: '3' }] }),
    ...overrides,
  };
}

function context(signal = new AbortController().signal): ToolExecutionContext {
  return {
    signal,
    abortSignal: signal,
    runId: 'r',
    stepId: 's',
    toolCallId: 'r:s',
    attempt: 1,
    idempotencyKey: 'r:s',
    messages: [],
  };
}

describe('toMcpTool', () => {
  it('keeps the server’s name, description and input schema', () => {
    const tool = toMcpTool(getSum, options());
    expect(tool.name).toBe('get-sum');
    expect(tool.description).toBe('Returns the sum of two numbers');
    expect(tool.inputSchema.jsonSchema).toMatchObject({
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
    expect(tool.inputSchema.validate({ a: 1, b: 2 }).success).toBe(true);
    expect(tool.inputSchema.validate({ a: 1, b: 'x' }).success).toBe(false);
    expect(tool.outputSchema).toBeUndefined();
  });

  it('falls back to the title when there is no description', () => {
    const { description: _, ...bare } = getSum;
    expect(toMcpTool(bare, options()).description).toBe('Get Sum Tool');
  });

  it('ignores an untrusted server’s hints and follows a trusted one’s', () => {
    const untrusted = toMcpTool(getSum, options());
    expect(untrusted.readOnly).toBeUndefined();
    expect(untrusted.idempotent).toBeUndefined();
    const trusted = toMcpTool(getSum, options({ trustAnnotations: true }));
    expect(trusted.readOnly).toBe(true);
    expect(trusted.idempotent).toBe(true);
  });

  it('lets destructiveHint win even for a trusted server', () => {
    const tool = toMcpTool(
      {
        ...getSum,
        annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: true },
      },
      options({ trustAnnotations: true }),
    );
    expect(tool.readOnly).toBe(false);
    expect(tool.idempotent).toBe(false);
  });

  it('keeps the output schema, so that structured results are checked', () => {
    const tool = toMcpTool(
      {
        ...getSum,
        outputSchema: {
          type: 'object',
          properties: { sum: { type: 'number' } },
          required: ['sum'],
        },
      },
      options(),
    );
    expect(tool.outputSchema?.validate({ sum: 3 }).success).toBe(true);
    expect(tool.outputSchema?.validate({ total: 3 }).success).toBe(false);
  });

  it('gives the time-out as the tool’s timeoutMs', () => {
    expect(toMcpTool(getSum, options({ timeoutMs: 5_000 })).timeoutMs).toBe(5_000);
    expect('timeoutMs' in toMcpTool(getSum, options())).toBe(false);
  });

  it('calls the server with the arguments and the run’s signal, and maps the result', async () => {
    const calls: Array<{ name: string; args: unknown; signal: AbortSignal }> = [];
    const tool = toMcpTool(
      getSum,
      options({
        call: (name, args, signal) => {
          calls.push({ name, args, signal });
          return Promise.resolve({ content: [{ type: 'text', text: 'The sum is 3.' }] });
        },
      }),
    );
    const signal = new AbortController().signal;
    expect(await tool.execute({ a: 1, b: 2 }, context(signal))).toBe('The sum is 3.');
    expect(calls).toEqual([{ name: 'get-sum', args: { a: 1, b: 2 }, signal }]);
  });

  it('throws the server’s error for an isError result', async () => {
    const failing: McpCallToolResult = {
      isError: true,
      content: [{ type: 'text', text: 'Invalid resourceId: 0.' }],
    };
    const tool = toMcpTool(getSum, options({ call: () => Promise.resolve(failing) }));
    const error = await Promise.resolve(tool.execute({ a: 1, b: 2 }, context())).catch(
      (caught: unknown) => caught,
    );
    expect(McpToolError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'MCP server `everything`: tool `get-sum` reported an error: Invalid resourceId: 0.',
    );
  });

  it('refuses a name toolplan cannot use, naming the server', () => {
    let error: unknown;
    try {
      toMcpTool({ ...getSum, name: 'get sum' }, options());
    } catch (caught) {
      error = caught;
    }
    expect(ToolDefinitionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      toolName: 'get sum',
      message:
        'MCP server `everything` offers a tool toolplan cannot use: Expected a tool name of 1–128 letters, digits, `_`, `.`, `:` or `-`, got `get sum`',
    });
  });

  it('refuses an input schema that is not a JSON Schema, naming the server', () => {
    expect(() => toMcpTool({ ...getSum, inputSchema: { type: 12 } }, options())).toThrow(
      /^MCP server `everything` offers a tool toolplan cannot use: Tool `get-sum`: its JSON Schema is invalid/,
    );
  });
});
