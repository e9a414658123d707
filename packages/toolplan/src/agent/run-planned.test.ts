import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { runPlanned } from './run-planned.js';
import { scriptedModel } from './scripted-model.test-utils.js';

function weatherTools(calls: string[], failing = new Set<string>()) {
  return createToolRegistry([
    defineTool({
      name: 'get_weather',
      description: 'Weather for a city.',
      inputSchema: z.object({ city: z.string() }),
      readOnly: true,
      reasoningFields: ['temp'],
      execute: ({ city }) => {
        calls.push(city);
        if (failing.has(city)) throw new Error(`${city} is unreachable`);
        return { city, temp: city.length * 5, humidity: 80, raw: 'x'.repeat(50) };
      },
    }),
  ]);
}

describe('runPlanned', () => {
  it('answers from the template with a single model call', async () => {
    const calls: string[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"w","tool":"get_weather","forEach":["Oslo","Rome"],"args":{"city":"$item"}}],"answer":"${w[0].temp} / ${w[1].temp}"}',
    ]);
    const run = await runPlanned({ model, tools: weatherTools(calls), query: 'Oslo and Rome?' });
    expect(run.answer).toBe('20 / 20');
    expect(run.answeredBy).toBe('template');
    expect(model.doStreamCalls).toHaveLength(1);
    expect(calls).toEqual(['Oslo', 'Rome']);
  });

  it('joins with one more call when the plan needs reasoning, sending projected results only', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo"}}],"needsReasoning":true}',
      'Oslo is mild.',
    ]);
    const run = await runPlanned({ model, tools: weatherTools([]), query: 'Is Oslo mild?' });
    expect(run.answer).toBe('Oslo is mild.');
    expect(run.answeredBy).toBe('joiner');
    const joinPrompt = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(joinPrompt).toContain('Is Oslo mild?');
    expect(joinPrompt).toContain('{\\"results\\":{\\"w\\":{\\"temp\\":20}}}');
    expect(joinPrompt).not.toContain('humidity');
  });

  it('replans after a failure, reusing finished results instead of calling again', async () => {
    const calls: string[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"a","tool":"get_weather","args":{"city":"Oslo"}},{"id":"b","tool":"get_weather","args":{"city":"Atlantis"}}],"answer":"${a.temp} ${b.temp}"}',
      '{"steps":[{"id":"c","tool":"get_weather","args":{"city":"Rome"}}],"answer":"${a.temp} ${c.temp}"}',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools(calls, new Set(['Atlantis'])),
      query: 'Oslo and Atlantis?',
    });
    expect(run.answer).toBe('20 20');
    expect(run.plans).toHaveLength(2);
    expect(calls).toEqual(['Oslo', 'Atlantis', 'Rome']); // Oslo was not called again
    const replan = JSON.stringify(model.doStreamCalls[1]?.prompt);
    expect(replan).toContain('Atlantis is unreachable');
    expect(replan).toContain('{\\"a\\":{\\"temp\\":20}}');
  });

  it('stops replanning after maxReplans and explains the failure through the joiner', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"b","tool":"get_weather","args":{"city":"Atlantis"}}],"answer":"${b.temp}"}',
      'Atlantis could not be reached.',
    ]);
    const run = await runPlanned({
      model,
      tools: weatherTools([], new Set(['Atlantis'])),
      query: 'Atlantis?',
      maxReplans: 0,
    });
    expect(run.answeredBy).toBe('joiner');
    expect(run.answer).toBe('Atlantis could not be reached.');
    expect(JSON.stringify(model.doStreamCalls[1]?.prompt)).toContain('errors');
  });
});

describe('replanning and side effects', () => {
  it('never makes the same side-effect call twice across a plan and its replan', async () => {
    const sent: string[] = [];
    const tools = createToolRegistry([
      defineTool({
        name: 'charge',
        description: 'Charges a card (side effect); fails after charging',
        inputSchema: z.object({ amount: z.number() }),
        execute: ({ amount }) => {
          sent.push(String(amount));
          throw new Error('timeout after the charge went through');
        },
      }),
    ]);
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"charge","args":{"amount":20}}],"answer":"${c.ok}"}',
      '{"steps":[{"id":"d","tool":"charge","args":{"amount":20}}],"answer":"${d.ok}"}',
      'The charge could not be confirmed.',
    ]);
    const run = await runPlanned({ model, tools, query: 'Charge 20' });
    expect(sent).toEqual(['20']);
    expect(run.steps.find((step) => step.id === 'd')?.error?.name).toBe('RepeatedSideEffectError');
    expect(run.answeredBy).toBe('joiner');
  });
});
