import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import {
  compareResult,
  testScripts,
  WEATHER_QUERY,
  weatherResult,
} from './simulator.test-utils.js';

// The baselines the benchmark will run are the AI SDK's own tool loop, unmodified. These tests run
// that loop against the simulated provider end to end: the scripted model must drive it to the
// answer, in as many steps as a real model would.

function weatherTools(calls: string[]) {
  return {
    weather_get: tool({
      description: 'Weather for a city on a date.',
      inputSchema: jsonSchema<{ city: string; date: string }>({
        type: 'object',
        properties: { city: { type: 'string' }, date: { type: 'string' } },
        required: ['city', 'date'],
      }),
      execute: ({ city }) => {
        calls.push(`weather_get:${city}`);
        return weatherResult(city);
      },
    }),
    compare_temps: tool({
      description: 'Compares temperatures.',
      inputSchema: jsonSchema<{ results: unknown[] }>({
        type: 'object',
        properties: { results: { type: 'array' } },
        required: ['results'],
      }),
      execute: ({ results }) => {
        calls.push(`compare_temps:${results.length}`);
        return compareResult;
      },
    }),
  };
}

describe('the AI SDK tool loop against the simulated provider', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts });
  });
  afterAll(() => provider.close());

  const model = () =>
    createOpenAICompatible({
      baseURL: provider.url,
      name: 'simulated',
      apiKey: 'test-key',
      includeUsage: true,
    }).chatModel('gpt-4o');

  it('with parallel tool calls: three steps (two calls at once, one, the answer)', async () => {
    provider.resetStats();
    const calls: string[] = [];
    const result = await generateText({
      model: model(),
      prompt: WEATHER_QUERY,
      tools: weatherTools(calls),
      stopWhen: stepCountIs(10),
    });
    expect(result.text).toBe('Warmer: NYC (7 degrees)');
    expect(result.steps).toHaveLength(3);
    expect(result.steps.map((step) => step.toolCalls.length)).toEqual([2, 1, 0]);
    expect(calls).toEqual(['weather_get:Boston', 'weather_get:NYC', 'compare_temps:2']);
    const stats = provider.stats();
    expect(stats.requests).toBe(3);
    expect(result.totalUsage.inputTokens).toBe(stats.promptTokens);
    expect(result.totalUsage.outputTokens).toBe(stats.completionTokens);
  });

  it('with parallel_tool_calls: false: one call per step, four steps', async () => {
    const calls: string[] = [];
    const result = await generateText({
      model: model(),
      prompt: WEATHER_QUERY,
      tools: weatherTools(calls),
      stopWhen: stepCountIs(10),
      providerOptions: { simulated: { parallel_tool_calls: false } },
    });
    expect(result.text).toBe('Warmer: NYC (7 degrees)');
    expect(result.steps.map((step) => step.toolCalls.length)).toEqual([1, 1, 1, 0]);
    expect(calls).toEqual(['weather_get:Boston', 'weather_get:NYC', 'compare_temps:2']);
  });

  it('streams the same loop with streamText', async () => {
    const calls: string[] = [];
    const result = streamText({
      model: model(),
      prompt: WEATHER_QUERY,
      tools: weatherTools(calls),
      stopWhen: stepCountIs(10),
    });
    expect(await result.text).toBe('Warmer: NYC (7 degrees)');
    expect(await result.steps).toHaveLength(3);
    expect((await result.totalUsage).outputTokens).toBeGreaterThan(0);
  });
});
