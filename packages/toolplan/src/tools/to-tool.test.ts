import { jsonSchema, tool as aiTool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { isTool, toTool } from './to-tool.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { ToolExecutionContext } from './tool.js';

function context(overrides: Partial<ToolExecutionContext> = {}): ToolExecutionContext {
  const signal = new AbortController().signal;
  return {
    signal,
    abortSignal: signal,
    runId: 'run1',
    stepId: 'step1',
    toolCallId: 'run1:step1',
    attempt: 1,
    idempotencyKey: 'run1:step1',
    messages: [],
    ...overrides,
  };
}

const weatherParameters = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
};

describe('toTool with plain objects', () => {
  it('reads a JSON Schema under `parameters` (OpenAI style)', async () => {
    const tool = toTool({
      name: 'get_weather',
      description: 'Current weather.',
      parameters: weatherParameters,
      execute: ({ city }: { city: string }) => ({ city, temp: 20 }),
    });
    expect(tool.name).toBe('get_weather');
    expect(tool.description).toBe('Current weather.');
    expect(tool.inputSchema.jsonSchema).toEqual(weatherParameters);
    expect(tool.inputSchema.validate({ city: 'Boston' }).success).toBe(true);
    expect(tool.inputSchema.validate({}).success).toBe(false);
    expect(await tool.execute({ city: 'Boston' }, context())).toEqual({ city: 'Boston', temp: 20 });
  });

  it('reads a JSON Schema under `inputSchema` (MCP style) and `input_schema` (Anthropic style)', () => {
    for (const key of ['inputSchema', 'input_schema']) {
      const tool = toTool({ name: 't', [key]: weatherParameters, execute: () => null });
      expect(tool.inputSchema.jsonSchema).toEqual(weatherParameters);
      expect(tool.inputSchema.validate({ city: 1 }).success).toBe(false);
    }
  });

  it('reads the "dict" dialect', () => {
    const tool = toTool({
      name: 'calc',
      parameters: { type: 'dict', properties: { x: { type: 'float' } }, required: ['x'] },
      execute: () => null,
    });
    expect(tool.inputSchema.jsonSchema['type']).toBe('object');
    expect(tool.inputSchema.validate({ x: 1.5 }).success).toBe(true);
  });

  it('defaults the description to the empty string and the schema to an empty object', () => {
    const tool = toTool({ name: 'now', execute: () => 0 });
    expect(tool.description).toBe('');
    expect(tool.inputSchema.jsonSchema).toEqual({ type: 'object', properties: {} });
  });

  it('takes the name from the key when the object has none, and prefers its own name', () => {
    expect(toTool({ execute: () => null }, 'from_key').name).toBe('from_key');
    expect(toTool({ name: 'own', execute: () => null }, 'from_key').name).toBe('own');
  });

  it('reads trusted MCP-style annotations as readOnly and idempotent', () => {
    const tool = toTool({
      name: 'read_file',
      inputSchema: { type: 'object' },
      annotations: { readOnlyHint: true, idempotentHint: true, destructiveHint: false },
      trustAnnotations: true,
      execute: () => '',
    });
    expect(tool.readOnly).toBe(true);
    expect(tool.idempotent).toBe(true);
  });

  it('treats a tool whose hints come from an untrusted source as having side effects', () => {
    const tool = toTool({
      name: 'delete_repo',
      inputSchema: { type: 'object' },
      annotations: { readOnlyHint: true, idempotentHint: true },
      execute: () => '',
    });
    expect(tool.readOnly).toBeUndefined();
    expect(tool.idempotent).toBeUndefined();
  });

  it('lets destructiveHint win over read-only, trusted or given', () => {
    for (const record of [
      { annotations: { readOnlyHint: true, destructiveHint: true }, trustAnnotations: true },
      { readOnly: true, idempotent: true, annotations: { destructiveHint: true } },
    ]) {
      const tool = toTool({ name: 'drop_table', execute: () => '', ...record });
      expect(tool.readOnly).toBe(false);
      expect(tool.idempotent).toBe(false);
    }
  });

  it('prefers toolplan annotations to MCP hints, and ignores hints that are not booleans', () => {
    const tool = toTool({
      name: 'write_file',
      readOnly: false,
      annotations: { readOnlyHint: true, idempotentHint: 'yes' },
      trustAnnotations: true,
      execute: () => '',
    });
    expect(tool.readOnly).toBe(false);
    expect(tool.idempotent).toBeUndefined();
  });

  it('keeps toolplan annotations and leaves out the ones not given', () => {
    const project = (result: unknown) => result;
    const tool = toTool({ name: 't', ttlMs: 1000, timeoutMs: 50, project, execute: () => null });
    expect(tool.ttlMs).toBe(1000);
    expect(tool.timeoutMs).toBe(50);
    expect(tool.project).toBe(project);
    expect('readOnly' in tool).toBe(false);
    expect('concurrency' in tool).toBe(false);
  });

  it('rejects bad annotations', () => {
    expect(() => toTool({ name: 't', concurrency: 0, execute: () => null })).toThrow(
      'Tool `t`: expected `concurrency` to be a positive integer, got `0`',
    );
  });

  it("calls execute with the original object as `this`, and with the run's context", async () => {
    const source = {
      name: 'greet',
      prefix: 'Hello',
      execute(this: { prefix: string }, input: { who: string }, ctx: ToolExecutionContext) {
        return `${this.prefix}, ${input.who} (${ctx.stepId})`;
      },
    };
    const tool = toTool(source);
    expect(await tool.execute({ who: 'Ada' }, context({ stepId: 'hi' }))).toBe('Hello, Ada (hi)');
  });

  it('converts an outputSchema', () => {
    const tool = toTool({
      name: 't',
      outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } } },
      execute: () => ({ ok: true }),
    });
    expect(tool.outputSchema?.validate({ ok: 'no' }).success).toBe(false);
  });

  it('rejects a value that is not an object', () => {
    expect(() => toTool(null, 'x')).toThrow('Expected a tool object for `x`, got null.');
    expect(() => toTool('get_weather')).toThrow('Expected a tool object, got string.');
  });

  it('rejects a tool without a name or with a bad one', () => {
    expect(() => toTool({ execute: () => null })).toThrow(
      'A tool needs a `name` (or a key, when tools are given as a record).',
    );
    expect(() => toTool({ name: 'has space', execute: () => null })).toThrow(
      'Expected a tool name of 1–128 letters, digits, `_`, `.`, `:` or `-`, got `has space`',
    );
  });

  it('rejects a tool without execute', () => {
    let thrown: unknown;
    try {
      toTool({ name: 'remote', parameters: weatherParameters });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ToolDefinitionError);
    expect((thrown as ToolDefinitionError).toolName).toBe('remote');
    expect((thrown as Error).message).toBe(
      'Tool `remote` has no `execute` function; toolplan runs tools itself, so each needs one.',
    );
  });
});

describe('toTool with tools already in toolplan form', () => {
  const defined = defineTool({
    name: 'get_weather',
    description: '',
    inputSchema: z.object({ city: z.string() }),
    execute: ({ city }) => city,
  });

  it('returns a defineTool tool as it is', () => {
    expect(isTool(defined)).toBe(true);
    expect(toTool(defined)).toBe(defined);
    expect(toTool(defined, 'get_weather')).toBe(defined);
  });

  it('does not take a plain object with a zod inputSchema for a finished tool', () => {
    const plain = { name: 'z', inputSchema: z.object({ n: z.number() }), execute: () => 0 };
    expect(isTool(plain)).toBe(false);
    const tool = toTool(plain);
    expect(tool).not.toBe(plain);
    expect(tool.inputSchema.validate({ n: 'one' }).success).toBe(false);
  });

  it('is false for things that are not tools', () => {
    expect(isTool(null)).toBe(false);
    expect(isTool({ name: 'x', execute: () => 0 })).toBe(false);
    expect(isTool({ name: 'x', execute: () => 0, inputSchema: { jsonSchema: {} } })).toBe(false);
  });
});

describe('toTool with Vercel AI SDK tools', () => {
  it('runs a tool() with a jsonSchema() input through the returned Tool', async () => {
    const weather = aiTool({
      description: 'Current weather for a city.',
      inputSchema: jsonSchema<{ city: string }>({
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
        additionalProperties: false,
      }),
      execute: async ({ city }, options) => ({ city, temp: 21, call: options.toolCallId }),
    });
    const tool = toTool(weather, 'weather');
    expect(tool.name).toBe('weather');
    expect(tool.description).toBe('Current weather for a city.');
    expect(tool.inputSchema.validate({ city: 'Boston' }).success).toBe(true);
    expect(tool.inputSchema.validate({ city: 'Boston', extra: 1 })).toEqual({
      success: false,
      issues: [{ path: ['extra'], message: '`extra` is not a parameter of this tool' }],
    });
    expect(await tool.execute({ city: 'Boston' }, context({ toolCallId: 'call_7' }))).toEqual({
      city: 'Boston',
      temp: 21,
      call: 'call_7',
    });
  });

  it('runs a tool() with a zod input', async () => {
    const double = aiTool({
      description: 'Doubles.',
      inputSchema: z.object({ n: z.number() }),
      execute: async ({ n }) => n * 2,
    });
    const tool = toTool(double, 'double');
    expect(tool.inputSchema.validate({ n: 'x' }).success).toBe(false);
    expect(await tool.execute({ n: 21 }, context())).toBe(42);
  });

  it('returns the last value of a streaming execute', async () => {
    const progress = aiTool({
      description: 'Reports progress.',
      inputSchema: z.object({}),
      async *execute() {
        yield { status: 'working' };
        yield { status: 'done', value: 3 };
      },
    });
    expect(await toTool(progress, 'progress').execute({}, context())).toEqual({
      status: 'done',
      value: 3,
    });
  });

  it('needs a name from its key', () => {
    const unnamed = aiTool({ inputSchema: z.object({}), execute: async () => 1 });
    expect(() => toTool(unnamed)).toThrow(ToolDefinitionError);
  });
});
