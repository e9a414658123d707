import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool } from './define-tool.js';
import { ToolDefinitionError } from './tool-definition-error.js';

const inputSchema = z.object({ city: z.string(), days: z.number().int().default(1) });
const execute = ({ city, days }: { city: string; days: number }) => ({ city, days, temp: 20 });

describe('defineTool', () => {
  it('returns a tool with its annotations and a JSON Schema of the input side', () => {
    const tool = defineTool({
      name: 'get_weather',
      description: 'Current weather.',
      inputSchema,
      execute,
      readOnly: true,
      ttlMs: 60_000,
      concurrency: 4,
    });
    expect(tool.name).toBe('get_weather');
    expect(tool.description).toBe('Current weather.');
    expect(tool.readOnly).toBe(true);
    expect(tool.ttlMs).toBe(60_000);
    expect(tool.concurrency).toBe(4);
    expect(tool.idempotent).toBeUndefined();
    expect(tool.execute).toBe(execute);
    expect(tool.outputSchema).toBeUndefined();
    expect(tool.inputSchema.jsonSchema).toMatchObject({
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer', default: 1 } },
      required: ['city'],
    });
  });

  it('validates with zod, applying defaults', () => {
    const tool = defineTool({ name: 'w', description: '', inputSchema, execute });
    expect(tool.inputSchema.validate({ city: 'Boston' })).toEqual({
      success: true,
      value: { city: 'Boston', days: 1 },
    });
    expect(tool.inputSchema.validate({ city: 'Boston', days: 1.5 }).success).toBe(false);
  });

  it('converts an output schema', () => {
    const tool = defineTool({
      name: 'w',
      description: '',
      inputSchema,
      outputSchema: z.object({ temp: z.number() }),
      execute: () => ({ temp: 1 }),
    });
    expect(tool.outputSchema?.jsonSchema).toMatchObject({
      type: 'object',
      properties: { temp: { type: 'number' } },
    });
    expect(tool.outputSchema?.validate({ temp: 'hot' }).success).toBe(false);
  });

  it('allows dots, colons and dashes in names', () => {
    expect(
      defineTool({ name: 'spotify.play:v2-beta', description: '', inputSchema, execute }).name,
    ).toBe('spotify.play:v2-beta');
  });

  it.each([
    ['', '``'],
    ['get weather', '`get weather`'],
    ['x'.repeat(129), `\`${'x'.repeat(129)}\``],
    ['wetter/heute', '`wetter/heute`'],
  ])('rejects the name %j', (name, shown) => {
    expect(() => defineTool({ name, description: '', inputSchema, execute })).toThrow(
      new ToolDefinitionError({
        message: `Expected a tool \`name\` of 1–128 letters, digits, \`_\`, \`.\`, \`:\` or \`-\`, got ${shown}`,
      }),
    );
  });

  it('rejects a missing execute', () => {
    const options = { name: 'w', description: '', inputSchema } as unknown as Parameters<
      typeof defineTool
    >[0];
    expect(() => defineTool(options)).toThrow('Tool `w`: expected `execute` to be a function');
  });

  it('rejects bad annotations eagerly, naming field and value', () => {
    expect(() =>
      defineTool({ name: 'w', description: '', inputSchema, execute, concurrency: 0 }),
    ).toThrow('Tool `w`: expected `concurrency` to be a positive integer, got `0`');
    expect(() =>
      defineTool({ name: 'w', description: '', inputSchema, execute, timeoutMs: -5 }),
    ).toThrow('Tool `w`: expected `timeoutMs` to be a positive number, got `-5`');
    expect(() =>
      defineTool({ name: 'w', description: '', inputSchema, execute, ttlMs: -1 }),
    ).toThrow(ToolDefinitionError);
  });
});
