import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan-json-schema.js';
import { strictSchemaProblems } from './strict-schema-problems.test-utils.js';

const schema = planJsonSchema();
const check = new Ajv({ strict: true }).compile(schema);

describe('planJsonSchema', () => {
  it('accepts the wire form: steps as strings, and an answer or null', () => {
    expect(
      check({ steps: ["w=get_weather(city='Oslo')", 'c=compare(results=$w)'], answer: 'x' }),
    ).toBe(true);
    expect(check({ steps: [], answer: null })).toBe(true);
  });

  it.each<[unknown, string]>([
    [{ steps: [{ id: 'w', tool: 'get_weather', args: {} }], answer: null }, 'an object step'],
    [{ steps: ['w=t()'] }, 'no answer key'],
    [{ answer: 'hi' }, 'no steps'],
    [{ steps: ['w=t()'], answer: null, needsReasoning: true }, 'an extra key'],
    [{ steps: ['w=t()'], answer: 3 }, 'an answer that is not text'],
  ])('rejects %j (%s)', (value) => {
    expect(check(value)).toBe(false);
  });

  it('meets OpenAI strict mode and Gemini: closed objects, every property required, typed arrays', () => {
    expect(strictSchemaProblems(schema)).toEqual([]);
    // What the check finds in the object-step schema this one replaced.
    const objectSteps = {
      type: 'object',
      properties: {
        steps: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              args: { type: 'object' },
              after: { type: 'array' },
            },
            required: ['id'],
            additionalProperties: false,
          },
        },
      },
      required: ['steps'],
      additionalProperties: false,
    };
    expect(strictSchemaProblems(objectSteps)).toEqual([
      '#.steps[].args: not required',
      '#.steps[].args: an object without properties',
      '#.steps[].args: not closed',
      '#.steps[].after: not required',
      '#.steps[].after: an array without items',
    ]);
  });

  it('is a new object on every call, so that a caller may change its copy', () => {
    expect(planJsonSchema()).not.toBe(planJsonSchema());
    expect(planJsonSchema()).toEqual(schema);
  });
});
