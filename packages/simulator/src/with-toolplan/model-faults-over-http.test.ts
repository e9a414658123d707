import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createAgent,
  createOpenAICompatibleModel,
  defineTool,
  ModelCallError,
} from 'toolplan/internal';
import { createSimulatedProvider, type FaultRule, type SimulatedProvider } from '../index.js';

// The model layer's retries against real HTTP faults of the simulated provider: a 429 whose
// `retry-after` is honoured, and a refusal (400) that is not retried. The back-off itself is
// tested on a virtual clock (packages/toolplan/src/agent/model-faults.test.ts).

const QUERY = 'What is the weather in Oslo?';
const scripts = {
  scenarios: [
    {
      name: 'oslo',
      query: QUERY,
      plan: {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Oslo' } }],
        answer: 'Oslo: ${w.temp} degrees.',
      },
    },
  ],
};
const tools = [
  defineTool({
    name: 'get_weather',
    description: 'The weather in a city.',
    inputSchema: z.object({ city: z.string() }),
    readOnly: true,
    execute: () => ({ temp: 4 }),
  }),
];

let provider: SimulatedProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function agentAgainst(faults: readonly FaultRule[] | undefined) {
  provider = await createSimulatedProvider({ speed: 1000, scripts, ...(faults ? { faults } : {}) });
  const model = createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' });
  return createAgent({ model, tools, planCache: false, learn: false, predict: false });
}

describe('model faults over HTTP (simulated provider)', () => {
  it('a 429 is retried after its retry-after, and the run answers', async () => {
    const agent = await agentAgainst([
      { fault: { kind: 'rate-limit', retryAfterSeconds: 0 }, times: 1 },
    ]);
    const run = await agent.run(QUERY);
    expect(run.answer).toBe('Oslo: 4 degrees.');
    expect(provider?.stats().requests).toBe(2);
    expect(run.usage.modelRetries).toBe(1);
    expect(run.timeline.modelRetries).toEqual([
      expect.objectContaining({ purpose: 'plan', status: 429, delayMs: 0 }),
    ]);
  });

  it('a query the provider refuses (400) is one request and names the query', async () => {
    const agent = await agentAgainst(undefined);
    const error = (await agent
      .run('Something unscripted?')
      .catch((failure: unknown) => failure)) as ModelCallError;
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error.status).toBe(400);
    expect(error.attempts).toBe(1);
    expect(error.query).toBe('Something unscripted?');
    expect(error.message).not.toContain('cut off');
    expect(provider?.stats().requests).toBe(1);
  });
});
