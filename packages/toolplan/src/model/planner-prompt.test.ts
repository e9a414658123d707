import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parsePlanText, validatePlan } from '../plan/index.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { PLANNER_PROMPT_TAG, renderPlannerPrompt } from './planner-prompt.js';

const tools = createToolRegistry([
  defineTool({
    name: 'get_weather',
    description: 'Weather for a city.',
    inputSchema: z.object({ city: z.string() }),
    execute: ({ city }) => ({ city, temp: 20 }),
  }),
  defineTool({
    name: 'compare',
    description: 'Compares results.',
    inputSchema: z.object({ results: z.array(z.unknown()) }),
    execute: () => ({ warmest: 'Oslo' }),
  }),
]);

describe('renderPlannerPrompt', () => {
  const prompt = renderPlannerPrompt(tools);

  it('starts with the tag and ends with the tools', () => {
    expect(prompt.startsWith(PLANNER_PROMPT_TAG)).toBe(true);
    expect(prompt).toContain('get_weather');
  });

  it('shows an example in the wire form that validates as a plan of call-string steps', () => {
    const example = prompt.split('\n').find((line) => line.startsWith('{"steps":['));
    expect(example).toBeDefined();
    const raw = parsePlanText(example as string) as { steps: unknown[] };
    expect(raw.steps.every((step) => typeof step === 'string')).toBe(true);
    const validated = validatePlan(raw, { tools });
    expect(validated.plan.steps.map((step) => step.id)).toEqual(['w', 'c']);
    expect(validated.plan.steps[0]?.forEach).toEqual(['Oslo', 'Rome']);
  });

  it('teaches what the wire form can say: for, after, [$index], and null for an answer that needs reasoning', () => {
    for (const taught of [
      ' for […]',
      ' after a,b',
      '$b[$index]',
      'or null if it needs reasoning',
    ]) {
      expect(prompt).toContain(taught);
    }
  });
});
