import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import { HELLO_QUERY, testScripts, WEATHER_QUERY, weatherTools } from './simulator.test-utils.js';

// The simulated stream must have the shape of OpenAI's recorded ones, chunk type by chunk type:
// the same keys at every level (values of course differ).

const recordings = new URL('../../../data/provider-streams/', import.meta.url);
const recordedSse = readFileSync(
  new URL('openai-gpt-4o-parallel-tool-calls.sse', recordings),
  'utf8',
);
const recordedText = readFileSync(new URL('openai-text.chunks.txt', recordings), 'utf8');

type Chunk = Record<string, unknown> & { choices: Array<Record<string, unknown>> };

/** The data of each server-sent event, `[DONE]` included. */
function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .map((event) => event.trim())
    .filter((event) => event !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice('data: '.length);
    });
}

/** The structure of a value: keys (sorted) all the way down; arrays by their first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

type Kind = 'role' | 'content' | 'tool-open' | 'tool-arguments' | 'finish' | 'usage';

function kindOf(chunk: Chunk): Kind {
  const choice = chunk.choices[0];
  if (choice === undefined) return 'usage';
  if (choice['finish_reason'] !== null) return 'finish';
  const delta = choice['delta'] as Record<string, unknown>;
  if ('role' in delta) return 'role';
  if ('content' in delta) return 'content';
  const call = (delta['tool_calls'] as Array<Record<string, unknown>>)[0] as Record<
    string,
    unknown
  >;
  return 'id' in call ? 'tool-open' : 'tool-arguments';
}

function byKind(chunks: readonly Chunk[]): Map<Kind, Chunk[]> {
  const groups = new Map<Kind, Chunk[]>();
  for (const chunk of chunks) {
    const kind = kindOf(chunk);
    groups.set(kind, [...(groups.get(kind) ?? []), chunk]);
  }
  return groups;
}

/** Every key path of a value, `a.b[].c` style. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyPaths(value[0], `${prefix}[]`);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...keyPaths(item, path)];
  });
}

describe('simulated SSE shape', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts });
  });
  afterAll(() => provider.close());

  async function stream(body: Record<string, unknown>): Promise<{ raw: string; chunks: Chunk[] }> {
    const response = await fetch(`${provider.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o',
        stream: true,
        stream_options: { include_usage: true },
        ...body,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const raw = await response.text();
    const data = sseData(raw);
    expect(data.at(-1)).toBe('[DONE]');
    return { raw, chunks: data.slice(0, -1).map((item) => JSON.parse(item) as Chunk) };
  }

  const recordedToolChunks = sseData(recordedSse)
    .slice(0, -1)
    .map((item) => JSON.parse(item) as Chunk);
  const recordedTextChunks = recordedText
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Chunk);

  it('matches the recorded parallel tool-call stream key for key, per chunk type', async () => {
    const { chunks } = await stream({
      messages: [{ role: 'user', content: WEATHER_QUERY }],
      tools: weatherTools,
    });
    const ours = byKind(chunks);
    const recorded = byKind(recordedToolChunks);
    expect([...ours.keys()]).toEqual([...recorded.keys()]);
    for (const [kind, recordedGroup] of recorded) {
      const expected = shape(recordedGroup[0]);
      for (const chunk of ours.get(kind) ?? []) {
        if (kind === 'usage') {
          // Usage has grown detail fields since 2024; every recorded key must still be there.
          const paths = keyPaths(chunk);
          for (const path of keyPaths(recordedGroup[0])) expect(paths).toContain(path);
        } else {
          expect(shape(chunk), kind).toEqual(expected);
        }
      }
    }
  });

  it('orders the stream as OpenAI does: role, each call opened then its argument fragments, finish, usage', async () => {
    const { chunks } = await stream({
      messages: [{ role: 'user', content: WEATHER_QUERY }],
      tools: weatherTools,
    });
    const kinds = chunks.map(kindOf);
    const collapsed = kinds.filter((kind, index) => kind !== kinds[index - 1]);
    expect(collapsed).toEqual([
      'role',
      'tool-open',
      'tool-arguments',
      'tool-open',
      'tool-arguments',
      'finish',
      'usage',
    ]);
    const recordedKinds = recordedToolChunks.map(kindOf);
    expect(recordedKinds.filter((kind, index) => kind !== recordedKinds[index - 1])).toEqual(
      collapsed,
    );
  });

  it('sends tool-call arguments in fragments of a few characters, as the recording does', async () => {
    const { chunks } = await stream({
      messages: [{ role: 'user', content: WEATHER_QUERY }],
      tools: weatherTools,
    });
    const fragments = byKind(chunks)
      .get('tool-arguments')
      ?.map((chunk) => {
        const delta = chunk.choices[0]?.['delta'] as {
          tool_calls: Array<{ function: { arguments: string } }>;
        };
        return delta.tool_calls[0]?.function.arguments ?? '';
      });
    expect(fragments?.length).toBeGreaterThan(10);
    for (const fragment of fragments ?? []) {
      expect(fragment.length).toBeGreaterThan(0);
      expect(fragment.length).toBeLessThanOrEqual(12);
    }
  });

  it('matches the recorded text stream: role, content fragments, finish and usage deltas', async () => {
    const { chunks } = await stream({ messages: [{ role: 'user', content: HELLO_QUERY }] });
    const ours = byKind(chunks);
    const recorded = byKind(recordedTextChunks);
    expect([...ours.keys()]).toEqual([...recorded.keys()]);
    for (const [kind, recordedGroup] of recorded) {
      const recordedChunk = recordedGroup[0] as Chunk;
      for (const chunk of ours.get(kind) ?? []) {
        if (kind === 'usage') expect(shape(chunk['usage'])).toEqual(shape(recordedChunk['usage']));
        else expect(shape(chunk.choices)).toEqual(shape(recordedChunk.choices));
      }
    }
  });

  it('writes ids and fingerprints in OpenAI formats and repeats them on every chunk', async () => {
    const { chunks } = await stream({
      messages: [{ role: 'user', content: WEATHER_QUERY }],
      tools: weatherTools,
    });
    const recordedFirst = recordedToolChunks[0] as Chunk;
    const idFormat = /^chatcmpl-[A-Za-z0-9]{29}$/;
    const fingerprintFormat = /^fp_[0-9a-f]{10}$/;
    expect(recordedFirst['id']).toMatch(idFormat);
    expect(recordedFirst['system_fingerprint']).toMatch(fingerprintFormat);
    const first = chunks[0] as Chunk;
    expect(first['id']).toMatch(idFormat);
    expect(first['system_fingerprint']).toMatch(fingerprintFormat);
    expect(first['model']).toBe('gpt-4o-2024-08-06');
    for (const chunk of chunks) {
      expect(chunk['id']).toBe(first['id']);
      expect(chunk['created']).toBe(first['created']);
      expect(chunk['object']).toBe('chat.completion.chunk');
    }
    const opens = byKind(chunks).get('tool-open') ?? [];
    for (const chunk of opens) {
      const delta = chunk.choices[0]?.['delta'] as { tool_calls: Array<{ id: string }> };
      expect(delta.tool_calls[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    }
  });
});
