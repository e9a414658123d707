import { jsonSchema, zodSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolplanError } from '../plan/index.js';
import { toToolSchema } from './to-tool-schema.js';
import { ToolDefinitionError } from './tool-definition-error.js';

function definitionError(action: () => unknown): ToolDefinitionError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ToolDefinitionError);
    return error as ToolDefinitionError;
  }
  throw new Error('expected a ToolDefinitionError, but nothing was thrown');
}

const weatherJsonSchema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    unit: { type: 'string', enum: ['c', 'f'] },
    days: { type: 'integer' },
    point: {
      type: 'object',
      properties: { lat: { type: 'number' }, lon: { type: 'number' } },
      required: ['lat', 'lon'],
    },
    scores: { type: 'array', items: { type: 'number' } },
  },
  required: ['city'],
  additionalProperties: false,
};

describe('toToolSchema from JSON Schema', () => {
  const schema = toToolSchema(weatherJsonSchema, 'get_weather');

  it('accepts valid values and returns them unchanged', () => {
    const value = { city: 'Boston', unit: 'c', days: 3, scores: [1, 2.5] };
    expect(schema.validate(value)).toEqual({ success: true, value });
    expect(schema.jsonSchema).toEqual(weatherJsonSchema);
  });

  it('names a missing required argument', () => {
    expect(schema.validate({})).toEqual({
      success: false,
      issues: [{ path: ['city'], message: '`city` is required but missing' }],
    });
  });

  it('names a missing nested argument with its full path', () => {
    const result = schema.validate({ city: 'x', point: { lat: 1 } });
    expect(result).toEqual({
      success: false,
      issues: [{ path: ['point', 'lon'], message: '`point.lon` is required but missing' }],
    });
  });

  it('names an argument the tool does not have', () => {
    expect(schema.validate({ city: 'x', country: 'US' })).toEqual({
      success: false,
      issues: [{ path: ['country'], message: '`country` is not a parameter of this tool' }],
    });
  });

  it('lists the allowed values of an enum', () => {
    expect(schema.validate({ city: 'x', unit: 'kelvin' })).toEqual({
      success: false,
      issues: [{ path: ['unit'], message: '`unit`: must be one of "c", "f"' }],
    });
  });

  it('reports every problem, with array indexes as numbers', () => {
    const result = schema.validate({ city: 5, days: 1.5, scores: [1, 'two'] });
    expect(result.success).toBe(false);
    expect(result.success === false && result.issues).toEqual([
      { path: ['city'], message: '`city`: must be string' },
      { path: ['days'], message: '`days`: must be integer' },
      { path: ['scores', 1], message: '`scores.1`: must be number' },
    ]);
  });

  it('reports a value that is not an object at the root', () => {
    expect(schema.validate('Boston')).toEqual({
      success: false,
      issues: [{ path: [], message: 'arguments: must be object' }],
    });
  });

  it('decodes JSON-pointer escapes in property names', () => {
    const escaped = toToolSchema(
      { type: 'object', properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } } },
      't',
    );
    const result = escaped.validate({ 'a/b': 1, 'c~d': 2 });
    expect(result.success === false && result.issues.map((issue) => issue.path)).toEqual([
      ['a/b'],
      ['c~d'],
    ]);
  });

  it('does not check formats (catalogues use non-standard ones)', () => {
    const dated = toToolSchema(
      { type: 'object', properties: { date: { type: 'string', format: 'date' } } },
      't',
    );
    expect(dated.validate({ date: 'next Tuesday' }).success).toBe(true);
  });

  it('reads the "dict" dialect', () => {
    const bfcl = toToolSchema(
      { type: 'dict', properties: { height: { type: 'float' } }, required: ['height'] },
      'calc',
    );
    expect(bfcl.jsonSchema).toEqual({
      type: 'object',
      properties: { height: { type: 'number' } },
      required: ['height'],
    });
    expect(bfcl.validate({ height: 5.5 }).success).toBe(true);
    expect(bfcl.validate({ height: '5.5' }).success).toBe(false);
  });

  it('gives a tool without a schema an empty object schema', () => {
    for (const missing of [undefined, null]) {
      const empty = toToolSchema(missing, 't');
      expect(empty.jsonSchema).toEqual({ type: 'object', properties: {} });
      expect(empty.validate({}).success).toBe(true);
      expect(empty.validate(3).success).toBe(false);
    }
  });

  it('rejects a schema that is not valid JSON Schema, naming the tool', () => {
    const error = definitionError(() => toToolSchema({ type: 'strng' }, 'broken'));
    expect(error.message).toMatch(/^Tool `broken`: its JSON Schema is invalid \(/);
    expect(error.toolName).toBe('broken');
    expect(error.cause).toBeInstanceOf(Error);
    expect(ToolplanError.isInstance(error)).toBe(true);
  });

  it('rejects a schema that is not an object', () => {
    expect(definitionError(() => toToolSchema('string', 'bad')).message).toBe(
      'Tool `bad`: expected its input schema to be a zod schema or a JSON Schema object, got string.',
    );
  });
});

describe('toToolSchema from zod', () => {
  const schema = toToolSchema(
    z.object({
      city: z.string().describe('City name'),
      unit: z.enum(['c', 'f']).default('c'),
      when: z
        .string()
        .transform((text) => text.toUpperCase())
        .optional(),
    }),
    't',
  );

  it('renders the input side as JSON Schema, without $schema', () => {
    expect(schema.jsonSchema).toEqual({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name' },
        unit: { type: 'string', enum: ['c', 'f'], default: 'c' },
        when: { type: 'string' },
      },
      required: ['city'],
    });
  });

  it('returns the parsed value, with defaults and transforms applied', () => {
    expect(schema.validate({ city: 'Boston', when: 'today' })).toEqual({
      success: true,
      value: { city: 'Boston', unit: 'c', when: 'TODAY' },
    });
  });

  it("maps zod's issues to paths and messages with the argument named", () => {
    const result = schema.validate({ city: 3, unit: 'k' });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.issues;
    expect(issues.map((issue) => issue.path)).toEqual([['city'], ['unit']]);
    expect(issues[0]?.message).toMatch(/^`city`: /);
    expect(issues[1]?.message).toMatch(/^`unit`: /);
  });

  it('names the root for a value that is not an object', () => {
    const result = schema.validate(null);
    expect(result.success === false && result.issues[0]?.message).toMatch(/^arguments: /);
  });

  it('rejects other Standard Schema libraries', () => {
    const valibotLike = { '~standard': { version: 1, vendor: 'valibot', validate: () => ({}) } };
    expect(definitionError(() => toToolSchema(valibotLike, 'v')).message).toContain(
      'only zod 4 among Standard Schema libraries is supported',
    );
  });
});

describe('toToolSchema from the AI SDK', () => {
  it('reads a jsonSchema() object', () => {
    const schema = toToolSchema(
      jsonSchema({ type: 'object', properties: { q: { type: 'string' } }, required: ['q'] }),
      'search',
    );
    expect(schema.jsonSchema).toEqual({
      type: 'object',
      properties: { q: { type: 'string' } },
      required: ['q'],
    });
    expect(schema.validate({ q: 'x' }).success).toBe(true);
    expect(schema.validate({ q: 1 }).success).toBe(false);
  });

  it('reads a zodSchema() object (draft-07 JSON Schema)', () => {
    const schema = toToolSchema(zodSchema(z.object({ n: z.number() })), 'double');
    expect(schema.jsonSchema['properties']).toEqual({ n: { type: 'number' } });
    expect(schema.validate({ n: 2 }).success).toBe(true);
    expect(schema.validate({ n: '2' }).success).toBe(false);
  });

  it('refuses a lazy schema whose JSON Schema is a promise', () => {
    const lazy = {
      [Symbol.for('vercel.ai.schema')]: true,
      jsonSchema: Promise.resolve({ type: 'object' }),
    };
    expect(definitionError(() => toToolSchema(lazy, 'lazy')).message).toContain(
      'its schema is lazy (a promise)',
    );
  });
});

describe('draft 2020-12 schemas', () => {
  it('accepts a schema that declares draft 2020-12 (as zod 4 and MCP servers emit)', () => {
    const schema = toToolSchema(
      {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
        },
        required: ['pair'],
      },
      'pairs',
    );
    expect(schema.validate({ pair: ['a', 1] }).success).toBe(true);
    expect(schema.validate({ pair: ['a', 'b'] }).success).toBe(false);
  });
});
