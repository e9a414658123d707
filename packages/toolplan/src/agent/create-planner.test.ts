import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planJsonSchema, PlanValidationError } from '../plan/index.js';
import { countTokens, createToolRegistry, defineTool } from '../tools/index.js';
import { createPlanner } from './create-planner.js';
import { PlanningError } from './planning-error.js';
import { scriptedModel } from './scripted-model.test-utils.js';

let sent = 0;
const tools = createToolRegistry([
  defineTool({
    name: 'get_weather',
    description: 'Weather for a city on a date.',
    inputSchema: z.object({ city: z.string(), date: z.string().describe('YYYY-MM-DD') }),
    readOnly: true,
    execute: ({ city }) => ({ city, temp: 20 }),
  }),
  defineTool({
    name: 'send_email',
    description: 'Sends an e-mail.',
    inputSchema: z.object({ to: z.string(), body: z.string() }),
    execute: () => {
      sent += 1;
      return { sent: true };
    },
  }),
]);

const VALID =
  '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo","date":"2024-01-20"}}],"answer":"${w.temp}"}';
const INVALID = '{"steps":[{"id":"w","tool":"get_wether","args":{"city":"Oslo"}}]}';

describe('createPlanner', () => {
  it('renders a stable prompt: instructions, then the tools; the query is not in it', () => {
    const planner = createPlanner({ model: scriptedModel([]), tools });
    expect(planner.systemPrompt).toMatchSnapshot();
    expect(planner.systemPromptTokens).toBe(countTokens(planner.systemPrompt));
    expect(createPlanner({ model: scriptedModel([]), tools }).systemPrompt).toBe(
      planner.systemPrompt,
    );
  });

  it('asks with the plan JSON Schema, the query last, and returns the validated plan', async () => {
    const model = scriptedModel([VALID]);
    const { plan, attempts } = await createPlanner({ model, tools }).plan('Weather in Oslo?');
    expect(plan.plan.steps.map((step) => step.id)).toEqual(['w']);
    expect(attempts).toEqual([VALID]);
    const call = model.doStreamCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: 'json', name: 'toolplan_plan' });
    expect(call?.responseFormat).toMatchObject({ schema: planJsonSchema() });
    expect(call?.prompt.at(-1)).toEqual({
      role: 'user',
      content: [{ type: 'text', text: 'Weather in Oslo?' }],
    });
  });

  it('takes a plan in the wire form (call-string steps, answer or null), as the canonical form', async () => {
    const wire = `{"steps":["w=get_weather(city='Oslo',date='2024-01-20')"],"answer":null}`;
    const { plan } = await createPlanner({ model: scriptedModel([wire]), tools }).plan('Oslo?');
    expect(plan.plan).toEqual({
      steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Oslo', date: '2024-01-20' } }],
    });
  });

  it('sends a call string that does not parse back with its column, and takes the correction', async () => {
    const broken = '{"steps":["w=get_weather(city=Oslo,date=\'2024-01-20\')"],"answer":null}';
    const model = scriptedModel([broken, VALID]);
    await createPlanner({ model, tools }).plan('Weather in Oslo?');
    const request = JSON.stringify(model.doStreamCalls[1]?.prompt.at(-1));
    expect(request).toContain('steps[0]: At column 20 of the step');
    expect(request).toContain("text goes in quotes: 'Oslo'");
  });

  it('sends an invalid plan back exactly once, with every problem, and takes the correction', async () => {
    const model = scriptedModel([INVALID, VALID]);
    const { attempts } = await createPlanner({ model, tools }).plan('Weather in Oslo?');
    expect(attempts).toEqual([INVALID, VALID]);
    expect(model.doStreamCalls).toHaveLength(2);
    const correction = model.doStreamCalls[1]?.prompt ?? [];
    expect(correction.at(-2)).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: INVALID }],
    });
    const request = JSON.stringify(correction.at(-1));
    expect(request).toContain('Did you mean `get_weather`?');
    expect(request).toContain('steps[0].tool');
  });

  it('gives up after the correction round with a typed error, having run nothing', async () => {
    const model = scriptedModel([
      INVALID,
      '{"steps":[{"id":"e","tool":"send_email","args":{"to":"a@b.c","body":7}}]}',
    ]);
    const before = sent;
    const error = await createPlanner({ model, tools })
      .plan('Mail me')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlanningError);
    expect((error as PlanningError).attempts).toHaveLength(2);
    expect((error as PlanningError).cause).toBeInstanceOf(PlanValidationError);
    expect(model.doStreamCalls).toHaveLength(2);
    expect(sent).toBe(before);
  });

  it('reads a plan out of prose in text mode', async () => {
    const model = scriptedModel([
      `Sure! Here is the plan:\n\`\`\`json\n${VALID}\n\`\`\`\nLet me know.`,
    ]);
    const { plan } = await createPlanner({ model, tools, output: 'text' }).plan('Weather in Oslo?');
    expect(plan.plan.answer).toBe('${w.temp}');
    expect(model.doStreamCalls[0]?.responseFormat).toBeUndefined();
  });

  it('rejects an impossible option eagerly', () => {
    expect(() => createPlanner({ model: scriptedModel([]), tools, maxCorrections: -1 })).toThrow(
      'Expected `maxCorrections` to be an integer ≥ 0, got `-1`',
    );
  });
});
