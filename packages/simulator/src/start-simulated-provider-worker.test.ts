import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, jsonSchema, stepCountIs, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { createSimulatedProvider } from './create-simulated-provider.js';
import {
  compareResult,
  HELLO_QUERY,
  longSystemPrompt,
  rejectionOf,
  testScripts,
  WEATHER_QUERY,
  weatherResult,
} from './simulator.test-utils.js';
import { ScriptBookError, SimulatorOptionsError } from './simulator-errors.js';
import type { SimulatorStats } from './simulator-stats.js';
import { SimulatorWorkerError } from './simulator-worker-error.js';
import { startSimulatedProviderWorker } from './start-simulated-provider-worker.js';

const weatherTools = {
  weather_get: tool({
    description: 'Weather for a city on a date.',
    inputSchema: jsonSchema<{ city: string; date: string }>({
      type: 'object',
      properties: { city: { type: 'string' }, date: { type: 'string' } },
      required: ['city', 'date'],
    }),
    execute: ({ city }) => weatherResult(city),
  }),
  compare_temps: tool({
    description: 'Compares temperatures.',
    inputSchema: jsonSchema<{ results: unknown[] }>({
      type: 'object',
      properties: { results: { type: 'array' } },
      required: ['results'],
    }),
    execute: () => compareResult,
  }),
};

/** The AI SDK's tool loop over the weather query, and what the provider logged of it. */
async function weatherLoop(provider: {
  url: string;
  stats(): SimulatorStats | Promise<SimulatorStats>;
}) {
  const model = createOpenAICompatible({
    baseURL: provider.url,
    name: 'simulated',
    apiKey: 'test-key',
    includeUsage: true,
  }).chatModel('gpt-4o');
  const result = await generateText({
    model,
    prompt: WEATHER_QUERY,
    tools: weatherTools,
    stopWhen: stepCountIs(10),
  });
  return {
    text: result.text,
    usage: result.totalUsage,
    responseIds: result.steps.map((step) => step.response.id),
    // Lateness is real time (how late the host let the events out), not a seeded draw.
    log: (await provider.stats()).log.map(({ latenessMs, ...seeded }) => {
      expect(latenessMs).toBeGreaterThanOrEqual(0);
      return seeded;
    }),
  };
}

async function postHello(url: string, system: string) {
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: HELLO_QUERY },
      ],
    }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    usage: { prompt_tokens_details: { cached_tokens: number } };
  };
  return body.usage.prompt_tokens_details.cached_tokens;
}

// A worker thread loads the simulator and toolplan before it listens: seconds on a busy 2-core
// machine, which vitest's default 5 s does not always cover. Behaviour, not speed, is tested here.
describe('startSimulatedProviderWorker', { timeout: 30_000 }, () => {
  it('answers the AI SDK exactly as the in-process provider does for the same seed', async () => {
    const options = { speed: 1000, seed: 3, scripts: testScripts };
    const inProcess = await createSimulatedProvider(options);
    const expected = await weatherLoop(inProcess).finally(() => inProcess.close());
    const worker = await startSimulatedProviderWorker(options);
    try {
      expect(worker.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect(worker.profile.name).toBe('gpt-4o');
      const actual = await weatherLoop(worker);
      expect(actual.text).toBe('Warmer: NYC (7 degrees)');
      expect(actual.log).toHaveLength(3);
      expect(actual).toEqual(expected);
    } finally {
      await worker.close();
    }
  });

  it('clears its prompt cache and restarts its draws when asked', async () => {
    const worker = await startSimulatedProviderWorker({ speed: 1000, scripts: testScripts });
    try {
      const system = longSystemPrompt('worker-cache');
      expect(await postHello(worker.url, system)).toBe(0);
      expect(await postHello(worker.url, system)).toBeGreaterThan(0);
      await worker.clearPromptCache();
      expect(await postHello(worker.url, system)).toBe(0);

      await worker.resetStats();
      await worker.clearPromptCache();
      await worker.restartDraws();
      await postHello(worker.url, system);
      await worker.clearPromptCache();
      await postHello(worker.url, system);
      await worker.clearPromptCache();
      await worker.restartDraws();
      await postHello(worker.url, system);
      const ttfts = (await worker.stats()).log.map((entry) => entry.timeToFirstTokenMs);
      expect(ttfts).toHaveLength(3);
      // A repeated request is a new draw; after the restart it meets the first draw again.
      expect(ttfts[1]).not.toBe(ttfts[0]);
      expect(ttfts[2]).toBe(ttfts[0]);
    } finally {
      await worker.close();
    }
  });

  it('ends its thread on close(): the port is shut and further requests are refused', async () => {
    const worker = await startSimulatedProviderWorker({ scripts: testScripts });
    await Promise.all([worker.close(), worker.close()]);
    await expect(fetch(`${worker.url}/models`)).rejects.toThrow();
    const refused = await rejectionOf(worker.restartDraws());
    expect(refused).toBeInstanceOf(SimulatorWorkerError);
    // Only the thread's exit event produces this: the worker is gone, not merely idle.
    expect((refused as Error).message).toMatch(/has exited/);
  });

  it('rejects a bad option with the error createSimulatedProvider would throw', async () => {
    const badSpeed = await rejectionOf(startSimulatedProviderWorker({ speed: 0 }));
    expect(badSpeed).toBeInstanceOf(SimulatorOptionsError);
    expect(badSpeed).toMatchObject({
      option: 'speed',
      message: 'Expected `speed` to be a positive number, got `0`',
    });
    const badBook = await rejectionOf(
      startSimulatedProviderWorker({
        scripts: { scenarios: [{ name: 'a', query: '' }] },
      }),
    );
    expect(badBook).toBeInstanceOf(ScriptBookError);
    expect((badBook as ScriptBookError).problems.length).toBeGreaterThan(0);
  });

  it('refuses options that cannot cross into a thread, naming them', async () => {
    const clock = await rejectionOf(
      startSimulatedProviderWorker({ clock: performance } as unknown as { speed: number }),
    );
    expect(clock).toMatchObject({ name: 'SimulatorOptionsError', option: 'clock' });
    const fault = await rejectionOf(
      startSimulatedProviderWorker({
        faults: [{ fault: { kind: 'server-error' }, times: 1, skip: () => 0 }],
      } as unknown as { speed: number }),
    );
    expect(fault).toMatchObject({ name: 'SimulatorOptionsError', option: 'faults' });
    expect((fault as Error).message).toMatch(/^Expected `faults` to be plain data/);
  });

  it('reports a failure to listen as a SimulatorWorkerError with the cause', async () => {
    const taken = await createSimulatedProvider({});
    try {
      const error = await rejectionOf(startSimulatedProviderWorker({ port: taken.port }));
      expect(error).toBeInstanceOf(SimulatorWorkerError);
      expect(error).toMatchObject({ during: 'start' });
      expect((error as Error).message).toMatch(/could not start: .*EADDRINUSE/);
    } finally {
      await taken.close();
    }
  });
});
