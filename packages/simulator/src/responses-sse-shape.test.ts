import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import { HELLO_QUERY, testScripts, WEATHER_QUERY } from './simulator.test-utils.js';

// The simulated Responses stream must have the shape of OpenAI's recorded ones: the same events
// in the same order (runs of deltas collapsed), and the same keys in each event, its item, its
// part and its response object.

const recordings = new URL('../../../data/provider-streams/', import.meta.url);

type Event = Record<string, unknown> & { type: string };

/** The streams of a recording, one JSON event per line, split at each `response.created`. */
function recordedStreams(file: string): Event[][] {
  const events = readFileSync(new URL(file, recordings), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Event);
  const streams: Event[][] = [];
  for (const event of events) {
    if (event.type === 'response.created') streams.push([]);
    streams.at(-1)?.push(event);
  }
  return streams;
}

const [, recordedCall, , recordedText] = recordedStreams(
  'openai-responses-reasoning-function-call.1.chunks.txt',
);

/** The event types in order, each run of the same type collapsed to one. */
function sequence(events: readonly Event[]): string[] {
  return events
    .map((event) => event.type)
    .filter((type, index, types) => index === 0 || types[index - 1] !== type);
}

const keys = (value: unknown) =>
  typeof value === 'object' && value !== null ? Object.keys(value).sort() : [];

/** Per event type: its keys, and the keys of its `item`, `part` and `response`. */
function keysByType(events: readonly Event[]): Map<string, unknown> {
  const result = new Map<string, unknown>();
  for (const event of events) {
    const response = event['response'] as Record<string, unknown> | undefined;
    result.set(event.type, {
      event: keys(event),
      item: keys(event['item']),
      part: keys(event['part']),
      response: keys(response),
      usage: keys(response?.['usage']),
    });
  }
  return result;
}

describe('simulated Responses stream shape', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts });
  });
  afterAll(() => provider.close());

  async function stream(body: Record<string, unknown>): Promise<Event[]> {
    const response = await fetch(`${provider.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', stream: true, ...body }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const raw = await response.text();
    return raw
      .split('\n\n')
      .filter((block) => block.trim() !== '')
      .map((block) => {
        // Each event names itself twice, as OpenAI's do: `event:` line and `type` field.
        const [name, data] = block.split('\n');
        const event = JSON.parse(data!.slice('data: '.length)) as Event;
        expect(name).toBe(`event: ${event.type}`);
        return event;
      });
  }

  const tools = [
    {
      type: 'function',
      name: 'weather_get',
      description: 'Weather for a city on a date.',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, date: { type: 'string' } },
        required: ['city', 'date'],
        additionalProperties: false,
      },
      strict: true,
    },
  ];

  it('streams a function call as the recording does', async () => {
    const events = await stream({ input: WEATHER_QUERY, tools, parallel_tool_calls: false });
    expect(sequence(events)).toEqual(sequence(recordedCall!));
    expect(keysByType(events)).toEqual(keysByType(recordedCall!));
    expect(events.map((event) => event['sequence_number'])).toEqual(events.map((_, i) => i));
    const done = events.find((event) => event.type === 'response.function_call_arguments.done');
    const deltas = events
      .filter((event) => event.type === 'response.function_call_arguments.delta')
      .map((event) => event['delta'] as string);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(done?.['arguments']);
    expect(JSON.parse(done?.['arguments'] as string)).toEqual({
      city: 'Boston',
      date: '2024-01-20',
    });
  });

  it('streams text as the recording does, usage last', async () => {
    const events = await stream({ input: [{ role: 'user', content: HELLO_QUERY }] });
    expect(sequence(events)).toEqual(sequence(recordedText!));
    expect(keysByType(events)).toEqual(keysByType(recordedText!));
    const text = events
      .filter((event) => event.type === 'response.output_text.delta')
      .map((event) => event['delta'] as string)
      .join('');
    expect(text).toBe('Hello! How can I help you today?');
    const completed = events.at(-1)?.['response'] as Record<string, unknown>;
    expect(completed['status']).toBe('completed');
    expect(completed['usage']).toEqual({
      input_tokens: expect.any(Number),
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: expect.any(Number),
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: expect.any(Number),
    });
  });

  it('answers in one body with the completed response object', async () => {
    const response = await fetch(`${provider.url}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', input: HELLO_QUERY }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(keys(body)).toEqual(keys(recordedText!.at(-1)?.['response']));
    expect(body['object']).toBe('response');
    expect(body['output']).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: 'message',
        status: 'completed',
        content: [
          {
            type: 'output_text',
            annotations: [],
            logprobs: [],
            text: 'Hello! How can I help you today?',
          },
        ],
        role: 'assistant',
      },
    ]);
  });
});
