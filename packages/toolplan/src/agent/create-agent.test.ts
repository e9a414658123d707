import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRulePredictor } from '../runtime/index.js';
import { defineTool, type Tool } from '../tools/index.js';
import { createMemoryTraceStore, defineChain } from '../trace/index.js';
import { createAgent } from './create-agent.js';
import { createPlanCache } from './create-plan-cache.js';
import type { AgentEvent } from './run-optimized.js';
import { scriptedModel } from './scripted-model.test-utils.js';

const TEMPERATURES: Record<string, number> = {
  Boston: 28,
  Oslo: 20,
  Lima: 70,
  Rome: 60,
  Paris: 50,
};

function weatherTool(calls: string[], options: { signals?: AbortSignal[] } = {}): Tool {
  return defineTool({
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: z.object({ city: z.string() }),
    readOnly: true,
    execute: ({ city }: { city: string }, { signal }) => {
      calls.push(city);
      options.signals?.push(signal);
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

describe('createAgent', () => {
  it('plans a query, then answers the same kind from its plan cache once it agreed with the planner', async () => {
    const calls: string[] = [];
    const cities = ['Boston', 'Oslo', 'Rome', 'Paris'];
    const model = scriptedModel(cities.map((city) => planFor(city)));
    const agent = createAgent({ model, tools: [weatherTool(calls)], learn: false });
    const first = await agent.run('Weather in Boston?');
    expect(first).toMatchObject({
      answer: 'Boston: 28°F',
      answeredBy: 'template',
      plan: { steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Boston' } }] },
      results: { w: { city: 'Boston', temp: 28 } },
      usage: { llmCalls: 1 },
    });
    expect(first.timeline.modelCalls).toHaveLength(1);
    expect(first.timeline.toolCalls).toMatchObject([{ stepId: 'w', tool: 'get_weather' }]);
    // In shadow: the planner answers, and the cached plan is only compared with its plan.
    for (const city of cities.slice(1)) {
      const shadowed = await agent.run(`Weather in ${city}?`);
      expect(shadowed).toMatchObject({
        answeredBy: 'template',
        usage: { llmCalls: 1 },
        fallThrough: { planCache: 'shadow' },
      });
    }
    expect(calls).toEqual(cities);
    const promoted = await agent.run('Weather in Lima?');
    expect(promoted).toMatchObject({
      answer: 'Lima: 70°F',
      answeredBy: 'plan-cache',
      usage: { llmCalls: 0 },
    });
    expect(promoted.timeline.modelCalls).toEqual([]);
    expect(model.doStreamCalls).toHaveLength(4);
    expect(agent.stats().planCache).toMatchObject({
      hits: 1,
      shadowHits: 3,
      promotions: 1,
      demotions: 0,
      size: 1,
    });
  });

  it('keeps a cached plan in shadow while the planner disagrees with it', async () => {
    const other =
      '{"steps":[{"id":"w","tool":"get_weather","args":{"city":"Oslo","units":"metric"}}],"answer":"${w.city}: ${w.temp}°F"}';
    const model = scriptedModel([
      planFor('Boston'),
      other,
      planFor('Rome'),
      planFor('Paris'),
      planFor('Lima'),
    ]);
    const agent = createAgent({ model, tools: [weatherTool([])], learn: false });
    await agent.run('Weather in Boston?');
    // The planner writes another plan for Oslo, then the first again for Rome: each time the
    // shape's entry starts over, and two agreements (Paris, Lima) are not yet three.
    await agent.run('Weather in Oslo?');
    await agent.run('Weather in Rome?');
    await agent.run('Weather in Paris?');
    const stillShadow = await agent.run('Weather in Lima?');
    expect(stillShadow).toMatchObject({ answeredBy: 'template', usage: { llmCalls: 1 } });
    expect(agent.stats().planCache).toMatchObject({ hits: 0, shadowHits: 4, promotions: 0 });
  });

  it('with the plan cache off, every query is planned', async () => {
    const model = scriptedModel([planFor('Boston'), planFor('Oslo')]);
    const agent = createAgent({
      model,
      tools: [weatherTool([])],
      planCache: false,
      learn: false,
    });
    await agent.run('Weather in Boston?');
    const second = await agent.run('Weather in Oslo?');
    expect(second.answeredBy).toBe('template');
    expect(model.doStreamCalls).toHaveLength(2);
    expect(agent.stats().planCache).toBeUndefined();
  });

  it('answers from a chain defined in code first, and plans when the chain is stale', async () => {
    const chain = defineChain({
      name: 'weather',
      params: { city: 'string' },
      match: { patterns: ['weather in (?<city>\\w+)\\??'] },
      plan: {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: '$params.city' } }],
        answer: '${w.city}: ${w.temp}°F',
      },
    });
    const calls: string[] = [];
    const fresh = createAgent({
      model: scriptedModel([]),
      tools: [weatherTool(calls)],
      chains: [chain],
    });
    const run = await fresh.run('Weather in Lima?');
    expect(run).toMatchObject({
      answer: 'Lima: 70°F',
      answeredBy: 'chain',
      chainName: 'weather',
      usage: { llmCalls: 0 },
    });
    // The tool the chain calls is gone: the chain is refused and the planner answers.
    const lookUp = defineTool({
      name: 'look_up_weather',
      description: 'Weather for a city',
      inputSchema: z.object({ city: z.string() }),
      readOnly: true,
      execute: ({ city }: { city: string }) => ({ city, temp: TEMPERATURES[city] ?? 0 }),
    }) as Tool;
    const stale = createAgent({
      model: scriptedModel([
        JSON.stringify({
          steps: [{ id: 'w', tool: 'look_up_weather', args: { city: 'Lima' } }],
          answer: '${w.city}: ${w.temp}°F',
        }),
      ]),
      tools: [lookUp],
      chains: [chain],
    });
    const planned = await stale.run('Weather in Lima?');
    expect(planned).toMatchObject({ answer: 'Lima: 70°F', answeredBy: 'template' });
  });

  it('streams plan steps, step starts and ends, the answer and the result, in order', async () => {
    const agent = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools: [weatherTool([])],
    });
    const events: AgentEvent[] = [];
    for await (const event of agent.stream('Weather in Boston?')) events.push(event);
    expect(events.map((event) => event.type)).toEqual([
      'plan-step',
      'step-start',
      'step-end',
      'answer-delta',
      'finish',
    ]);
    expect(events[0]).toMatchObject({
      step: { id: 'w', tool: 'get_weather' },
      index: 0,
      planAttempt: 0,
    });
    expect(events[2]).toMatchObject({
      stepId: 'w',
      status: 'ok',
      planAttempt: 0,
      value: { city: 'Boston', temp: 28 },
    });
    expect(events[3]).toMatchObject({ delta: 'Boston: 28°F' });
    const last = events[4];
    expect(last?.type === 'finish' ? last.result.answer : undefined).toBe('Boston: 28°F');
  });

  it('announces the steps of a streamed plan in the parallel_groups form, which the stream does not deliver, before they start', async () => {
    const groups = JSON.stringify({
      parallel_groups: [
        { group: 1, calls: [{ tool: 'get_weather', args: { city: 'Boston' } }] },
        { group: 2, calls: [{ tool: 'get_weather', args: { city: 'Oslo' } }] },
      ],
    });
    const agent = createAgent({
      model: scriptedModel([groups, 'Boston and Oslo.']),
      tools: [weatherTool([])],
    });
    const events: AgentEvent[] = [];
    for await (const event of agent.stream('Weather in Boston and Oslo?')) events.push(event);
    const announced = events.flatMap((event) =>
      event.type === 'plan-step' ? [`${event.planAttempt}:${event.index}:${event.step.id}`] : [],
    );
    expect(announced).toHaveLength(2);
    const first = events.findIndex((event) => event.type === 'step-start');
    expect(events.slice(0, first).filter((event) => event.type === 'plan-step')).toHaveLength(2);
    expect(announced.every((name) => name.startsWith('0:'))).toBe(true);
  });

  it("numbers the plans of a run: a cached plan that failed, then the planner's", async () => {
    const calls: string[] = [];
    const agent = createAgent({
      model: scriptedModel([planFor('Boston'), planFor('Oslo')]),
      tools: [weatherTool(calls)],
      planCache: createPlanCache({ promoteAfter: 0 }),
      learn: false,
    });
    await agent.run('Weather in Boston?');
    // The cached plan runs for Atlantis, fails (no weather there), and the planner plans anew.
    const events: AgentEvent[] = [];
    for await (const event of agent.stream('Weather in Atlantis?')) events.push(event);
    const steps = events.flatMap((event) =>
      event.type === 'plan-step' || event.type === 'step-end'
        ? [`${event.type}:${event.planAttempt}`]
        : [],
    );
    expect(steps).toEqual(['plan-step:0', 'step-end:0', 'plan-step:1', 'step-end:1']);
    const last = events.at(-1);
    expect(last?.type === 'finish' ? last.result.fallThrough : undefined).toMatchObject({
      planCache: 'failed',
    });
  });

  it('aborts the run when the stream is left early', async () => {
    const signals: AbortSignal[] = [];
    const slow = defineTool({
      name: 'get_weather',
      description: 'Weather for a city',
      inputSchema: z.object({ city: z.string() }),
      readOnly: true,
      execute: (_input: { city: string }, { signal }) =>
        new Promise((_resolve, reject) => {
          signals.push(signal);
          signal.addEventListener('abort', () => reject(signal.reason as Error));
        }),
    }) as Tool;
    const agent = createAgent({ model: scriptedModel([planFor('Boston')]), tools: [slow] });
    for await (const event of agent.stream('Weather in Boston?')) {
      if (event.type === 'step-start') break;
    }
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('speculates the calls its predictors propose, and the plan takes their results', async () => {
    const calls: string[] = [];
    const agent = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools: [weatherTool(calls)],
      predictors: [
        createRulePredictor({
          rules: [
            {
              when: /weather in (\w+)/i,
              propose: ({ match }) => [
                { tool: 'get_weather', args: { city: match?.[1] }, confidence: 0.9 },
              ],
            },
          ],
        }),
      ],
    });
    const run = await agent.run('Weather in Boston?');
    expect(run.answer).toBe('Boston: 28°F');
    expect(calls).toEqual(['Boston']);
    expect(run.speculation).toMatchObject({ started: 1, hits: 1, wasted: 0 });
  });

  it('with predict off, never speculates', async () => {
    const calls: string[] = [];
    const agent = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools: [weatherTool(calls)],
      predict: false,
      predictors: [
        createRulePredictor({
          rules: [
            { propose: () => [{ tool: 'get_weather', args: { city: 'Oslo' }, confidence: 1 }] },
          ],
        }),
      ],
    });
    const run = await agent.run('Weather in Boston?');
    expect(calls).toEqual(['Boston']);
    expect(run.speculation).toBeUndefined();
  });

  it('records every run in its trace store, after answering', async () => {
    const traceStore = createMemoryTraceStore();
    const agent = createAgent({
      model: scriptedModel([planFor('Boston')]),
      tools: [weatherTool([])],
      traceStore,
      planCache: createPlanCache({ promoteAfter: 0 }),
    });
    await agent.run('Weather in Boston?');
    await agent.run('Weather in Oslo?');
    await nextTurn();
    await traceStore.flush();
    const runs = await traceStore.listRuns();
    expect(runs.map((run) => [run.query, run.strategy, run.usage?.llmCalls])).toEqual([
      ['Weather in Oslo?', 'plan-cache', 0],
      ['Weather in Boston?', 'plan', 1],
    ]);
    await traceStore.close();
  });

  it('learns chains from its own runs', async () => {
    const agent = createAgent({
      model: scriptedModel([planFor('Boston'), planFor('Oslo'), planFor('Lima'), planFor('Rome')]),
      tools: [weatherTool([])],
      planCache: false,
      learn: { mineEvery: 2, minSupport: 2, promoteAfter: 2 },
    });
    await agent.run('Weather in Boston?');
    await agent.run('Weather in Oslo?');
    // Mined after two runs, the chain is in shadow: twice more the planner answers and agrees.
    for (const city of ['Lima', 'Rome']) {
      expect(await agent.run(`Weather in ${city}?`)).toMatchObject({
        answeredBy: 'template',
        fallThrough: { chain: 'shadow' },
      });
    }
    const promoted = await agent.run('Weather in Paris?');
    expect(promoted).toMatchObject({ answeredBy: 'chain', answer: 'Paris: 50°F' });
    // Mined again after four runs: the chain keeps its standing (it is known by its shape).
    expect(agent.stats().learner).toMatchObject({ minings: 2, chains: 1, promoted: 1 });
  });

  it('holds a conversation in a session', async () => {
    const agent = createAgent({
      model: scriptedModel([planFor('Boston'), planFor('Oslo')]),
      tools: [weatherTool([])],
    });
    const session = agent.session();
    expect((await session.ask('Weather in Boston?')).answer).toBe('Boston: 28°F');
    expect((await session.ask('And in Oslo?')).answer).toBe('Oslo: 20°F');
    expect(session.turns).toBe(2);
  });

  it('checks its options when it is created', () => {
    expect(() =>
      createAgent({
        model: scriptedModel([]),
        tools: [weatherTool([])],
        learn: { mineEvery: 0 },
      }),
    ).toThrow('Expected `mineEvery` to be a positive integer, got `0`');
  });

  it('reports a failure to record a run through onError, after answering, never by throwing', async () => {
    const errors: unknown[] = [];
    const traceStore = createMemoryTraceStore();
    traceStore.record = () => {
      throw new Error('the trace store is closed');
    };
    const agent = createAgent({
      model: scriptedModel([planFor('Boston'), planFor('Oslo')]),
      tools: [weatherTool([])],
      traceStore,
      planCache: false,
      onError: (error) => errors.push(error),
    });
    expect((await agent.run('Weather in Boston?')).answer).toBe('Boston: 28°F');
    await nextTurn();
    expect(errors).toEqual([new Error('the trace store is closed')]);
    // The next run flushes what is pending first: it still answers.
    expect((await agent.run('Weather in Oslo?')).answer).toBe('Oslo: 20°F');
  });

  it('refuses an onError that is not a function', () => {
    expect(() =>
      createAgent({
        model: scriptedModel([]),
        tools: [weatherTool([])],
        onError: 'log' as unknown as () => void,
      }),
    ).toThrow('Expected `onError` to be a function, got `log`');
  });
});
