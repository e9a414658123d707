import {
  createUIMessageStreamResponse,
  DefaultChatTransport,
  readUIMessageStream,
  type UIMessage,
} from 'ai-v7';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type Tool } from '../tools/index.js';
import { createAgent } from './create-agent.js';
import { scriptedModel } from './scripted-model.test-utils.js';

// agent.toUIMessageStream() read by ai@7's client (its readUIMessageStream, and its
// DefaultChatTransport over ai@7's own SSE response), as ui-message-stream.test.ts reads it with
// ai@6's: the chunks toolplan writes are the protocol of both lines. Runs in CI's Node 22 leg.

const weather = defineTool({
  name: 'get_weather',
  description: 'Weather for a city',
  inputSchema: z.object({ city: z.string() }),
  readOnly: true,
  execute: ({ city }: { city: string }) => {
    if (city !== 'Boston') throw new Error(`No weather for ${city}`);
    return { city, temp: 28 };
  },
}) as Tool;

const PLAN = JSON.stringify({
  steps: [
    { id: 'w', tool: 'get_weather', args: { city: 'Boston' } },
    { id: 'all', tool: 'get_weather', forEach: ['Boston'], args: { city: '$item' } },
  ],
  answer: '${w.city}: ${w.temp}°F',
});

type ToolPart = { type: string; state: string; toolCallId: string; toolMetadata?: unknown };

async function lastMessage(stream: ReadableStream<never>) {
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream })) last = message;
  return last;
}

describe('agent.toUIMessageStream with ai@7', () => {
  it("reads back with ai@7's readUIMessageStream: the tool parts, the answer, the metadata", async () => {
    const agent = createAgent({ model: scriptedModel([PLAN]), tools: [weather] });
    const last = await lastMessage(agent.toUIMessageStream('Weather in Boston?') as never);
    const parts = (last?.parts ?? []) as unknown as ToolPart[];
    expect(parts.map((part) => `${part.type}:${part.state}`)).toEqual([
      'tool-get_weather:output-available',
      'tool-get_weather:output-available',
      'text:done',
    ]);
    expect(parts[1]?.toolMetadata).toMatchObject({ stepId: 'all', forEach: ['Boston'] });
    expect(last?.metadata).toMatchObject({ answeredBy: 'template' });
  });

  it("is read by ai@7's DefaultChatTransport from ai@7's SSE response", async () => {
    const agent = createAgent({ model: scriptedModel([PLAN]), tools: [weather] });
    const transport = new DefaultChatTransport({
      api: 'http://chat.test/api/chat',
      fetch: async () =>
        createUIMessageStreamResponse({
          stream: agent.toUIMessageStream('Weather in Boston?') as never,
        }),
    });
    const stream = await transport.sendMessages({
      chatId: 'c',
      trigger: 'submit-message',
      messageId: undefined,
      abortSignal: undefined,
      messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Weather in Boston?' }] }],
    });
    const last = await lastMessage(stream as never);
    expect(last?.parts.at(-1)).toMatchObject({ type: 'text', text: 'Boston: 28°F' });
  });
});
