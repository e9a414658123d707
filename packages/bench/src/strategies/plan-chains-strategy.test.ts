import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createToolRegistry, defineTool, type Tool } from 'toolplan/internal';
import { createPlanChainsStrategy } from './plan-chains-strategy.js';
import { scriptedModel } from '../../../toolplan/src/agent/scripted-model.test-utils.js';

const TEMPERATURES: Record<string, number> = { Boston: 28, Oslo: 20, Lima: 70, Perth: 85 };

function weatherTool(calls: string[]): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: z.object({ city: z.string() }),
    readOnly: true,
    execute: ({ city }: { city: string }) => {
      calls.push(city);
      const temp = TEMPERATURES[city];
      if (temp === undefined) throw new Error(`No weather for ${city}`);
      return { city, temp };
    },
  }) as Tool;
}

const planFor = (city: string) =>
  JSON.stringify({
    steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
    answer: '${w.city}: ${w.temp}°F',
  });

/** Runs queries one after another through one learning instance, counting model calls. */
async function serve(options: {
  queries: string[];
  replies: string[];
  mineEvery?: number;
  promoteAfter?: number;
}) {
  const calls: string[] = [];
  const tools = createToolRegistry([weatherTool(calls)]);
  const model = scriptedModel(options.replies);
  const strategy = createPlanChainsStrategy({
    ...(options.mineEvery === undefined ? {} : { mineEvery: options.mineEvery }),
    minSupport: 2,
    // Routing is tested here with learned plans answering at once; promotion has its own test.
    promoteAfter: options.promoteAfter ?? 0,
  }).fresh?.();
  if (strategy === undefined) throw new Error('plan+chains has no fresh()');
  const answers = [];
  for (const query of options.queries) {
    const before = model.doStreamCalls.length;
    const result = await strategy.run({ query, tools, model: () => model });
    answers.push({
      answer: result.answer,
      answeredBy: result.answeredBy,
      modelCalls: model.doStreamCalls.length - before,
    });
  }
  return { answers, calls };
}

describe('plan+chains strategy', () => {
  it('plans a new kind of query once, then answers its kind from the plan cache with no model call', async () => {
    const { answers, calls } = await serve({
      queries: ['Weather in Boston?', 'Weather in Oslo?', 'Weather in Lima?'],
      replies: [planFor('Boston')],
      mineEvery: 100,
    });
    expect(answers).toEqual([
      { answer: 'Boston: 28°F', answeredBy: 'template', modelCalls: 1 },
      { answer: 'Oslo: 20°F', answeredBy: 'plan-cache', modelCalls: 0 },
      { answer: 'Lima: 70°F', answeredBy: 'plan-cache', modelCalls: 0 },
    ]);
    expect(calls).toEqual(['Boston', 'Oslo', 'Lima']);
  });

  it('mines its own traces into chains, which then answer first', async () => {
    const { answers } = await serve({
      queries: ['Weather in Boston?', 'Weather in Oslo?', 'Weather in Lima?', 'Weather in Perth?'],
      replies: [planFor('Boston')],
      mineEvery: 2,
    });
    expect(answers.map((answer) => answer.answeredBy)).toEqual([
      'template',
      'plan-cache',
      'chain',
      'chain',
    ]);
    expect(answers.map((answer) => answer.modelCalls)).toEqual([1, 0, 0, 0]);
    expect(answers[3]?.answer).toBe('Perth: 85°F');
  });

  it('a known plan that fails falls through to the planner, and a novel query is planned', async () => {
    const { answers, calls } = await serve({
      queries: ['Weather in Boston?', 'Weather in Atlantis?', 'Is it warm in Lima today?'],
      replies: [
        planFor('Boston'),
        // The planner, asked again after the cached plan failed, cannot do better; then Lima.
        planFor('Atlantis'),
        JSON.stringify({ steps: [], answer: 'No tool needed.' }),
        planFor('Lima'),
      ],
      mineEvery: 100,
    });
    expect(answers[0]?.answeredBy).toBe('template');
    // Atlantis: the cached plan ran and failed, was evicted, and the planner was asked.
    expect(answers[1]?.modelCalls).toBeGreaterThanOrEqual(1);
    expect(calls.filter((city) => city === 'Atlantis').length).toBeGreaterThanOrEqual(2);
    expect(answers[2]).toMatchObject({ answer: 'Lima: 70°F', modelCalls: 1 });
  });

  it('by default answers from a learned plan only after it agreed with the planner three times', async () => {
    const cities = ['Boston', 'Oslo', 'Lima', 'Perth'];
    const { answers } = await serve({
      queries: [...cities, 'Boston'].map((city) => `Weather in ${city}?`),
      replies: cities.map((city) => planFor(city)),
      mineEvery: 100,
      promoteAfter: 3,
    });
    expect(answers.map((answer) => [answer.answeredBy, answer.modelCalls])).toEqual([
      ['template', 1],
      ['template', 1],
      ['template', 1],
      ['template', 1],
      ['plan-cache', 0],
    ]);
  });

  it('every fresh instance starts without what another learned', async () => {
    const first = await serve({ queries: ['Weather in Boston?'], replies: [planFor('Boston')] });
    const second = await serve({ queries: ['Weather in Oslo?'], replies: [planFor('Oslo')] });
    expect(first.answers[0]?.modelCalls).toBe(1);
    expect(second.answers[0]?.modelCalls).toBe(1);
  });

  it('rejects a bad option eagerly', () => {
    expect(() => createPlanChainsStrategy({ mineEvery: 0 })).toThrow(
      'Expected `mineEvery` to be a positive integer, got `0`',
    );
  });
});
