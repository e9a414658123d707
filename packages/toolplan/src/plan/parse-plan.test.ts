import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { parsePlan } from './parse-plan.js';
import { PlanParseError, PlanValidationError } from './plan-errors.js';

const tools = createToolRegistry([
  defineTool({
    name: 'get_weather',
    description: 'Current weather for a city.',
    inputSchema: z.object({ city: z.string() }),
    execute: ({ city }) => ({ city, temp: 20 }),
  }),
]);

describe('parsePlan', () => {
  it("reads and validates a model's fenced reply", () => {
    const text = [
      'I will look up both cities at once:',
      '```json',
      '{"steps": [{"id": "bos", "tool": "get_weather", "args": {"city": "Boston"}},',
      '           {"id": "nyc", "tool": "get_weather", "args": {"city": "NYC"}}],',
      ' "answer": "Boston ${bos.temp}, NYC ${nyc.temp}"}',
      '```',
    ].join('\n');
    const validated = parsePlan(text, { tools });
    expect(validated.steps.map(({ step }) => step.id)).toEqual(['bos', 'nyc']);
    expect(validated.plan.answer).toBe('Boston ${bos.temp}, NYC ${nyc.temp}');
  });

  it('reads the wire form, fenced or not: call-string steps and "answer": null', () => {
    const wire = `{"steps":["w=get_weather(city=$item) for ['Oslo','Rome']"],"answer":null}`;
    for (const text of [wire, `Here:\n\`\`\`json\n${wire}\n\`\`\``]) {
      expect(parsePlan(text, { tools }).plan).toEqual({
        steps: [
          { id: 'w', tool: 'get_weather', args: { city: '$item' }, forEach: ['Oslo', 'Rome'] },
        ],
      });
    }
  });

  it('throws PlanParseError for text that is not JSON', () => {
    expect(() => parsePlan('{"steps": [,]}', { tools })).toThrow(PlanParseError);
  });

  it('throws PlanValidationError for a readable plan that is invalid', () => {
    expect(() =>
      parsePlan('{"steps": [{"id": "a", "tool": "get_weather", "args": {}}]}', { tools }),
    ).toThrow(PlanValidationError);
  });
});
