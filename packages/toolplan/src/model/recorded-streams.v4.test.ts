import { createOpenAICompatible as createV3Provider } from '@ai-sdk/openai-compatible';
import { createOpenAICompatible as createV4Provider } from '@ai-sdk/openai-compatible-v3';
import type {
  LanguageModelV3,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterModel } from './meter-model.js';
import { ModelCallError } from './model-call-error.js';
import {
  chatCompletionEvents,
  chunkLines,
  readRecording,
  sseEvents,
  startReplayServer,
  type ReplayServer,
} from './replay-server.test-utils.js';
import { streamModelText } from './stream-model-text.js';
import { toLanguageModelV3 } from './to-language-model-v3.js';

// The model layer with ai@7's `@ai-sdk/openai-compatible` 3 (LanguageModelV4), against the same
// recorded provider streams as recorded-streams.contract.test.ts: each recording is read by the V3
// provider (`@ai-sdk/openai-compatible` 2) and by the V4 one through `toLanguageModelV3`, and
// toolplan must see the same parts from both. Runs in CI's Node 22 leg (vitest.node22.config.ts).

const CHAT_PATH = '/v1/chat/completions';
const PROMPT: LanguageModelV3Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Replay the recording.' }] },
];
const RECORDINGS = [
  'openai-gpt-4o-parallel-tool-calls.sse',
  'openai-text.chunks.txt',
  'xai-text.chunks.txt',
  'xai-tool-call.chunks.txt',
];

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

const settings = () => ({
  baseURL: `${server.origin}/v1`,
  name: 'recorded',
  apiKey: 'test-key',
  includeUsage: true,
});
const v3Model = () => createV3Provider(settings()).chatModel('recorded');
const v4Model = () => createV4Provider(settings()).chatModel('recorded');

const eventsOf = (file: string) =>
  file.endsWith('.sse')
    ? sseEvents(readRecording(file))
    : chatCompletionEvents(chunkLines(readRecording(file)));

async function streamParts(model: LanguageModelV3): Promise<LanguageModelV3StreamPart[]> {
  const { stream } = await model.doStream({ prompt: PROMPT });
  const parts: LanguageModelV3StreamPart[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

describe('a LanguageModelV4 (@ai-sdk/openai-compatible 3) through toLanguageModelV3', () => {
  it('is a V3 model under the provider’s own names', () => {
    expect(v4Model().specificationVersion).toBe('v4');
    const model = toLanguageModelV3(v4Model());
    expect(model.specificationVersion).toBe('v3');
    expect([model.provider, model.modelId]).toEqual(['recorded.chat', 'recorded']);
  });

  for (const file of RECORDINGS) {
    it(`streams ${file} as the V3 provider does: text, reasoning, tool calls, finish, usage`, async () => {
      server.enqueue(CHAT_PATH, { events: eventsOf(file) });
      const fromV3 = await streamParts(v3Model());
      server.enqueue(CHAT_PATH, { events: eventsOf(file) });
      const fromV4 = await streamParts(toLanguageModelV3(v4Model()));
      expect(fromV4).toEqual(fromV3);
      expect(fromV4.at(-1)?.type).toBe('finish');
    });
  }

  it('streamModelText and the meter read the same text and usage', async () => {
    const file = 'xai-tool-call.chunks.txt';
    const results = [];
    for (const model of [v3Model(), v4Model()]) {
      const meter = meterModel(model);
      server.enqueue(CHAT_PATH, { events: eventsOf('openai-text.chunks.txt') });
      const text = await streamModelText({ model: meter.model, prompt: PROMPT, purpose: 'answer' });
      server.enqueue(CHAT_PATH, { events: eventsOf(file) });
      await streamModelText({ model: meter.model, prompt: PROMPT, purpose: 'plan' });
      results.push({ text, totals: meter.totals(), kinds: meter.calls().map((call) => call.kind) });
    }
    const [fromV3, fromV4] = results;
    expect(fromV4).toEqual(fromV3);
    expect(fromV4?.text.text.length).toBeGreaterThan(1000);
    expect(fromV4?.totals).toEqual({
      llmCalls: 2,
      inputTokens: 16 + 307,
      cachedInputTokens: 306,
      outputTokens: expect.any(Number) as number,
      modelRetries: 0,
      modelTimeouts: 0,
    });
  });

  it('sends the same request body as the V3 provider', async () => {
    const bodies = [];
    for (const model of [v3Model(), toLanguageModelV3(v4Model())]) {
      server.enqueue(CHAT_PATH, { events: eventsOf('openai-text.chunks.txt') });
      await streamParts(model);
      bodies.push(server.requests.at(-1)?.body);
    }
    expect(bodies[1]).toEqual(bodies[0]);
  });

  it('a cut stream fails the call with the text so far, and the meter records the error', async () => {
    const file = 'openai-text.chunks.txt';
    const meter = meterModel(v4Model());
    server.enqueue(CHAT_PATH, { events: eventsOf(file), cutAfter: 10 });
    const deltas: string[] = [];
    const error = await streamModelText({
      model: meter.model,
      prompt: PROMPT,
      purpose: 'plan',
      onTextDelta: (delta) => deltas.push(delta),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).partialText).toBe('**Holiday Name:** Harmony Day\n\n**Date');
    expect(deltas.join('')).toBe((error as ModelCallError).partialText);
    expect(meter.calls()[0]?.error).toBe((error as ModelCallError).cause);
  });
});
