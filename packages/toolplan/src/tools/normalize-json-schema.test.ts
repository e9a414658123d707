import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { normalizeJsonSchema } from './normalize-json-schema.js';

describe('normalizeJsonSchema', () => {
  it.each([
    ['dict', 'object'],
    ['float', 'number'],
    ['tuple', 'array'],
    ['list', 'array'],
    ['str', 'string'],
    ['int', 'integer'],
    ['bool', 'boolean'],
  ])('maps the dialect type %s to %s', (dialect, standard) => {
    expect(normalizeJsonSchema({ type: dialect })).toEqual({ type: standard });
  });

  it('rewrites a BFCL function schema, recursing into properties and items', () => {
    const bfcl = {
      type: 'dict',
      properties: {
        coord: { type: 'tuple', items: { type: 'float' }, description: '(lat, lon)' },
        budget: {
          type: 'dict',
          properties: { min: { type: 'float' }, max: { type: 'float' } },
          description: 'Budget range.',
        },
        year: { type: 'integer', optional: true, default: 2000 },
      },
      required: ['coord'],
      optional: ['year'],
    };
    expect(normalizeJsonSchema(bfcl)).toEqual({
      type: 'object',
      properties: {
        coord: { type: 'array', items: { type: 'number' }, description: '(lat, lon)' },
        budget: {
          type: 'object',
          properties: { min: { type: 'number' }, max: { type: 'number' } },
          description: 'Budget range.',
        },
        year: { type: 'integer', default: 2000 },
      },
      required: ['coord'],
    });
  });

  it('drops the type of "any" (alone or in a list), accepting everything', () => {
    expect(normalizeJsonSchema({ type: 'any', description: 'data' })).toEqual({
      description: 'data',
    });
    expect(normalizeJsonSchema({ type: ['str', 'any'] })).toEqual({});
  });

  it('maps type lists', () => {
    expect(normalizeJsonSchema({ type: ['int', 'null'] })).toEqual({ type: ['integer', 'null'] });
  });

  it('recurses into additionalProperties, not, anyOf, oneOf, allOf and prefixItems', () => {
    expect(
      normalizeJsonSchema({
        type: 'dict',
        additionalProperties: { type: 'float' },
        not: { type: 'bool' },
        anyOf: [{ type: 'str' }],
        oneOf: [{ type: 'int' }],
        allOf: [{ type: 'dict' }],
        prefixItems: [{ type: 'float' }],
      }),
    ).toEqual({
      type: 'object',
      additionalProperties: { type: 'number' },
      not: { type: 'boolean' },
      anyOf: [{ type: 'string' }],
      oneOf: [{ type: 'integer' }],
      allOf: [{ type: 'object' }],
      prefixItems: [{ type: 'number' }],
    });
    expect(normalizeJsonSchema({ type: 'dict', additionalProperties: false })).toEqual({
      type: 'object',
      additionalProperties: false,
    });
  });

  it('rewrites the tuple form of `items` (an array of schemas)', () => {
    const normalized = normalizeJsonSchema({
      type: 'tuple',
      items: [{ type: 'float' }, { type: 'str' }],
    });
    expect(normalized).toEqual({ type: 'array', items: [{ type: 'number' }, { type: 'string' }] });
    const check = new Ajv({ strict: false }).compile(normalized);
    expect(check([1.5, 'a'])).toBe(true);
    expect(check(['a', 1.5])).toBe(false);
  });

  it('keeps properties named like keywords (`optional`, `type`, `items`)', () => {
    expect(
      normalizeJsonSchema({
        type: 'dict',
        properties: {
          optional: { type: 'bool' },
          type: { type: 'str', enum: ['a', 'b'] },
          items: { type: 'list', items: { type: 'int' } },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        optional: { type: 'boolean' },
        type: { type: 'string', enum: ['a', 'b'] },
        items: { type: 'array', items: { type: 'integer' } },
      },
    });
  });

  it('returns a standard schema equal to itself, without changing the input', () => {
    const standard = {
      type: 'object',
      properties: {
        city: { type: 'string', minLength: 1, format: 'city' },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
        unit: { enum: ['c', 'f'], default: 'c' },
      },
      required: ['city'],
      additionalProperties: false,
    };
    const copy = structuredClone(standard);
    const normalized = normalizeJsonSchema(standard);
    expect(normalized).toEqual(standard);
    expect(standard).toEqual(copy);
  });

  it('does not change the dialect input', () => {
    const input = { type: 'dict', properties: { a: { type: 'float', optional: true } } };
    const copy = structuredClone(input);
    normalizeJsonSchema(input);
    expect(input).toEqual(copy);
  });

  it('turns anything that is not a schema object into {}', () => {
    for (const value of [undefined, null, 'dict', 3, [{ type: 'dict' }]]) {
      expect(normalizeJsonSchema(value)).toEqual({});
    }
  });
});
