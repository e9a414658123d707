import { describe, expect, it } from 'vitest';
import {
  checkStrictJsonSchema,
  describeStrictSchemaProblem,
  type StrictSchemaProblem,
} from './check-strict-json-schema.js';

/** A strict-valid object schema with the given properties, all required. */
function object(properties: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const rules = (problems: readonly StrictSchemaProblem[]) =>
  problems.map(({ rule, path }) => ({ rule, path }));

describe('checkStrictJsonSchema', () => {
  it('accepts the Structured Outputs guide’s own examples', () => {
    // "Supported properties": a nullable enum and number bounds.
    expect(
      checkStrictJsonSchema(
        object({
          location: { type: 'string', description: 'The location to get the weather for' },
          unit: { type: ['string', 'null'], enum: ['F', 'C'] },
          value: { type: 'number', minimum: -130, maximum: 130 },
        }),
      ),
    ).toEqual([]);
    // "Definitions are supported".
    expect(
      checkStrictJsonSchema({
        ...object({
          steps: { type: 'array', items: { $ref: '#/$defs/step' } },
          final_answer: { type: 'string' },
        }),
        $defs: { step: object({ explanation: { type: 'string' }, output: { type: 'string' } }) },
      }),
    ).toEqual([]);
    // "Recursive schemas are supported", and anyOf below the root.
    expect(
      checkStrictJsonSchema(
        object({
          label: { type: 'string', format: 'email', pattern: '^.+@.+$' },
          children: { type: 'array', items: { $ref: '#' }, minItems: 0, maxItems: 5 },
          value: { anyOf: [{ type: 'string' }, object({ column_name: { type: 'string' } })] },
        }),
      ),
    ).toEqual([]);
  });

  it('accepts `$schema` at the root, as the AI SDK sends it', () => {
    const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...object({}) };
    expect(checkStrictJsonSchema(schema)).toEqual([]);
  });

  it('requires an object at the root, not anyOf', () => {
    expect(rules(checkStrictJsonSchema({ type: 'array', items: { type: 'string' } }))).toEqual([
      { rule: 'root-object', path: [] },
    ]);
    const union = checkStrictJsonSchema({ anyOf: [object({}), object({})] });
    expect(union[0]?.rule).toBe('root-object');
    expect(describeStrictSchemaProblem(union[0]!)).toBe(
      "schema must be a JSON Schema of 'type: \"object\"', got 'anyOf'.",
    );
  });

  it('requires additionalProperties: false on every object, with the path of each', () => {
    const schema = object({
      steps: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      },
    });
    const problems = checkStrictJsonSchema(schema);
    expect(rules(problems)).toEqual([
      { rule: 'additional-properties', path: ['properties', 'steps', 'items'] },
    ]);
    expect(describeStrictSchemaProblem(problems[0]!)).toBe(
      "In context=('properties', 'steps', 'items'), 'additionalProperties' is required to be supplied and to be false.",
    );
  });

  it('requires every property in `required`, and nothing else', () => {
    const missing = checkStrictJsonSchema({
      ...object({ a: { type: 'string' }, b: { type: 'string' } }),
      required: ['a', 'c'],
    });
    expect(missing.map(describeStrictSchemaProblem)).toEqual([
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.",
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Extra required key 'c' supplied.",
    ]);
    const absent = checkStrictJsonSchema({
      type: 'object',
      properties: { x: { type: 'string' } },
      additionalProperties: false,
    });
    expect(absent.map(describeStrictSchemaProblem)).toEqual([
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'x'.",
    ]);
  });

  it('refuses keywords outside the documented subset', () => {
    const problems = checkStrictJsonSchema(
      object({
        name: { type: 'string', minLength: 1 },
        kind: { allOf: [{ type: 'string' }] },
        count: { type: 'integer', default: 1 },
      }),
    );
    expect(rules(problems)).toEqual([
      { rule: 'unsupported-keyword', path: ['properties', 'name'] },
      { rule: 'unsupported-keyword', path: ['properties', 'kind'] },
      { rule: 'unsupported-keyword', path: ['properties', 'count'] },
    ]);
    expect(describeStrictSchemaProblem(problems[0]!)).toBe(
      "In context=('properties', 'name'), 'minLength' is not permitted.",
    );
  });

  it('refuses a keyword on a type it does not belong to, and an unsupported format', () => {
    const problems = checkStrictJsonSchema(
      object({
        n: { type: 'number', pattern: '^1$' },
        url: { type: 'string', format: 'uri' },
      }),
    );
    expect(rules(problems)).toEqual([
      { rule: 'keyword-type-mismatch', path: ['properties', 'n'] },
      { rule: 'format', path: ['properties', 'url'] },
    ]);
  });

  it('requires `items` on every array', () => {
    const problems = checkStrictJsonSchema(object({ tags: { type: 'array' } }));
    expect(problems.map(describeStrictSchemaProblem)).toEqual([
      "In context=('properties', 'tags'), array schema missing items.",
    ]);
  });

  it('checks anyOf branches and $refs', () => {
    const problems = checkStrictJsonSchema(
      object({
        value: { anyOf: [{ type: 'object', properties: {} }, { type: 'string' }] },
        other: { $ref: '#/$defs/missing' },
      }),
    );
    expect(rules(problems)).toEqual([
      { rule: 'additional-properties', path: ['properties', 'value', 'anyOf', 0] },
      { rule: 'ref', path: ['properties', 'other'] },
    ]);
    expect(describeStrictSchemaProblem(problems[0]!)).toContain(
      "In context=('properties', 'value', 'anyOf', 0),",
    );
  });

  it('refuses a free-form object (the shape a plan’s `args` takes without a schema)', () => {
    const problems = checkStrictJsonSchema(object({ args: { type: 'object' } }));
    expect(rules(problems)).toEqual([
      { rule: 'additional-properties', path: ['properties', 'args'] },
    ]);
  });

  it('enforces the nesting limit: 10 levels pass, 11 do not', () => {
    const nested = (levels: number): Record<string, unknown> =>
      levels === 1 ? object({ leaf: { type: 'string' } }) : object({ child: nested(levels - 1) });
    expect(checkStrictJsonSchema(nested(10))).toEqual([]);
    expect(rules(checkStrictJsonSchema(nested(11)))).toEqual([
      { rule: 'nesting-depth', path: Array(10).fill(['properties', 'child']).flat() },
    ]);
  });

  it('enforces the limits on properties, enum values and string size', () => {
    const many = Object.fromEntries(
      Array.from({ length: 5001 }, (_, index) => [`p${index}`, { type: 'string' }]),
    );
    expect(rules(checkStrictJsonSchema(object(many)))).toEqual([
      { rule: 'property-count', path: [] },
    ]);

    const values = (count: number, length: number) =>
      Array.from({ length: count }, (_, index) => String(index).padStart(length, 'v'));
    expect(
      rules(
        checkStrictJsonSchema(object({ a: { enum: values(600, 3) }, b: { enum: values(401, 3) } })),
      ),
    ).toEqual([{ rule: 'enum-count', path: [] }]);
    expect(
      rules(checkStrictJsonSchema(object({ e: { type: 'string', enum: values(251, 60) } }))),
    ).toEqual([{ rule: 'enum-string-size', path: ['properties', 'e'] }]);
    expect(checkStrictJsonSchema(object({ e: { type: 'string', enum: values(250, 60) } }))).toEqual(
      [],
    );
    const longNames = Object.fromEntries(
      Array.from({ length: 3 }, (_, index) => [`${index}`.padEnd(40_001, 'n'), { type: 'string' }]),
    );
    expect(rules(checkStrictJsonSchema(object(longNames)))).toEqual([
      { rule: 'string-size', path: [] },
    ]);
  });

  it('prints a one-segment context as a Python tuple', () => {
    expect(
      describeStrictSchemaProblem({ rule: 'additional-properties', path: ['items'], message: 'm' }),
    ).toBe("In context=('items',), m");
  });
});
