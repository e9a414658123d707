import { createAnthropic } from '@ai-sdk/anthropic';
import type {
  LanguageModelV3,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { APICallError, stepCountIs, streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPlanner } from '../agent/create-planner.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { createOpenAICompatibleModel } from './create-openai-compatible-model.js';
import { meterModel } from './meter-model.js';
import { ModelCallError } from './model-call-error.js';
import { PLANNER_PROMPT_TAG } from './planner-prompt.js';
import {
  anthropicEvents,
  chatCompletionEvents,
  chunkLines,
  readRecording,
  sseEvents,
  startReplayServer,
  type ReplayServer,
} from './replay-server.test-utils.js';
import { streamModelText } from './stream-model-text.js';
import { toAiSdkTools } from './to-ai-sdk-tools.js';

// The model layer against real providers' recorded streams (data/provider-streams/ in this repository),
// replayed over real HTTP: what toolplan does with a live provider it must do with these. The
// expected values are read out of the recordings themselves (fragments joined, usage as sent),
// independently of the provider packages that parse them.

const CHAT_PATH = '/v1/chat/completions';
const MESSAGES_PATH = '/v1/messages';
const PROMPT: LanguageModelV3Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Replay the recording.' }] },
];

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

const openAICompatible = () =>
  createOpenAICompatibleModel({
    baseURL: `${server.origin}/v1`,
    modelId: 'recorded',
    apiKey: 'test-key',
  });
const anthropic = () =>
  createAnthropic({ baseURL: `${server.origin}/v1`, apiKey: 'test-key' })('claude-sonnet-4-5');

/** Every part of one `doStream` call, in order. */
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

function partsOf<T extends LanguageModelV3StreamPart['type']>(
  parts: readonly LanguageModelV3StreamPart[],
  type: T,
): Array<Extract<LanguageModelV3StreamPart, { type: T }>> {
  return parts.filter((part): part is Extract<LanguageModelV3StreamPart, { type: T }> => {
    return part.type === type;
  });
}

const joinDeltas = (parts: readonly LanguageModelV3StreamPart[], type: 'text' | 'reasoning') =>
  parts
    .map((part) => (part.type === `${type}-delta` && 'delta' in part ? part.delta : ''))
    .join('');

function finishOf(parts: readonly LanguageModelV3StreamPart[]) {
  const finishes = partsOf(parts, 'finish');
  expect(finishes).toHaveLength(1);
  return finishes[0] as (typeof finishes)[number];
}

// --- What the recordings say, read without the providers -------------------------------------

interface ChatChunk {
  choices: Array<{
    delta?: {
      content?: string | null;
      reasoning_content?: string;
      tool_calls?: Array<{
        index: number;
        id?: string;
        function?: { name?: string; arguments?: string };
      }>;
    };
  }>;
}

/** The Chat Completions chunks of a recording (`.sse`: its `data:` lines, `[DONE]` left out). */
function chatChunks(file: string): ChatChunk[] {
  const text = readRecording(file);
  const lines = file.endsWith('.sse')
    ? sseEvents(text)
        .map((event) => event.replace(/^data: /, '').trim())
        .filter((data) => data !== '[DONE]')
    : chunkLines(text);
  return lines.map((line) => JSON.parse(line) as ChatChunk);
}

const recordedContent = (chunks: readonly ChatChunk[], field: 'content' | 'reasoning_content') =>
  chunks.map((chunk) => chunk.choices[0]?.delta?.[field] ?? '').join('');

/** The tool calls of a recording, each one's argument fragments joined in order. */
function recordedToolCalls(chunks: readonly ChatChunk[]) {
  const calls: Array<{ toolCallId: string; toolName: string; input: string; fragments: number }> =
    [];
  for (const chunk of chunks) {
    for (const delta of chunk.choices[0]?.delta?.tool_calls ?? []) {
      if (delta.id !== undefined) {
        calls[delta.index] = {
          toolCallId: delta.id,
          toolName: delta.function?.name ?? '',
          input: '',
          fragments: 0,
        };
      }
      const call = calls[delta.index];
      const fragment = delta.function?.arguments ?? '';
      if (call === undefined || fragment === '') continue;
      call.input += fragment;
      call.fragments += 1;
    }
  }
  return calls;
}

interface AnthropicEvent {
  type: string;
  index?: number;
  content_block?: { type: string };
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
}

const anthropicRecording = (file: string) =>
  chunkLines(readRecording(file)).map((line) => JSON.parse(line) as AnthropicEvent);

// --- The tools the recorded models were calling ----------------------------------------------

interface Executed {
  tool: string;
  input: unknown;
}

function recordedTools(executed: Executed[]) {
  return createToolRegistry([
    defineTool({
      name: 'GetWeatherArgs',
      description: 'The weather in a city.',
      inputSchema: z.object({
        city: z.string(),
        country: z.string(),
        units: z.enum(['c', 'f']),
      }),
      readOnly: true,
      execute: (input) => {
        executed.push({ tool: 'GetWeatherArgs', input });
        return { temperature: 11, units: input.units };
      },
    }),
    defineTool({
      name: 'get_stock_price',
      description: 'The price of a stock.',
      inputSchema: z.object({ ticker: z.string(), exchange: z.string() }),
      readOnly: true,
      execute: (input) => {
        executed.push({ tool: 'get_stock_price', input });
        return { price: 227.5 };
      },
    }),
    defineTool({
      name: 'updateIssueList',
      description: 'Updates the issue list.',
      inputSchema: z.object({}),
      execute: (input) => {
        executed.push({ tool: 'updateIssueList', input });
        return { updated: true };
      },
    }),
  ]);
}

// ---------------------------------------------------------------------------------------------

describe('OpenAI gpt-4o, two parallel tool calls (raw .sse, argument fragments)', () => {
  const FILE = 'openai-gpt-4o-parallel-tool-calls.sse';
  const replay = () => server.enqueue(CHAT_PATH, { events: sseEvents(readRecording(FILE)) });

  it('is replayed byte for byte, [DONE] included as recorded', () => {
    const text = readRecording(FILE);
    expect(sseEvents(text).join('')).toBe(text);
    expect(sseEvents(text).at(-1)).toBe('data: [DONE]\n\n');
  });

  it('doStream yields both calls whole, finishes with tool-calls, and the meter counts it', async () => {
    const meter = meterModel(openAICompatible());
    replay();
    const parts = await streamParts(meter.model);

    const recorded = recordedToolCalls(chatChunks(FILE));
    expect(recorded.map((call) => call.fragments)).toEqual([11, 9]);
    expect(partsOf(parts, 'tool-call')).toEqual(
      recorded.map(({ toolCallId, toolName, input }) => ({
        type: 'tool-call',
        toolCallId,
        toolName,
        input,
      })),
    );
    expect(partsOf(parts, 'tool-call').map((call) => JSON.parse(call.input) as unknown)).toEqual([
      { city: 'Edinburgh', country: 'GB', units: 'c' },
      { ticker: 'AAPL', exchange: 'NASDAQ' },
    ]);
    // The arguments stream as they arrived, fragment by fragment.
    for (const call of recorded) {
      const deltas = partsOf(parts, 'tool-input-delta').filter((d) => d.id === call.toolCallId);
      expect(deltas).toHaveLength(call.fragments);
      expect(deltas.map((delta) => delta.delta).join('')).toBe(call.input);
    }
    expect(partsOf(parts, 'text-delta')).toEqual([]);

    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(finish.usage.inputTokens).toMatchObject({ total: 149, noCache: 149, cacheRead: 0 });
    expect(finish.usage.outputTokens).toMatchObject({ total: 60, reasoning: 0 });
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 149,
      cachedInputTokens: 0,
      outputTokens: 60,
      modelRetries: 0,
      modelTimeouts: 0,
    });
    const [call] = meter.calls();
    expect(call?.error).toBeUndefined();
    expect(call?.firstTokenMs).toBeGreaterThanOrEqual(call?.startMs ?? Infinity);
    expect(call?.endMs).toBeGreaterThanOrEqual(call?.firstTokenMs ?? Infinity);

    const request = server.requests.at(-1);
    expect(request).toMatchObject({
      method: 'POST',
      path: CHAT_PATH,
      body: { model: 'recorded', stream: true, stream_options: { include_usage: true } },
    });
  });

  it("streamText runs the registry's tools with the recorded arguments", async () => {
    // `generateText` calls `doGenerate`, a non-streamed request, which a recorded stream cannot
    // answer (the replay server refuses it); `streamText` is the same tool step over `doStream`.
    const executed: Executed[] = [];
    const registry = recordedTools(executed);
    const meter = meterModel(openAICompatible());
    const errors: unknown[] = [];
    replay();
    const result = streamText({
      model: meter.model,
      tools: toAiSdkTools(registry),
      prompt: 'What is the weather in Edinburgh, and the price of AAPL?',
      stopWhen: stepCountIs(1),
      maxRetries: 0,
      onError: ({ error }) => {
        errors.push(error);
      },
    });

    const toolResults = await result.toolResults;
    expect(errors).toEqual([]);
    expect(executed).toHaveLength(2);
    expect(executed).toEqual(
      expect.arrayContaining([
        { tool: 'GetWeatherArgs', input: { city: 'Edinburgh', country: 'GB', units: 'c' } },
        { tool: 'get_stock_price', input: { ticker: 'AAPL', exchange: 'NASDAQ' } },
      ]),
    );
    expect(
      toolResults.map(({ toolName, toolCallId, output }) => ({ toolName, toolCallId, output })),
    ).toEqual([
      {
        toolName: 'GetWeatherArgs',
        toolCallId: 'call_JMW1whyEaYG438VE1OIflxA2',
        output: { temperature: 11, units: 'c' },
      },
      {
        toolName: 'get_stock_price',
        toolCallId: 'call_DNYTawLBoN8fj3KN6qU9N1Ou',
        output: { price: 227.5 },
      },
    ]);
    expect(await result.finishReason).toBe('tool-calls');
    expect((await result.steps).length).toBe(1);
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 149,
      cachedInputTokens: 0,
      outputTokens: 60,
      modelRetries: 0,
      modelTimeouts: 0,
    });
    // The tools were offered under their (provider-safe) names.
    const body = server.requests.at(-1)?.body as { tools: Array<{ function: { name: string } }> };
    expect(body.tools.map((tool) => tool.function.name)).toEqual([
      'GetWeatherArgs',
      'get_stock_price',
      'updateIssueList',
    ]);
  });
});

describe('OpenAI gpt-4.1-nano, streamed text with usage in a final chunk (choices: [])', () => {
  const FILE = 'openai-text.chunks.txt';
  const lines = () => chunkLines(readRecording(FILE));

  it('doStream and streamModelText read the recorded text, and the usage reaches the meter', async () => {
    const meter = meterModel(openAICompatible());
    const expected = recordedContent(chatChunks(FILE), 'content');
    expect(expected.length).toBeGreaterThan(1000);

    server.enqueue(CHAT_PATH, { events: chatCompletionEvents(lines()) });
    const parts = await streamParts(meter.model);
    expect(joinDeltas(parts, 'text')).toBe(expected);
    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    // `prompt_tokens_details.cached_tokens` (0 in this recording) is read as `cacheRead`.
    expect(finish.usage.inputTokens).toMatchObject({ total: 16, noCache: 16, cacheRead: 0 });
    expect(finish.usage.outputTokens).toMatchObject({ total: 300, text: 300, reasoning: 0 });

    server.enqueue(CHAT_PATH, { events: chatCompletionEvents(lines()) });
    const deltas: string[] = [];
    const result = await streamModelText({
      model: meter.model,
      prompt: PROMPT,
      purpose: 'answer',
      onTextDelta: (delta) => deltas.push(delta),
    });
    expect(result.text).toBe(expected);
    expect(deltas.join('')).toBe(expected);
    expect(result.usage).toEqual(finish.usage);

    expect(meter.totals()).toEqual({
      llmCalls: 2,
      inputTokens: 32,
      cachedInputTokens: 0,
      outputTokens: 600,
      modelRetries: 0,
      modelTimeouts: 0,
    });
    expect(meter.calls().map((call) => call.error)).toEqual([undefined, undefined]);
  });

  it('reads the same without the [DONE] the chunk file does not hold', async () => {
    server.enqueue(CHAT_PATH, { events: chatCompletionEvents(lines()).slice(0, -1) });
    const result = await streamModelText({
      model: openAICompatible(),
      prompt: PROMPT,
      purpose: 'x',
    });
    expect(result.text).toBe(recordedContent(chatChunks(FILE), 'content'));
    expect(result.usage?.outputTokens.total).toBe(300);
  });
});

describe('xAI grok-3-mini over the OpenAI-compatible provider: reasoning deltas', () => {
  it('reads a tool call whose arguments arrive in one piece, after the reasoning', async () => {
    const FILE = 'xai-tool-call.chunks.txt';
    const meter = meterModel(openAICompatible());
    server.enqueue(CHAT_PATH, { events: chatCompletionEvents(chunkLines(readRecording(FILE))) });
    const parts = await streamParts(meter.model);

    const chunks = chatChunks(FILE);
    expect(joinDeltas(parts, 'reasoning')).toBe(recordedContent(chunks, 'reasoning_content'));
    expect(partsOf(parts, 'text-delta')).toEqual([]);
    const recorded = recordedToolCalls(chunks);
    expect(recorded.map((call) => call.fragments)).toEqual([1]);
    expect(partsOf(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_79382389',
        toolName: 'weather',
        input: '{"location":"San Francisco"}',
      },
    ]);
    expect(partsOf(parts, 'tool-call')[0]?.input).toBe(recorded[0]?.input);
    // The reasoning ends before the call starts.
    const types = parts.map((part) => part.type);
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('tool-input-start'));

    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(finish.usage.inputTokens).toMatchObject({ total: 307, noCache: 1, cacheRead: 306 });
    // xAI's completion_tokens (26) leave out the reasoning tokens (227): total_tokens = 307 + 26
    // + 227 = 560. The output is both.
    expect(finish.usage.outputTokens).toEqual({ total: 253, text: 26, reasoning: 227 });
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 307,
      cachedInputTokens: 306,
      outputTokens: 253,
      modelRetries: 0,
      modelTimeouts: 0,
    });
  });

  it('keeps the reasoning out of the text', async () => {
    const FILE = 'xai-text.chunks.txt';
    const events = () => chatCompletionEvents(chunkLines(readRecording(FILE)));
    const chunks = chatChunks(FILE);
    const reasoning = recordedContent(chunks, 'reasoning_content');
    expect(reasoning.length).toBeGreaterThan(1000);
    const meter = meterModel(openAICompatible());

    server.enqueue(CHAT_PATH, { events: events() });
    const parts = await streamParts(meter.model);
    expect(joinDeltas(parts, 'text')).toBe('Grok');
    expect(joinDeltas(parts, 'text')).toBe(recordedContent(chunks, 'content'));
    expect(joinDeltas(parts, 'reasoning')).toBe(reasoning);
    expect(finishOf(parts).usage.outputTokens).toEqual({ total: 342, text: 2, reasoning: 340 });

    server.enqueue(CHAT_PATH, { events: events() });
    const result = await streamModelText({ model: meter.model, prompt: PROMPT, purpose: 'answer' });
    expect(result.text).toBe('Grok');

    expect(meter.totals()).toEqual({
      llmCalls: 2,
      inputTokens: 24,
      cachedInputTokens: 22,
      outputTokens: 684,
      modelRetries: 0,
      modelTimeouts: 0,
    });
  });
});

describe('Anthropic Messages over @ai-sdk/anthropic', () => {
  const replay = (file: string) =>
    server.enqueue(MESSAGES_PATH, { events: anthropicEvents(chunkLines(readRecording(file))) });

  it('reads a tool_use block from its input_json_delta fragments, and the meter counts it', async () => {
    const FILE = 'anthropic-json-tool.1.chunks.txt';
    const meter = meterModel(anthropic());
    replay(FILE);
    const parts = await streamParts(meter.model);

    const fragments = anthropicRecording(FILE).flatMap((event) =>
      event.delta?.type === 'input_json_delta' ? [event.delta.partial_json ?? ''] : [],
    );
    expect(fragments).toHaveLength(3);
    expect(partsOf(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'toolu_01KFbKqPYSuAKujiL6mTfzYA',
        toolName: 'json',
        input: fragments.join(''),
      },
    ]);
    expect(JSON.parse(partsOf(parts, 'tool-call')[0]?.input ?? '')).toEqual({
      elements: [{ location: 'San Francisco', temperature: 58, condition: 'sunny' }],
    });
    // The empty first fragment is not passed on as a delta.
    expect(partsOf(parts, 'tool-input-delta').map((part) => part.delta)).toEqual(
      fragments.filter((fragment) => fragment !== ''),
    );

    const finish = finishOf(parts);
    expect(finish.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    // message_start said 10 output tokens; message_delta's final 47 replaces it.
    expect(finish.usage.inputTokens).toMatchObject({ total: 849, cacheRead: 0, cacheWrite: 0 });
    expect(finish.usage.outputTokens.total).toBe(47);
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 849,
      cachedInputTokens: 0,
      outputTokens: 47,
      modelRetries: 0,
      modelTimeouts: 0,
    });

    const request = server.requests.at(-1);
    expect(request).toMatchObject({ method: 'POST', path: MESSAGES_PATH, body: { stream: true } });
    expect(request?.headers['x-api-key']).toBe('test-key');
  });

  it('reads text, then a tool call without arguments, which streamText runs with {}', async () => {
    const FILE = 'anthropic-tool-no-args.chunks.txt';
    const executed: Executed[] = [];
    const meter = meterModel(anthropic());
    replay(FILE);
    const parts = await streamParts(meter.model);
    const recordedText = anthropicRecording(FILE)
      .map((event) => (event.delta?.type === 'text_delta' ? (event.delta.text ?? '') : ''))
      .join('');
    expect(joinDeltas(parts, 'text')).toBe(recordedText);
    expect(recordedText).toBe("I'll update the issue list for you.");
    expect(partsOf(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP',
        toolName: 'updateIssueList',
        input: '{}',
      },
    ]);

    replay(FILE);
    const result = streamText({
      model: meter.model,
      tools: toAiSdkTools(recordedTools(executed)),
      prompt: 'Update the issue list.',
      stopWhen: stepCountIs(1),
      maxRetries: 0,
    });
    expect(await result.text).toBe(recordedText);
    expect(await result.finishReason).toBe('tool-calls');
    expect(executed).toEqual([{ tool: 'updateIssueList', input: {} }]);
    expect(meter.totals()).toEqual({
      llmCalls: 2,
      inputTokens: 2 * 565,
      cachedInputTokens: 0,
      outputTokens: 2 * 48,
      modelRetries: 0,
      modelTimeouts: 0,
    });
  });

  it('parses the stream with or without the event: lines (it reads the JSON type)', async () => {
    const FILE = 'anthropic-tool-no-args.chunks.txt';
    replay(FILE);
    const withEventLines = await streamParts(anthropic());
    server.enqueue(MESSAGES_PATH, {
      events: chunkLines(readRecording(FILE)).map((line) => `data: ${line}\n\n`),
    });
    const dataOnly = await streamParts(anthropic());
    expect(dataOnly).toEqual(withEventLines);
  });

  it("toolplan's planner writes its plan through the Anthropic provider", async () => {
    // None of the Anthropic recordings holds a plan as text, so this one stream is synthetic:
    // the events of anthropic-tool-no-args.chunks.txt (message_start, the text block's
    // start/deltas/stop, message_delta with its usage, message_stop; same types and fields),
    // with the tool_use block dropped, the text deltas replaced by a plan cut into fragments of
    // a few characters, and stop_reason end_turn.
    const plan = {
      steps: [
        {
          id: 'w',
          tool: 'GetWeatherArgs',
          args: { city: 'Edinburgh', country: 'GB', units: 'c' },
        },
        { id: 's', tool: 'get_stock_price', args: { ticker: 'AAPL', exchange: 'NASDAQ' } },
      ],
      answer: 'Edinburgh: ${w.temperature}°, AAPL: ${s.price}',
    };
    const planText = JSON.stringify(plan);
    const recorded = anthropicRecording('anthropic-tool-no-args.chunks.txt');
    const textDelta = recorded.find((event) => event.delta?.type === 'text_delta');
    const messageDelta = recorded.find((event) => event.type === 'message_delta');
    const synthetic = [
      ...recorded.filter(
        (event) =>
          event.type === 'message_start' ||
          (event.type === 'content_block_start' && event.content_block?.type === 'text'),
      ),
      ...(planText.match(/.{1,7}/gsu) ?? []).map((text) => ({
        ...textDelta,
        delta: { ...textDelta?.delta, text },
      })),
      ...recorded.filter((event) => event.type === 'content_block_stop' && event.index === 0),
      { ...messageDelta, delta: { ...messageDelta?.delta, stop_reason: 'end_turn' } },
      ...recorded.filter((event) => event.type === 'message_stop'),
    ].map((event) => JSON.stringify(event));
    expect(synthetic.map((line) => (JSON.parse(line) as AnthropicEvent).type)).toEqual([
      'message_start',
      'content_block_start',
      ...Array<string>(Math.ceil([...planText].length / 7)).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);

    const executed: Executed[] = [];
    const meter = meterModel(anthropic());
    const planner = createPlanner({
      model: meter.model,
      tools: recordedTools(executed),
      output: 'text',
    });
    server.enqueue(MESSAGES_PATH, { events: anthropicEvents(synthetic) });
    const result = await planner.plan('What is the weather in Edinburgh, and the price of AAPL?');

    expect(result.attempts).toEqual([planText]);
    expect(result.plan.plan).toEqual(plan);
    expect(executed).toEqual([]);
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 565,
      cachedInputTokens: 0,
      outputTokens: 48,
      modelRetries: 0,
      modelTimeouts: 0,
    });
    const body = server.requests.at(-1)?.body as {
      system: Array<{ text: string }>;
      messages: Array<{ role: string; content: Array<{ text: string }> }>;
      stream: boolean;
    };
    expect(body.stream).toBe(true);
    expect(body.system[0]?.text.startsWith(PLANNER_PROMPT_TAG)).toBe(true);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is the weather in Edinburgh, and the price of AAPL?' },
        ],
      },
    ]);
  });
});

describe('a stream cut off mid-response (the socket destroyed after N events)', () => {
  /** The cut's error as the AI SDK reports it: the 200 it was reading when the socket died. */
  function expectConnectionCut(error: unknown): void {
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(200);
    expect((error as APICallError).cause).toBeInstanceOf(Error);
  }

  it('OpenAI: streamModelText fails with the partial text, and the meter records the error', async () => {
    const FILE = 'openai-text.chunks.txt';
    const CUT = 10;
    const meter = meterModel(openAICompatible());
    server.enqueue(CHAT_PATH, {
      events: chatCompletionEvents(chunkLines(readRecording(FILE))),
      cutAfter: CUT,
    });
    const deltas: string[] = [];
    const error = await streamModelText({
      model: meter.model,
      prompt: PROMPT,
      purpose: 'plan',
      onTextDelta: (delta) => deltas.push(delta),
    }).catch((caught: unknown) => caught);

    const partial = recordedContent(chatChunks(FILE).slice(0, CUT), 'content');
    expect(partial).toBe('**Holiday Name:** Harmony Day\n\n**Date');
    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).purpose).toBe('plan');
    expect((error as ModelCallError).partialText).toBe(partial);
    expect(deltas.join('')).toBe(partial);
    expectConnectionCut((error as ModelCallError).cause);

    const [call] = meter.calls();
    expect(meter.calls()).toHaveLength(1);
    expect(call?.error).toBe((error as ModelCallError).cause);
    expect(call?.usage).toBeUndefined();
    expect(call?.endMs).toBeGreaterThanOrEqual(call?.firstTokenMs ?? Infinity);
    expect(meter.totals()).toEqual({
      llmCalls: 1,
      inputTokens: 0,
      cachedInputTokens: 0,
      outputTokens: 0,
      modelRetries: 0,
      modelTimeouts: 0,
    });
  });

  it('Anthropic: the same, through @ai-sdk/anthropic', async () => {
    const meter = meterModel(anthropic());
    server.enqueue(MESSAGES_PATH, {
      events: anthropicEvents(chunkLines(readRecording('anthropic-tool-no-args.chunks.txt'))),
      cutAfter: 3, // message_start, content_block_start, the first text_delta
    });
    const error = await streamModelText({ model: meter.model, prompt: PROMPT, purpose: 'answer' })
      .then(() => undefined)
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ModelCallError);
    expect((error as ModelCallError).partialText).toBe("I'll update the issue list for");
    expectConnectionCut((error as ModelCallError).cause);
    expect(meter.calls()[0]?.error).toBe((error as ModelCallError).cause);
    expect(meter.totals().llmCalls).toBe(1);
  });

  it('a cut inside the tool-call arguments yields no half-made call', async () => {
    const meter = meterModel(openAICompatible());
    server.enqueue(CHAT_PATH, {
      events: sseEvents(readRecording('openai-gpt-4o-parallel-tool-calls.sse')),
      cutAfter: 6, // the role, the first call's start, four of its eleven fragments
    });
    const { stream } = await meter.model.doStream({ prompt: PROMPT });
    const parts: LanguageModelV3StreamPart[] = [];
    const reader = stream.getReader();
    const error = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        parts.push(value);
      }
    })().catch((caught: unknown) => caught);

    expectConnectionCut(error);
    expect(partsOf(parts, 'tool-input-start').map((part) => part.toolName)).toEqual([
      'GetWeatherArgs',
    ]);
    expect(
      partsOf(parts, 'tool-input-delta')
        .map((part) => part.delta)
        .join(''),
    ).toBe('{"city": "Edinburgh');
    expect(partsOf(parts, 'tool-call')).toEqual([]);
    expect(partsOf(parts, 'finish')).toEqual([]);
    expect(meter.calls()[0]?.error).toBe(error);
  });
});
