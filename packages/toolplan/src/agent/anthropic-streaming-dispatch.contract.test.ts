import { createAnthropic } from '@ai-sdk/anthropic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  anthropicEvents,
  chunkLines,
  readRecording,
  startReplayServer,
  type ReplayServer,
} from '../model/replay-server.test-utils.js';
import { defineTool } from '../tools/index.js';
import { runPlanned } from './run-planned.js';

// Streaming dispatch with Anthropic (issue 16): the plan's first read-only step must start while
// the plan still streams, in both ways `@ai-sdk/anthropic@3` asks for structured output — the
// forced `json` tool (models without native structured output: the plan arrives as the tool's
// `input_json_delta` fragments) and the native `output_format` (the plan arrives as text). The
// streams are the real recordings of each mode with their JSON replaced by a plan cut into
// fragments; the end of each stream is held back until the first step has started, so a
// provider path that held the plan until the end would never start it.

interface AnthropicEvent {
  type: string;
  index?: number;
  content_block?: { type: string; name?: string };
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
}

const PLAN = JSON.stringify({
  steps: [
    { id: 'w', tool: 'get_weather', args: { city: 'Edinburgh' } },
    { id: 'c', tool: 'compare', args: { temps: ['$w.temp', 10] } },
  ],
  answer: 'Edinburgh: ${w.temp}°, ${c.verdict}',
});

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});

/** The recording with its JSON fragments replaced by the plan's, 6 characters each. */
function withPlan(file: string, deltaType: 'input_json_delta' | 'text_delta'): string[] {
  const events = chunkLines(readRecording(file)).map((line) => JSON.parse(line) as AnthropicEvent);
  const first = events.findIndex((event) => event.delta?.type === deltaType);
  const template = events[first] as AnthropicEvent;
  const rest = events
    .slice(first)
    .filter((event) => event.delta?.type !== deltaType && event.type !== 'ping');
  const fragments = (PLAN.match(/[\s\S]{1,6}/g) ?? []).map((fragment) => ({
    ...template,
    delta:
      deltaType === 'text_delta'
        ? { type: 'text_delta', text: fragment }
        : { type: 'input_json_delta', partial_json: fragment },
  }));
  return [...events.slice(0, first), ...fragments, ...rest].map((event) => JSON.stringify(event));
}

async function dispatchBeforeEnd(options: { modelId: string; lines: string[] }) {
  let started!: () => void;
  const firstStep = new Promise<void>((resolve) => (started = resolve));
  // If nothing starts early, the stream ends anyway after a while and the assertions fail.
  const giveUp = new Promise<void>((resolve) => setTimeout(resolve, 2_000).unref());
  let streamEnded = false;
  const startedAt: Array<{ tool: string; beforeEnd: boolean }> = [];
  const tools = [
    defineTool({
      name: 'get_weather',
      description: 'The weather in a city.',
      inputSchema: z.object({ city: z.string() }),
      readOnly: true,
      execute: () => {
        startedAt.push({ tool: 'get_weather', beforeEnd: !streamEnded });
        started();
        return { temp: 11 };
      },
    }),
    defineTool({
      name: 'compare',
      description: 'Compares temperatures.',
      inputSchema: z.object({ temps: z.array(z.number()) }),
      readOnly: true,
      execute: ({ temps }) => ({ verdict: temps[0]! > temps[1]! ? 'warmer' : 'colder' }),
    }),
  ];
  const events = anthropicEvents(options.lines);
  // Everything but the last fragment and the events that close the stream.
  const closing = options.lines.findIndex((line) => line.includes('"content_block_stop"'));
  server.enqueue('/v1/messages', {
    events,
    holdAfter: {
      events: closing - 1,
      until: Promise.race([firstStep, giveUp]).then(() => {
        streamEnded = true;
      }),
    },
  });
  const model = createAnthropic({ baseURL: `${server.origin}/v1`, apiKey: 'test-key' })(
    options.modelId,
  );
  const run = await runPlanned({ model, tools, query: 'Is Edinburgh warmer than 10°?' });
  return { run, startedAt, body: server.requests.at(-1)?.body as Record<string, unknown> };
}

describe('streaming dispatch with Anthropic', () => {
  it('forced json tool (no native structured output): a step starts from the tool-input fragments', async () => {
    const { run, startedAt, body } = await dispatchBeforeEnd({
      modelId: 'claude-sonnet-4-20250514',
      lines: withPlan('anthropic-json-tool.1.chunks.txt', 'input_json_delta'),
    });
    // The request asked for the plan as the input of the `json` tool.
    expect(JSON.stringify(body['tools'])).toContain('"name":"json"');
    expect(startedAt).toEqual([{ tool: 'get_weather', beforeEnd: true }]);
    expect(run.dispatchedEarly).toContain('w');
    expect(run.answer).toBe('Edinburgh: 11°, warmer');
  });

  it('native output_format: a step starts from the text fragments', async () => {
    const { run, startedAt, body } = await dispatchBeforeEnd({
      modelId: 'claude-sonnet-4-5',
      lines: withPlan('anthropic-json-output-format.1.chunks.txt', 'text_delta'),
    });
    expect(JSON.stringify(body)).toMatch(/output_format|output_config/);
    expect(startedAt).toEqual([{ tool: 'get_weather', beforeEnd: true }]);
    expect(run.answer).toBe('Edinburgh: 11°, warmer');
  });
});
