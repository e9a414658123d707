import { createOpenAI } from '@ai-sdk/openai';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import {
  compareResult,
  HELLO_QUERY,
  testScripts,
  WEATHER_QUERY,
  weatherResult,
} from './simulator.test-utils.js';

// The AI SDK's own tool loop with the model a user gets from `createOpenAI(...)('gpt-4o')`,
// which speaks the Responses API: the scripted model must drive it to the answer over
// `POST /v1/responses`, in as many steps as a real model would (ai-sdk-tool-loop.test.ts is the
// same over Chat Completions).

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

describe('the AI SDK tool loop with createOpenAI (Responses API) against the simulated provider', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts });
  });
  afterAll(() => provider.close());

  const model = () => createOpenAI({ baseURL: provider.url, apiKey: 'x' })('gpt-4o');

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
    // Served as Responses: the ids are the Responses API's.
    expect(stats.log.every((entry) => entry.id?.startsWith('resp_'))).toBe(true);
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
      providerOptions: { openai: { parallelToolCalls: false } },
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
    expect(calls).toEqual(['weather_get:Boston', 'weather_get:NYC', 'compare_temps:2']);
  });

  it('continues a conversation whose earlier answer comes back as an item_reference', async () => {
    const sent: unknown[] = [];
    const recording = createOpenAI({
      baseURL: provider.url,
      apiKey: 'x',
      fetch: (url, init) => {
        sent.push(JSON.parse(String(init?.body)) as unknown);
        return fetch(url, init);
      },
    })('gpt-4o');
    const first = await generateText({ model: recording, prompt: HELLO_QUERY });
    const second = await generateText({
      model: recording,
      messages: [
        { role: 'user', content: HELLO_QUERY },
        ...first.response.messages,
        { role: 'user', content: `Once more: ${HELLO_QUERY}` },
      ],
    });
    expect(second.text).toBe('Hello! How can I help you today?');
    // The AI SDK stores by default and refers to the stored answer instead of resending it.
    expect(JSON.stringify(sent[1])).toMatch(/"type":"item_reference","id":"msg_/);
  });
});
