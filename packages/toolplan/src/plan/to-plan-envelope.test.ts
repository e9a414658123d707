import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan-json-schema.js';
import { toPlanEnvelope } from './to-plan-envelope.js';

const check = new Ajv().compile(planJsonSchema());

describe('toPlanEnvelope', () => {
  const steps = [
    { id: 'w', tool: 'get_weather', args: { city: '$item' }, forEach: ['Oslo', 'Rome'] },
    { id: 'c', tool: 'compare', args: { results: '$w' } },
  ];

  it('writes the steps as call strings and keeps the answer, in the schema it is asked for', () => {
    const envelope = toPlanEnvelope({ steps, answer: 'Warmest: ${c.warmest}' });
    expect(envelope).toEqual({
      steps: ["w=get_weather(city=$item) for ['Oslo','Rome']", 'c=compare(results=$w)'],
      answer: 'Warmest: ${c.warmest}',
    });
    expect(check(envelope)).toBe(true);
  });

  it('keeps a step written as a string already as it is', () => {
    expect(toPlanEnvelope({ steps: ['x=y(', ...steps] }).steps[0]).toBe('x=y(');
  });

  it('writes null for no answer, and for results that need reasoning', () => {
    expect(toPlanEnvelope({ steps }).answer).toBeNull();
    expect(toPlanEnvelope({ steps, answer: 'x', needsReasoning: true }).answer).toBeNull();
    expect(toPlanEnvelope({ steps, answer: 'x', needsReasoning: false }).answer).toBe('x');
    expect(check(toPlanEnvelope({ steps }))).toBe(true);
  });
});
