import { describe, expect, it } from 'vitest';
import { renderToolSignature, renderType } from './render-tool-signature.js';

const weather = {
  name: 'get_weather',
  description: 'Current weather\n   for a city.',
  jsonSchema: {
    type: 'object',
    properties: {
      city: { type: 'string', description: 'City name, e.g. "Boston"' },
      unit: { type: 'string', enum: ['c', 'f'], default: 'c' },
      days: { type: 'integer', description: 'Days\n ahead' },
    },
    required: ['city'],
  },
};

const order = {
  name: 'place_order',
  description: '',
  jsonSchema: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: { sku: { type: 'string' }, qty: { type: 'integer', default: 1 } },
          required: ['sku'],
        },
      },
      tags: { type: 'array', items: { type: ['string', 'null'] } },
      express: { type: 'boolean', default: false },
    },
    required: ['items'],
  },
};

describe('renderToolSignature', () => {
  it('renders required and optional parameters, enums, defaults, integers and descriptions', () => {
    expect(renderToolSignature(weather)).toBe(
      [
        'get_weather(city: string, unit?: "c" | "f" = "c", days?: integer) — Current weather for a city.',
        '  city: City name, e.g. "Boston"',
        '  days: Days ahead',
      ].join('\n'),
    );
  });

  it('renders arrays of objects, nullable item types and boolean defaults', () => {
    expect(renderToolSignature(order)).toBe(
      'place_order(items: { sku: string; qty?: integer }[], tags?: (string | null)[], express?: boolean = false)',
    );
  });

  it('leaves out parameter descriptions with `tool`, and all descriptions with `none`', () => {
    expect(renderToolSignature(weather, { descriptions: 'tool' })).toBe(
      'get_weather(city: string, unit?: "c" | "f" = "c", days?: integer) — Current weather for a city.',
    );
    expect(renderToolSignature(weather, { descriptions: 'none' })).toBe(
      'get_weather(city: string, unit?: "c" | "f" = "c", days?: integer)',
    );
  });

  it('renders a tool without parameters', () => {
    expect(
      renderToolSignature({
        name: 'now',
        description: 'The time.',
        jsonSchema: { type: 'object' },
      }),
    ).toBe('now() — The time.');
  });
});

describe('renderType', () => {
  it.each([
    [{ type: 'string' }, 'string'],
    [{ type: 'number' }, 'number'],
    [{ type: 'null' }, 'null'],
    [{ const: 'fixed' }, '"fixed"'],
    [{ enum: ['a', 1, null] }, '"a" | 1 | null'],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 'string | number'],
    [{ oneOf: [{ type: 'boolean' }, { const: 0 }] }, 'boolean | 0'],
    [{ type: ['integer', 'null'] }, 'integer | null'],
    [{ type: 'array' }, 'any[]'],
    [{ type: 'array', items: true }, 'any[]'],
    [{ type: 'array', items: { type: 'array', items: { type: 'number' } } }, 'number[][]'],
    [{ type: 'array', items: { enum: ['x', 'y'] } }, '("x" | "y")[]'],
    [{ type: 'array', items: { enum: ['only'] } }, '"only"[]'],
    [{ type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }] }, '[number, string]'],
    [{ type: 'object' }, 'object'],
    [{ type: 'object', additionalProperties: { type: 'number' } }, 'Record<string, number>'],
    [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, '{ a: string }'],
    [{ properties: { a: { type: 'string' } } }, '{ a?: string }'],
    [{}, 'any'],
  ])('renders %j as %s', (schema, expected) => {
    expect(renderType(schema)).toBe(expected);
  });

  it('parenthesises an array of a union of objects, not an array of one object', () => {
    const point = { type: 'object', properties: { x: { type: 'number' } }, required: ['x'] };
    const circle = { type: 'object', properties: { r: { type: 'number' } }, required: ['r'] };
    expect(renderType({ type: 'array', items: point })).toBe('{ x: number }[]');
    expect(renderType({ type: 'array', items: { anyOf: [point, circle] } })).toBe(
      '({ x: number } | { r: number })[]',
    );
  });

  it('does not parenthesise an array of an object whose field is a union', () => {
    const item = { type: 'object', properties: { unit: { enum: ['c', 'f'] } } };
    expect(renderType({ type: 'array', items: item })).toBe('{ unit?: "c" | "f" }[]');
  });
});
