import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan-json-schema.js';
import { planStepSchema } from './plan.js';

const schema = planJsonSchema(['get_weather', 'compare']);
const check = new Ajv({ strict: false }).compile(schema);

const plans = {
  valid: {
    steps: [
      { id: 'w', tool: 'get_weather', forEach: ['Oslo', 'Rome'], args: { city: '$item' } },
      { id: 'c', tool: 'compare', args: { results: '$w' }, after: ['w'] },
      { id: 'd', tool: 'compare', forEach: '$w', args: { one: '$item' } },
    ],
    answer: 'Warmest: ${c.warmest}',
    needsReasoning: false,
  },
  unknownTool: { steps: [{ id: 'w', tool: 'get_wether', args: {} }] },
  extraKey: { steps: [{ id: 'w', tool: 'compare', args: {}, dependsOn: ['x'] }] },
  noSteps: { answer: 'hi' },
  forEachNumber: { steps: [{ id: 'w', tool: 'compare', args: {}, forEach: 3 }] },
};

describe('planJsonSchema', () => {
  it('accepts plans in the format and names the tools as an enum', () => {
    expect(check(plans.valid)).toBe(true);
    expect(JSON.stringify(schema)).toContain('"enum":["get_weather","compare"]');
  });

  it('rejects what the zod step schema rejects at the shape level', () => {
    for (const plan of [plans.unknownTool, plans.extraKey, plans.noSteps, plans.forEachNumber]) {
      expect(check(plan), JSON.stringify(plan)).toBe(false);
    }
    expect(planStepSchema.safeParse(plans.extraKey.steps[0]).success).toBe(false);
    expect(planStepSchema.safeParse(plans.forEachNumber.steps[0]).success).toBe(false);
  });

  it('names every key the zod step schema allows', () => {
    const items = (schema['properties'] as { steps: { items: { properties: object } } }).steps
      .items;
    expect(Object.keys(items.properties).sort()).toEqual(Object.keys(planStepSchema.shape).sort());
  });
});
