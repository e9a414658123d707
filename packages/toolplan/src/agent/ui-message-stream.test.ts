import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import { defineChain } from '../trace/index.js';
import { createAgent } from './create-agent.js';
import { createPlanCache } from './create-plan-cache.js';
import { NOT_RUN_TEXT } from './create-ui-message-chunk-mapper.js';
import { scriptedModel } from './scripted-model.test-utils.js';
import type { ToolplanMessageMetadata } from './ui-message-metadata.js';
import type { ToolplanToolMetadata } from './ui-tool-metadata.js';

// agent.toUIMessageStream() and toUIMessageStreamResponse(), read back as a `useChat` client reads
// them: with the AI SDK's own readUIMessageStream (and its DefaultChatTransport for the response).

const TEMPERATURES: Record<string, number> = { Boston: 28, Oslo: 20, Lima: 70 };

function weatherTool(calls: string[] = []): Tool {
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

function compareTool(): Tool {
  return defineTool({
    name: 'compare',
    description: 'The warmer of weather results',
    inputSchema: z.object({ results: z.array(z.object({ city: z.string(), temp: z.number() })) }),
    readOnly: true,
    execute: ({ results }: { results: Array<{ city: string; temp: number }> }) => ({
      warmer: [...results].sort((a, b) => b.temp - a.temp)[0]?.city,
    }),
  }) as Tool;
}

const PLAN = JSON.stringify({
  steps: [
    { id: 'bos', tool: 'get_weather', args: { city: 'Boston' } },
    { id: 'all', tool: 'get_weather', forEach: ['Oslo', 'Lima'], args: { city: '$item' } },
    { id: 'cmp', tool: 'compare', args: { results: ['$bos', '$all[0]', '$all[1]'] } },
  ],
  answer: 'Warmest: ${cmp.warmer}',
});

type Message = UIMessage<ToolplanMessageMetadata>;
type ToolPart = Extract<Message['parts'][number], { toolCallId: string }> & {
  toolMetadata?: ToolplanToolMetadata;
};

/** Every state of the message as readUIMessageStream builds it, the last one last. */
async function readMessages(stream: ReadableStream<UIMessageChunk>, errors: unknown[] = []) {
  const messages: Message[] = [];
  for await (const message of readUIMessageStream<Message>({
    stream,
    onError: (error) => errors.push(error),
  }))
    messages.push(message);
  return messages;
}

const toolParts = (message: Message | undefined) =>
  (message?.parts ?? []).filter((part): part is ToolPart => 'toolCallId' in part);

/** Each tool part's states in the order the message went through them, by step id. */
function statesByStep(messages: readonly Message[]): Record<string, string[]> {
  const states: Record<string, string[]> = {};
  for (const message of messages) {
    for (const part of toolParts(message)) {
      const key = `${part.toolMetadata?.planAttempt}:${part.toolMetadata?.stepId}`;
      const seen = (states[key] ??= []);
      if (seen.at(-1) !== part.state) seen.push(part.state);
    }
  }
  return states;
}

async function readChunks(stream: ReadableStream<UIMessageChunk>) {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const finishUsage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
};

/**
 * A model whose one reply is `head`, then — only once `release()` is called — `tail`: a plan
 * whose stream the test holds open. `ended` says whether the reply's stream has ended.
 */
function heldBackModel(head: string, tail: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { ended: false, release };
  const parts: Array<LanguageModelV3StreamPart | 'hold'> = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: head },
    'hold',
    { type: 'text-delta', id: 't', delta: tail },
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: finishUsage },
  ];
  const model = new MockLanguageModelV3({
    doStream: async () => {
      let next = 0;
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          async pull(controller) {
            const part = parts[next++];
            if (part === 'hold') {
              await released;
              return;
            }
            if (part === undefined) {
              state.ended = true;
              controller.close();
              return;
            }
            controller.enqueue(part);
          },
        }),
      };
    },
  });
  return { model, state };
}

describe('agent.toUIMessageStream', () => {
  it('reads back as one assistant message: a tool part per step, input then output, the answer, the run as metadata', async () => {
    const agent = createAgent({
      model: scriptedModel([PLAN]),
      tools: [weatherTool(), compareTool()],
    });
    const messages = await readMessages(agent.toUIMessageStream('Where is it warmest?'));
    const last = messages.at(-1);
    expect(last?.role).toBe('assistant');
    expect(last?.parts.map((part) => part.type)).toEqual([
      'tool-get_weather',
      'tool-get_weather',
      'tool-compare',
      'text',
    ]);
    expect(statesByStep(messages)).toEqual({
      '0:bos': ['input-available', 'output-available'],
      '0:all': ['input-available', 'output-available'],
      '0:cmp': ['input-available', 'output-available'],
    });
    const [bos, all, cmp] = toolParts(last);
    expect(bos).toMatchObject({ input: { city: 'Boston' }, output: { city: 'Boston', temp: 28 } });
    // A forEach step is one part: its arguments as written, its list in the metadata, its
    // results as the output.
    expect(all).toMatchObject({
      input: { city: '$item' },
      output: [
        { city: 'Oslo', temp: 20 },
        { city: 'Lima', temp: 70 },
      ],
      toolMetadata: { stepId: 'all', planAttempt: 0, forEach: ['Oslo', 'Lima'], status: 'ok' },
    });
    expect(cmp).toMatchObject({ input: { results: ['$bos', '$all[0]', '$all[1]'] } });
    expect(new Set(toolParts(last).map((part) => part.toolCallId)).size).toBe(3);
    expect(last?.parts.at(-1)).toMatchObject({
      type: 'text',
      text: 'Warmest: Lima',
      state: 'done',
    });
    expect(last?.metadata).toMatchObject({
      answeredBy: 'template',
      usage: { llmCalls: 1 },
    });
    expect(typeof last?.metadata?.runId).toBe('string');
    expect(typeof last?.metadata?.wallMs).toBe('number');
  });

  it("shows the first step as a tool part while the plan's stream is still open, and its result too", async () => {
    const head = '{"steps":[{"id":"bos","tool":"get_weather","args":{"city":"Boston"}},';
    const tail =
      '{"id":"osl","tool":"get_weather","args":{"city":"Oslo"}}],"answer":"${bos.temp} ${osl.temp}"}';
    const { model, state } = heldBackModel(head, tail);
    const agent = createAgent({ model, tools: [weatherTool()] });
    const seen: { input?: boolean; output?: boolean } = {};
    let last: Message | undefined;
    for await (const message of readUIMessageStream<Message>({
      stream: agent.toUIMessageStream('Boston and Oslo?'),
    })) {
      last = message;
      const [first] = toolParts(message);
      if (first?.state === 'input-available') seen.input ??= state.ended;
      if (first?.state === 'output-available' && seen.output === undefined) {
        seen.output = state.ended;
        // Only now may the rest of the plan come: without a part before it, this would hang.
        state.release();
      }
    }
    expect(seen).toEqual({ input: false, output: false });
    expect(state.ended).toBe(true);
    expect(toolParts(last).map((part) => part.state)).toEqual([
      'output-available',
      'output-available',
    ]);
    expect(last?.parts.at(-1)).toMatchObject({ type: 'text', text: '28 20' });
  });

  it("shows a failed step with its error and a step skipped after it with why, then the joiner's answer", async () => {
    const plan = JSON.stringify({
      steps: [
        { id: 'bos', tool: 'get_weather', args: { city: 'Boston' } },
        { id: 'atl', tool: 'get_weather', args: { city: 'Atlantis' } },
        { id: 'cmp', tool: 'compare', args: { results: ['$bos', '$atl'] } },
      ],
      answer: 'Warmer: ${cmp.warmer}',
    });
    const agent = createAgent({
      model: scriptedModel([plan, 'Boston is at 28°F; Atlantis has no weather.']),
      tools: [weatherTool(), compareTool()],
      maxReplans: 0,
    });
    const messages = await readMessages(agent.toUIMessageStream('Boston or Atlantis?'));
    const last = messages.at(-1);
    expect(statesByStep(messages)).toEqual({
      '0:bos': ['input-available', 'output-available'],
      '0:atl': ['input-available', 'output-error'],
      '0:cmp': ['input-available', 'output-error'],
    });
    const [, atl, cmp] = toolParts(last);
    expect(atl).toMatchObject({ toolMetadata: { status: 'error' } });
    expect(atl?.errorText).toContain('No weather for Atlantis');
    expect(cmp).toMatchObject({
      errorText: 'Step `cmp` was skipped because step `atl` did not succeed.',
      toolMetadata: { status: 'skipped' },
    });
    expect(last?.parts.at(-1)).toMatchObject({
      type: 'text',
      text: 'Boston is at 28°F; Atlantis has no weather.',
    });
    expect(last?.metadata).toMatchObject({ answeredBy: 'joiner', usage: { llmCalls: 2 } });
  });

  it('gives the same step id in a failed plan and its replan parts of their own', async () => {
    const agent = createAgent({
      model: scriptedModel([
        JSON.stringify({
          steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Atlantis' } }],
          answer: '${w.temp}',
        }),
        JSON.stringify({
          steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Oslo' } }],
          answer: 'Oslo: ${w.temp}',
        }),
      ]),
      tools: [weatherTool()],
    });
    const messages = await readMessages(agent.toUIMessageStream('Atlantis, or else Oslo?'));
    expect(statesByStep(messages)).toEqual({
      '0:w': ['input-available', 'output-error'],
      '1:w': ['input-available', 'output-available'],
    });
    expect(messages.at(-1)?.parts.at(-1)).toMatchObject({ type: 'text', text: 'Oslo: 20' });
  });

  it('ends the parts of a plan that was rejected and corrected before its steps ran', async () => {
    const invalid = JSON.stringify({
      steps: [
        { id: 'w', tool: 'get_weather', args: { city: 'Oslo' } },
        { id: 'x', tool: 'no_such_tool', args: {} },
      ],
    });
    const calls: string[] = [];
    const agent = createAgent({
      model: scriptedModel([
        invalid,
        JSON.stringify({
          steps: [{ id: 'w', tool: 'get_weather', args: { city: 'Oslo' } }],
          answer: '${w.temp}',
        }),
      ]),
      tools: [weatherTool(calls)],
    });
    const messages = await readMessages(agent.toUIMessageStream('Oslo?'));
    const parts = toolParts(messages.at(-1));
    expect(
      parts.map(
        (part) => `${part.toolMetadata?.planAttempt}:${part.toolMetadata?.stepId}:${part.state}`,
      ),
    ).toEqual([
      // The rejected plan's read-only step may have run while it streamed: it ended either way.
      expect.stringMatching(/^0:w:output-(available|error)$/),
      '0:x:output-error',
      '1:w:output-available',
    ]);
    expect(parts[1]).toMatchObject({
      errorText: NOT_RUN_TEXT.replaced,
      toolMetadata: { status: 'cancelled' },
    });
  });

  it('streams the steps of a chain that answers without a model call', async () => {
    const chain = defineChain({
      name: 'weather',
      params: { city: 'string' },
      match: { patterns: ['weather in (?<city>\\w+)\\??'] },
      plan: {
        steps: [{ id: 'w', tool: 'get_weather', args: { city: '$params.city' } }],
        answer: '${w.city}: ${w.temp}°F',
      },
    });
    const model = scriptedModel([]);
    const agent = createAgent({ model, tools: [weatherTool()], chains: [chain] });
    const messages = await readMessages(agent.toUIMessageStream('Weather in Lima?'));
    const last = messages.at(-1);
    expect(statesByStep(messages)).toEqual({ '0:w': ['input-available', 'output-available'] });
    // The chain's parameters are written in: the part shows the values it ran with.
    expect(toolParts(last)[0]).toMatchObject({
      type: 'tool-get_weather',
      input: { city: 'Lima' },
      output: { city: 'Lima', temp: 70 },
    });
    expect(last?.parts.at(-1)).toMatchObject({ type: 'text', text: 'Lima: 70°F' });
    expect(last?.metadata).toMatchObject({
      answeredBy: 'chain',
      chainName: 'weather',
      usage: { llmCalls: 0 },
    });
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it("streams the steps of a cached plan, and tells a failed cached plan apart from the planner's", async () => {
    const planFor = (city: string) =>
      JSON.stringify({
        steps: [{ id: 'w', tool: 'get_weather', args: { city } }],
        answer: '${w.city}: ${w.temp}°F',
      });
    const model = scriptedModel([planFor('Boston'), planFor('Oslo')]);
    const agent = createAgent({
      model,
      tools: [weatherTool()],
      planCache: createPlanCache({ promoteAfter: 0 }),
      learn: false,
    });
    await agent.run('Weather in Boston?');
    const cached = await readMessages(agent.toUIMessageStream('Weather in Lima?'));
    expect(statesByStep(cached)).toEqual({ '0:w': ['input-available', 'output-available'] });
    expect(toolParts(cached.at(-1))[0]).toMatchObject({ input: { city: 'Lima' } });
    expect(cached.at(-1)?.metadata).toMatchObject({
      answeredBy: 'plan-cache',
      usage: { llmCalls: 0 },
    });
    // For Atlantis the cached plan fails, and the planner plans again: two parts for `w`.
    const fallen = await readMessages(agent.toUIMessageStream('Weather in Atlantis?'));
    expect(statesByStep(fallen)).toEqual({
      '0:w': ['input-available', 'output-error'],
      '1:w': ['input-available', 'output-available'],
    });
    expect(model.doStreamCalls).toHaveLength(2);
  });

  it('reports a failed run as an error chunk, hiding its details unless told otherwise', async () => {
    const nonsense = ['no plan here', 'still none', 'none at all'];
    const hidden = createAgent({ model: scriptedModel(nonsense), tools: [weatherTool()] });
    const errors: unknown[] = [];
    const chunks = await readChunks(hidden.toUIMessageStream('Weather?'));
    expect(chunks.slice(-2)).toEqual([
      { type: 'error', errorText: 'An error occurred.' },
      { type: 'finish', finishReason: 'error' },
    ]);
    const told = createAgent({ model: scriptedModel(nonsense), tools: [weatherTool()] });
    const logged: unknown[] = [];
    await readMessages(
      told.toUIMessageStream('Weather?', {
        onError: (error) => {
          logged.push(error);
          return `${(error as Error).name}`;
        },
      }),
      errors,
    );
    expect(errors.map((error) => (error as Error).message)).toEqual(['PlanningError']);
    expect(logged).toHaveLength(1);
  });

  it('reports wrong options as an error chunk, not a throw, and runs nothing', async () => {
    const model = scriptedModel([]);
    const agent = createAgent({ model, tools: [weatherTool()] });
    const stream = agent.toUIMessageStream('Weather?', { runId: '', sendSteps: true } as never);
    const chunks = await readChunks(stream);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['start', 'error', 'finish']);
    expect(chunks[1]).toEqual({
      type: 'error',
      errorText:
        '2 problems with the options:\n- `agent.toUIMessageStream` has no option `sendSteps`; it would be ignored.\n- Expected `runId` to be a non-empty string, got ``',
    });
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it('starts the run only when read, under the run id it announces', async () => {
    const model = scriptedModel([PLAN]);
    const agent = createAgent({ model, tools: [weatherTool(), compareTool()] });
    const stream = agent.toUIMessageStream('Where is it warmest?', { runId: 'req-7' });
    await nextTurn();
    expect(model.doStreamCalls).toHaveLength(0);
    const messages = await readMessages(stream);
    expect(messages.at(-1)?.metadata?.runId).toBe('req-7');
    expect(toolParts(messages.at(-1))[0]?.toolCallId).toBe('req-7:0:bos');
  });
});

/**
 * A read-only search that waits for `finishSearch()` whatever its signal says (a tool that does
 * not listen), and a notification with a side effect that runs on its result.
 */
function slowSearchTools() {
  let finishSearch!: () => void;
  const finished = new Promise<void>((resolve) => {
    finishSearch = resolve;
  });
  const seen = { signals: [] as AbortSignal[], notified: 0, searching: 0 };
  const tools = [
    defineTool({
      name: 'search',
      description: 'Search',
      inputSchema: z.object({ q: z.string() }),
      readOnly: true,
      trusted: true,
      execute: async ({ q }: { q: string }, { signal }) => {
        seen.signals.push(signal);
        seen.searching += 1;
        await finished;
        seen.searching -= 1;
        return { hits: [q] };
      },
    }) as Tool,
    defineTool({
      name: 'notify',
      description: 'Sends a notification (side effect)',
      inputSchema: z.object({ text: z.string() }),
      execute: () => {
        seen.notified += 1;
        return { sent: true };
      },
    }) as Tool,
  ];
  const plan = JSON.stringify({
    steps: [
      { id: 's', tool: 'search', args: { q: 'flights' } },
      { id: 'n', tool: 'notify', args: { text: '${s.hits[0]}' } },
    ],
    answer: 'sent: ${n.sent}',
  });
  return { tools, plan, seen, finishSearch };
}

/** Reads `stream` until a chunk passes `until`; the reader stays open. */
async function readUntil(
  reader: ReadableStreamDefaultReader<UIMessageChunk>,
  until: (chunk: UIMessageChunk) => boolean,
) {
  const chunks: UIMessageChunk[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) throw new Error('the stream ended first');
    chunks.push(value);
    if (until(value)) return chunks;
  }
}

const isInput = (stepId: string) => (chunk: UIMessageChunk) =>
  chunk.type === 'tool-input-available' && chunk.toolCallId.endsWith(`:${stepId}`);

describe('aborting a UI message stream', () => {
  it('ends the stream with `abort` when the signal aborts, and no side effect runs after', async () => {
    const { tools, plan, seen, finishSearch } = slowSearchTools();
    const agent = createAgent({ model: scriptedModel([plan]), tools });
    const controller = new AbortController();
    const reader = agent
      .toUIMessageStream('Find flights and tell me', { signal: controller.signal })
      .getReader();
    await readUntil(reader, isInput('n'));
    await vi.waitFor(() => expect(seen.searching).toBe(1));
    controller.abort(new Error('the user left'));
    const rest: UIMessageChunk[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read())
      rest.push(read.value);
    expect(rest.at(-1)).toEqual({ type: 'abort', reason: 'the user left' });
    expect(rest.filter((chunk) => chunk.type === 'tool-output-error')).toHaveLength(2);
    expect(seen.signals[0]?.aborted).toBe(true);
    // The search ignored its signal and finishes late: its result reaches nothing.
    finishSearch();
    await vi.waitFor(() => expect(seen.searching).toBe(0));
    await nextTurn();
    expect(seen.notified).toBe(0);
  });

  it('with a signal aborted before it is read, runs no tool and ends with `abort`', async () => {
    const { tools, plan, seen } = slowSearchTools();
    const agent = createAgent({ model: scriptedModel([plan]), tools });
    const chunks = await readChunks(
      agent.toUIMessageStream('Find flights and tell me', {
        signal: AbortSignal.abort(new Error('too late')),
      }),
    );
    expect(chunks.map((chunk) => chunk.type)).toEqual(['start', 'abort']);
    expect(chunks[1]).toEqual({ type: 'abort', reason: 'too late' });
    expect(seen.signals).toHaveLength(0);
    expect(seen.notified).toBe(0);
  });

  it('aborts the run when the reader cancels, and the cancellation settles once the run has stopped', async () => {
    const { tools, plan, seen, finishSearch } = slowSearchTools();
    const agent = createAgent({ model: scriptedModel([plan]), tools });
    const reader = agent.toUIMessageStream('Find flights and tell me').getReader();
    // The whole plan has arrived: from now on the run waits on the search, and no event comes.
    await readUntil(reader, isInput('n'));
    await vi.waitFor(() => expect(seen.searching).toBe(1));
    // A read in flight while the run waits on the search: cancelling must not wait for it.
    const pending = reader.read();
    await reader.cancel(new Error('gone'));
    expect(seen.signals[0]?.aborted).toBe(true);
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    finishSearch();
    await vi.waitFor(() => expect(seen.searching).toBe(0));
    await nextTurn();
    expect(seen.notified).toBe(0);
  });

  it("aborts the run when a response's body is cancelled (the client went away)", async () => {
    const { tools, plan, seen, finishSearch } = slowSearchTools();
    const agent = createAgent({ model: scriptedModel([plan]), tools });
    const response = agent.toUIMessageStreamResponse('Find flights and tell me');
    const body = response.body?.getReader();
    await body?.read();
    await vi.waitFor(() => expect(seen.searching).toBe(1));
    await body?.cancel();
    await vi.waitFor(() => expect(seen.signals[0]?.aborted).toBe(true));
    finishSearch();
    await vi.waitFor(() => expect(seen.searching).toBe(0));
    await nextTurn();
    expect(seen.notified).toBe(0);
  });
});

describe('agent.toUIMessageStreamResponse', () => {
  it("sends the stream as server-sent events with the AI SDK's headers, and the caller's", async () => {
    const agent = createAgent({
      model: scriptedModel([PLAN]),
      tools: [weatherTool(), compareTool()],
    });
    const response = agent.toUIMessageStreamResponse('Where is it warmest?', {
      status: 201,
      headers: { 'x-request-id': 'r-1' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(response.headers.get('x-request-id')).toBe('r-1');
    const events = (await response.text()).split('\n\n').filter((event) => event !== '');
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events
      .slice(0, -1)
      .map((event) => JSON.parse(event.slice('data: '.length)) as UIMessageChunk);
    expect(chunks[0]?.type).toBe('start');
    expect(chunks.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
    const messages = await readMessages(
      new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
    );
    expect(messages.at(-1)?.parts.at(-1)).toMatchObject({ type: 'text', text: 'Warmest: Lima' });
  });

  it("is read by useChat's DefaultChatTransport, from the last user message it sends", async () => {
    const agent = createAgent({
      model: scriptedModel([PLAN]),
      tools: [weatherTool(), compareTool()],
    });
    const queries: string[] = [];
    const transport = new DefaultChatTransport<Message>({
      api: 'http://chat.test/api/chat',
      fetch: async (_url, init) => {
        const body = JSON.parse(String(init?.body)) as { messages: Message[] };
        const user = body.messages.findLast((message) => message.role === 'user');
        const query = (user?.parts ?? [])
          .flatMap((part) => (part.type === 'text' ? [part.text] : []))
          .join('\n');
        queries.push(query);
        return agent.toUIMessageStreamResponse(query, {
          ...(init?.signal == null ? {} : { signal: init.signal }),
        });
      },
    });
    const stream = await transport.sendMessages({
      chatId: 'chat-1',
      trigger: 'submit-message',
      messageId: undefined,
      abortSignal: undefined,
      messages: [
        {
          id: 'u1',
          role: 'user',
          parts: [{ type: 'text', text: 'Where is it warmest?' }],
        },
      ],
    });
    const messages = await readMessages(stream);
    expect(queries).toEqual(['Where is it warmest?']);
    expect(statesByStep(messages)).toEqual({
      '0:bos': ['input-available', 'output-available'],
      '0:all': ['input-available', 'output-available'],
      '0:cmp': ['input-available', 'output-available'],
    });
    expect(messages.at(-1)?.metadata).toMatchObject({ answeredBy: 'template' });
  });

  it('reports a wrong status as an error in the stream of a 200 response', async () => {
    const model = scriptedModel([]);
    const agent = createAgent({ model, tools: [weatherTool()] });
    const response = agent.toUIMessageStreamResponse('Weather?', { status: 99 });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(
      '"errorText":"Expected `status` to be an integer from 200 to 599, got `99`"',
    );
    expect(model.doStreamCalls).toHaveLength(0);
  });
});
