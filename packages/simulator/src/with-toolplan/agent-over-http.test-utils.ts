import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAgent,
  createSession,
  defineTool,
  meterModel,
  runPlanned,
  type AgentEvent,
  type SupportedLanguageModel,
  type Tool,
} from 'toolplan/internal';
import { createSimulatedProvider, type SimulatedProvider } from '../index.js';

// One body of tests for a real AI SDK provider package of each line — `@ai-sdk/openai-compatible`
// 2 (ai@6, LanguageModelV3) and 3 (ai@7, LanguageModelV4) — pointed at the simulated provider over
// HTTP: the same queries, the same answers, and usage that matches what the server counted.

const WEATHER = 'Compare the weather in Boston and NYC on 2024-01-20.';
const WARMER = 'Which of Boston and NYC was warmer on 2024-01-20, and by how much?';
const FOLLOW_UP = 'And how warm was it in Boston that day?';
const STEPS = [
  { id: 'bos', tool: 'get_weather', args: { city: 'Boston', date: '2024-01-20' } },
  { id: 'nyc', tool: 'get_weather', args: { city: 'NYC', date: '2024-01-20' } },
  { id: 'cmp', tool: 'compare_temps', args: { results: ['$bos', '$nyc'] } },
];

const scripts = {
  scenarios: [
    {
      name: 'template',
      query: WEATHER,
      plan: { steps: STEPS, answer: 'Warmer: ${cmp.warmer} (${cmp.diff} degrees)' },
    },
    // No answer template: the joiner writes the answer from the results.
    {
      name: 'join',
      query: WARMER,
      plan: { steps: STEPS },
      joinAnswer: '${cmp.warmer} was warmer, by ${cmp.diff} degrees.',
    },
    {
      name: 'follow-up',
      query: FOLLOW_UP,
      plan: {
        steps: [{ id: 'b', tool: 'get_weather', args: { city: 'Boston', date: '2024-01-20' } }],
        answer: 'Boston: ${b.temp} degrees.',
      },
    },
  ],
};

function weatherTools(): Tool[] {
  const temps: Record<string, number> = { Boston: 31, NYC: 36 };
  return [
    defineTool({
      name: 'get_weather',
      description: 'The weather in a city on a date.',
      inputSchema: z.object({ city: z.string(), date: z.string() }),
      readOnly: true,
      execute: ({ city }) => ({ city, temp: temps[city] ?? 0 }),
    }),
    defineTool({
      name: 'compare_temps',
      description: 'Which of two weather results is warmer, and by how much.',
      inputSchema: z.object({ results: z.array(z.object({ city: z.string(), temp: z.number() })) }),
      readOnly: true,
      execute: ({ results }) => {
        const [a, b] = results;
        if (a === undefined || b === undefined) throw new Error('two results are needed');
        const warmer = a.temp >= b.temp ? a : b;
        return { warmer: warmer.city, diff: Math.abs(a.temp - b.temp) };
      },
    }),
  ];
}

export interface AgentOverHttpOptions {
  /** What the tests are named after: the provider package and its specification. */
  label: string;
  /** The specification the provider package's models implement. */
  specification: 'v3' | 'v4';
  /** The provider package's chat model for the simulated provider at `baseURL`. */
  model: (baseURL: string) => SupportedLanguageModel;
}

export function describeAgentOverHttp({ label, specification, model }: AgentOverHttpOptions): void {
  describe(`toolplan with ${label}, against the simulated provider over HTTP`, () => {
    let provider: SimulatedProvider;
    beforeAll(async () => {
      provider = await createSimulatedProvider({ speed: 1000, scripts });
    });
    beforeEach(() => provider.resetStats());
    afterAll(() => provider.close());

    /** The server's own count of what this test's requests cost, as toolplan reports usage. */
    const served = () => {
      const stats = provider.stats();
      return {
        llmCalls: stats.requests,
        inputTokens: stats.promptTokens,
        cachedInputTokens: stats.cachedTokens,
        outputTokens: stats.completionTokens,
        // Nothing failed against the simulator: no retry, no time-out.
        modelRetries: 0,
        modelTimeouts: 0,
      };
    };

    it(`is given a model of specification ${specification}, as the package makes it`, () => {
      expect(model(provider.url).specificationVersion).toBe(specification);
    });

    it('createAgent plans in one call and answers from the template', async () => {
      const agent = createAgent({ model: model(provider.url), tools: weatherTools() });
      const run = await agent.run(WEATHER);
      expect(run.answer).toBe('Warmer: NYC (5 degrees)');
      expect(run.answeredBy).toBe('template');
      expect(run.steps.map((step) => [step.id, step.status])).toEqual([
        ['bos', 'ok'],
        ['nyc', 'ok'],
        ['cmp', 'ok'],
      ]);
      expect(provider.stats().byMode.plan).toBe(1);
      expect(run.usage).toEqual(served());
      expect(run.usage.inputTokens).toBeGreaterThan(0);
      expect(run.usage.outputTokens).toBeGreaterThan(0);
    });

    it('agent.stream yields the plan’s steps as they stream in, then the answer', async () => {
      const agent = createAgent({ model: model(provider.url), tools: weatherTools() });
      const events: AgentEvent[] = [];
      for await (const event of agent.stream(WEATHER)) events.push(event);
      const planSteps = events.filter((event) => event.type === 'plan-step');
      expect(planSteps.map((event) => event.step.id)).toEqual(['bos', 'nyc', 'cmp']);
      const finish = events.at(-1);
      expect(finish?.type).toBe('finish');
      expect(finish?.type === 'finish' && finish.result.answer).toBe('Warmer: NYC (5 degrees)');
    });

    it('runPlanned joins the results with a second, streamed call', async () => {
      const meter = meterModel(model(provider.url));
      const deltas: string[] = [];
      const run = await runPlanned({
        model: meter.model,
        tools: weatherTools(),
        query: WARMER,
        onAnswerDelta: (delta) => deltas.push(delta),
      });
      expect(run.answer).toBe('NYC was warmer, by 5 degrees.');
      expect(run.answeredBy).toBe('joiner');
      expect(deltas.join('')).toBe(run.answer);
      expect(provider.stats().byMode).toMatchObject({ plan: 1, join: 1 });
      expect(meter.totals()).toEqual(served());
      for (const call of meter.calls()) {
        expect(call.error).toBeUndefined();
        expect(call.firstTokenMs).toBeGreaterThanOrEqual(call.startMs);
      }
    });

    it('createSession answers a follow-up from the same tools', async () => {
      const meter = meterModel(model(provider.url));
      const session = createSession({ model: meter.model, tools: weatherTools() });
      const first = await session.ask(WEATHER);
      const second = await session.ask(FOLLOW_UP);
      expect([first.answer, second.answer]).toEqual([
        'Warmer: NYC (5 degrees)',
        'Boston: 31 degrees.',
      ]);
      expect(second.turn).toBe(2);
      expect(meter.totals()).toEqual(served());
    });
  });
}
