import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { countTokens } from 'toolplan/internal';
import { computeRequestCost } from './compute-request-cost.js';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import type { ModelProfile } from './profiles/index.js';
import { gpt4oProfile } from './profiles/index.js';
import { PLAN_REQUEST_MARKER } from './request-markers.js';
import {
  CHAIN_QUERY,
  chainTools,
  HELLO_QUERY,
  longSystemPrompt,
  PLAN_WIRE,
  testScripts,
  WEATHER_QUERY,
  weatherTools,
} from './simulator.test-utils.js';
import { SimulatorOptionsError } from './simulator-errors.js';

interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

async function post(
  provider: SimulatedProvider,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(`${provider.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

function chat(content: string, extra: Record<string, unknown> = {}) {
  return { model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra };
}

function expectOpenAIError(json: unknown): ErrorBody['error'] {
  const body = json as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  return body.error;
}

function contentOf(json: unknown): string | null {
  return (json as { choices: Array<{ message: { content: string | null } }> }).choices[0]?.message
    .content as string | null;
}

describe('createSimulatedProvider', () => {
  const logger = { error: vi.fn<(message: string) => void>() };
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts, logger });
  });
  afterAll(() => provider.close());
  afterEach(() => logger.error.mockClear());

  it('listens on 127.0.0.1 on a free port and gives a base URL ending in /v1', () => {
    expect(provider.url).toBe(`http://127.0.0.1:${provider.port}/v1`);
    expect(provider.port).toBeGreaterThan(0);
  });

  it('rejects bad options before listening, naming option and value', async () => {
    await expect(createSimulatedProvider({ speed: 0 })).rejects.toThrow(
      'Expected `speed` to be a positive number, got `0`',
    );
    await expect(createSimulatedProvider({ speed: 0 })).rejects.toBeInstanceOf(
      SimulatorOptionsError,
    );
  });

  describe('GET /v1/models', () => {
    it('lists the served model', async () => {
      const response = await fetch(`${provider.url}/models`);
      expect(await response.json()).toEqual({
        object: 'list',
        data: [
          {
            id: 'gpt-4o',
            object: 'model',
            created: expect.any(Number),
            owned_by: 'toolplan-simulator',
          },
        ],
      });
    });

    it('retrieves the served model and refuses others', async () => {
      expect((await fetch(`${provider.url}/models/gpt-4o`)).status).toBe(200);
      const missing = await fetch(`${provider.url}/models/gpt-3`);
      expect(missing.status).toBe(404);
      expect(expectOpenAIError(await missing.json()).code).toBe('model_not_found');
    });
  });

  it('answers an unknown route with an OpenAI-shaped 404', async () => {
    const response = await fetch(`${provider.url}/completions`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(expectOpenAIError(await response.json()).message).toBe(
      'Invalid URL (POST /v1/completions)',
    );
  });

  describe('bad requests', () => {
    it('refuses malformed JSON', async () => {
      const { status, json } = await post(provider, '{"model": "gpt-4o", ');
      expect(status).toBe(400);
      const error = expectOpenAIError(json);
      expect(error.type).toBe('invalid_request_error');
      expect(error.message).toMatch(/could not parse the JSON body/);
    });

    it('refuses a request without messages', async () => {
      const { status, json } = await post(provider, { model: 'gpt-4o' });
      expect(status).toBe(400);
      expect(expectOpenAIError(json)).toEqual({
        message: "Missing required parameter: 'messages'.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'missing_required_parameter',
      });
    });

    it('refuses an empty messages array', async () => {
      const { status, json } = await post(provider, { model: 'gpt-4o', messages: [] });
      expect(status).toBe(400);
      expect(expectOpenAIError(json).code).toBe('empty_array');
    });

    it('refuses a request without a model', async () => {
      const { status, json } = await post(provider, { messages: [{ role: 'user', content: 'x' }] });
      expect(status).toBe(400);
      expect(expectOpenAIError(json).message).toBe('you must provide a model parameter');
    });

    it('refuses an unknown role, naming the parameter', async () => {
      const { status, json } = await post(provider, {
        model: 'gpt-4o',
        messages: [{ role: 'wizard', content: 'x' }],
      });
      expect(status).toBe(400);
      expect(expectOpenAIError(json).param).toBe('messages[0].role');
    });

    it('refuses an unknown model with 404 model_not_found', async () => {
      const { status, json } = await post(provider, { ...chat(HELLO_QUERY), model: 'gpt-9' });
      expect(status).toBe(404);
      expect(expectOpenAIError(json).code).toBe('model_not_found');
    });

    it('refuses tool calls left without results, as OpenAI does', async () => {
      const { status, json } = await post(provider, {
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: CHAIN_QUERY },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_user', arguments: '{}' } },
            ],
          },
          { role: 'user', content: 'and?' },
        ],
        tools: chainTools,
      });
      expect(status).toBe(400);
      expect(expectOpenAIError(json).message).toContain('call_1');
    });

    it('refuses a tool message that answers no call', async () => {
      const { status } = await post(provider, {
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: CHAIN_QUERY },
          { role: 'tool', tool_call_id: 'call_x', content: '{}' },
        ],
      });
      expect(status).toBe(400);
    });

    it("refuses json_object when no message mentions 'json'", async () => {
      const { status, json } = await post(
        provider,
        chat(HELLO_QUERY, { response_format: { type: 'json_object' } }),
      );
      expect(status).toBe(400);
      expect(expectOpenAIError(json).message).toMatch(/must contain the word 'json'/);
    });

    it('refuses a fault header it cannot read', async () => {
      const { status, json } = await post(provider, chat(HELLO_QUERY), {
        'x-toolplan-fault': 'explode',
      });
      expect(status).toBe(400);
      expect(expectOpenAIError(json).code).toBe('invalid_fault');
    });
  });

  describe('scripts', () => {
    it('names the query it has no script for', async () => {
      const { status, json } = await post(provider, chat('Book me a flight to Mars.'));
      expect(status).toBe(400);
      const error = expectOpenAIError(json);
      expect(error.code).toBe('unscripted_query');
      expect(error.message).toContain('"Book me a flight to Mars."');
      expect(error.message).toContain('`weather`');
    });

    it('answers a planning request (marker in the user text) even when tools are sent', async () => {
      const { status, json } = await post(
        provider,
        chat(`${PLAN_REQUEST_MARKER}\n${WEATHER_QUERY}`, { tools: weatherTools }),
      );
      expect(status).toBe(200);
      expect(JSON.parse(contentOf(json) as string)).toEqual(PLAN_WIRE);
    });

    it('answers a join request from results written in the prompt', async () => {
      const prompt = `${WEATHER_QUERY}\nResults:\n{"results": {"cmp": {"warmer": "NYC", "diff": 7}}}`;
      const { status, json } = await post(provider, chat(prompt));
      expect(status).toBe(200);
      expect(contentOf(json)).toBe('Warmer: NYC (7 degrees)');
    });

    it('treats tool_choice "none" as a join request', async () => {
      const prompt = `${WEATHER_QUERY} {"cmp": {"warmer": "Boston", "diff": 1}}`;
      const { json } = await post(
        provider,
        chat(prompt, { tools: weatherTools, tool_choice: 'none' }),
      );
      expect(contentOf(json)).toBe('Warmer: Boston (1 degrees)');
    });

    it('fails loudly (500 and a log line) when the join answer cannot be resolved', async () => {
      const { status, json } = await post(provider, chat(WEATHER_QUERY));
      expect(status).toBe(500);
      const error = expectOpenAIError(json);
      expect(error.code).toBe('script_error');
      expect(error.message).toContain(WEATHER_QUERY);
      expect(logger.error).toHaveBeenCalledTimes(1);
    });

    it('fails loudly when json_object is asked for and the script is not JSON', async () => {
      const { status } = await post(
        provider,
        chat(`${HELLO_QUERY} Answer in json.`, { response_format: { type: 'json_object' } }),
      );
      expect(status).toBe(500);
      expect(logger.error.mock.calls[0]?.[0]).toMatch(/not JSON/);
    });

    it('refuses a conversation that has left the script', async () => {
      const { status, json } = await post(provider, {
        model: 'gpt-4o',
        tools: chainTools,
        messages: [
          { role: 'user', content: CHAIN_QUERY },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_other',
                type: 'function',
                function: { name: 'get_user', arguments: '{"userId":7}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_other', content: '{"id":7}' },
        ],
      });
      expect(status).toBe(400);
      const error = expectOpenAIError(json);
      expect(error.code).toBe('unscripted_turn');
      expect(error.message).toContain('get_user({"userId":7})');
    });

    it('refuses to call a tool the request does not offer', async () => {
      const { status, json } = await post(provider, chat(CHAIN_QUERY, { tools: weatherTools }));
      expect(status).toBe(400);
      expect(expectOpenAIError(json).message).toContain('`get_user`');
    });
  });

  describe('streams', () => {
    it('leaves out the usage chunk unless include_usage is set', async () => {
      const { text } = await post(provider, chat(HELLO_QUERY, { stream: true }));
      expect(text).not.toContain('"usage"');
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    });

    it('cuts the connection after N chunks with a cut-stream fault', async () => {
      const response = await fetch(`${provider.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-toolplan-fault': 'cut-stream:4' },
        body: JSON.stringify(chat(HELLO_QUERY, { stream: true })),
      });
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let received = '';
      const decoder = new TextDecoder();
      await expect(
        (async () => {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            received += decoder.decode(value);
          }
        })(),
      ).rejects.toThrow();
      expect(received.split('\n\n').filter((event) => event.startsWith('data: '))).toHaveLength(4);
    });
  });

  describe('stats and cache', () => {
    it('records every request with its tokens and cost', async () => {
      provider.resetStats();
      const ok = await post(provider, chat(HELLO_QUERY));
      await post(provider, chat('Not scripted.'));
      const stats = provider.stats();
      expect(stats.requests).toBe(2);
      expect(stats.completions).toBe(1);
      expect(stats.failures).toBe(1);
      expect(stats.byMode.join).toBe(1);
      const usage = (ok.json as { usage: { prompt_tokens: number; completion_tokens: number } })
        .usage;
      const [first, second] = stats.log;
      expect(first).toMatchObject({
        status: 200,
        scenario: 'hello',
        mode: 'join',
        promptTokens: usage.prompt_tokens,
        completionTokens: usage.completion_tokens,
      });
      expect(first?.costUsd).toBeCloseTo(
        computeRequestCost(
          {
            promptTokens: usage.prompt_tokens,
            cachedTokens: 0,
            completionTokens: usage.completion_tokens,
          },
          gpt4oProfile,
        ),
        12,
      );
      expect(first?.durationMs).toBeGreaterThan(first?.timeToFirstTokenMs ?? Infinity);
      expect(second).toMatchObject({ status: 400, errorCode: 'unscripted_query' });
      expect(stats.costUsd).toBeCloseTo(first?.costUsd ?? NaN, 12);
      provider.resetStats();
      expect(provider.stats().requests).toBe(0);
    });

    it('forgets cached prompts on clearPromptCache()', async () => {
      const body = {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: longSystemPrompt('clear-cache') },
          { role: 'user', content: HELLO_QUERY },
        ],
      };
      const cached = async () =>
        (
          (await post(provider, body)).json as {
            usage: { prompt_tokens_details: { cached_tokens: number } };
          }
        ).usage.prompt_tokens_details.cached_tokens;
      expect(await cached()).toBe(0);
      expect(await cached()).toBeGreaterThan(0);
      provider.clearPromptCache();
      expect(await cached()).toBe(0);
    });

    it('caches a shared prefix across a tool loop: the second turn reuses the first', async () => {
      const system = { role: 'system', content: longSystemPrompt('loop-prefix') };
      const first = await post(provider, {
        model: 'gpt-4o',
        tools: chainTools,
        messages: [system, { role: 'user', content: CHAIN_QUERY }],
      });
      const call = (
        first.json as {
          choices: Array<{ message: { tool_calls: Array<{ id: string; function: unknown }> } }>;
        }
      ).choices[0]?.message.tool_calls[0];
      const second = await post(provider, {
        model: 'gpt-4o',
        tools: chainTools,
        messages: [
          system,
          { role: 'user', content: CHAIN_QUERY },
          { role: 'assistant', content: null, tool_calls: [{ ...call, type: 'function' }] },
          { role: 'tool', tool_call_id: call?.id, content: '{"id":42,"name":"Ada"}' },
        ],
      });
      const usage = (second.json as { usage: Record<string, Record<string, number>> }).usage;
      const firstPrompt = (first.json as { usage: { prompt_tokens: number } }).usage.prompt_tokens;
      // The whole first prompt is a prefix of the second (its reply priming opens the
      // assistant message that follows).
      expect(usage['prompt_tokens_details']?.['cached_tokens']).toBe(
        Math.floor(firstPrompt / 128) * 128,
      );
    });
  });
});

describe('createSimulatedProvider faults from options', () => {
  it('applies a rule after `skip` requests, `times` times', async () => {
    const provider = await createSimulatedProvider({
      speed: 1000,
      scripts: testScripts,
      faults: [
        { fault: { kind: 'rate-limit', retryAfterSeconds: 3 }, skip: 1, times: 1 },
        { fault: { kind: 'server-error' }, skip: 2, times: 1 },
      ],
    });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let index = 0; index < 4; index += 1) {
        const response = await post(provider, chat(HELLO_QUERY));
        statuses.push(response.status);
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after');
          expect(expectOpenAIError(response.json).code).toBe('rate_limit_exceeded');
        }
      }
      expect(statuses).toEqual([200, 429, 500, 200]);
      expect(retryAfter).toBe('3');
      expect(provider.stats().log.map((entry) => entry.fault)).toEqual([
        undefined,
        'rate-limit:3',
        'server-error',
        undefined,
      ]);
    } finally {
      await provider.close();
    }
  });
});

describe('createSimulatedProvider timing', () => {
  // A profile without randomness (p50 = p95) and slow enough to measure.
  const slow: ModelProfile = {
    ...gpt4oProfile,
    name: 'slow-model',
    timeToFirstTokenMs: { p50: 200, p95: 200 },
    decodeTokensPerSecond: 20,
    prefillTokensPerSecond: 1_000_000,
    cachedPrefillTokensPerSecond: 1_000_000,
  };
  const answer = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
  const scripts = { scenarios: [{ name: 'count', query: 'Count.', joinAnswer: answer }] };

  /**
   * A clock on which waiting takes no real time: each sleep moves virtual time forward, so the
   * pacing of the stream is checked exactly, and a loaded machine cannot make the test flaky.
   */
  function virtualClock() {
    let now = 0;
    const sleeps: number[] = [];
    const clock = {
      now: () => now,
      sleep: (ms: number) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
    };
    return { clock, sleeps, now: () => now };
  }

  /** The virtual moments at which the server wrote the stream: where each of its waits ended. */
  async function writeTimes(speed: number): Promise<number[]> {
    const { clock, sleeps } = virtualClock();
    const provider = await createSimulatedProvider({ profile: slow, speed, scripts, clock });
    try {
      const response = await fetch(`${provider.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'slow-model',
          stream: true,
          messages: [{ role: 'user', content: 'Count.' }],
        }),
      });
      expect(await response.text()).toContain('data: [DONE]');
      let elapsed = 0;
      return sleeps.map((ms) => (elapsed += ms));
    } finally {
      await provider.close();
    }
  }

  it('streams output over time at the decode rate, scaled by speed', async () => {
    // n tokens at 20 tokens/s after a 200 ms first token: the last token is due (n − 1) × 50 ms
    // after the first. At speed 10, a tenth of each, in virtual time.
    const decodeMs = (countTokens(answer) - 1) * 50;
    const atSpeed1 = await writeTimes(1);
    const atSpeed10 = await writeTimes(10);
    const spread = (times: number[]) => (times.at(-1) as number) - (times[0] as number);
    expect(atSpeed1[0]).toBeCloseTo(200, 0);
    expect(spread(atSpeed1)).toBeCloseTo(decodeMs, 0);
    expect(atSpeed10[0]).toBeCloseTo(20, 0);
    expect(spread(atSpeed10)).toBeCloseTo(decodeMs / 10, 0);
    // Written token by token over time, not in one burst.
    expect(atSpeed1.length).toBeGreaterThan(10);
  });

  it('waits the whole generation before a non-streamed answer', async () => {
    const { clock, now } = virtualClock();
    const provider = await createSimulatedProvider({ profile: slow, speed: 10, scripts, clock });
    try {
      const { json } = await post(provider, {
        model: 'slow-model',
        messages: [{ role: 'user', content: 'Count.' }],
      });
      expect(contentOf(json)).toBe(answer);
      const record = provider.stats().log[0];
      expect(now()).toBeCloseTo((record?.durationMs ?? 0) / 10, 3);
    } finally {
      await provider.close();
    }
  });
});

describe('createSimulatedProvider close', () => {
  it('ends streams in flight, however often it is called', async () => {
    // A clock whose waits never end on their own: the stream can only end because of close().
    const clock = {
      now: () => 0,
      sleep: (_ms: number, signal: AbortSignal) =>
        new Promise<void>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
        }),
    };
    const provider = await createSimulatedProvider({ speed: 1, scripts: testScripts, clock });
    const response = await fetch(`${provider.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chat(HELLO_QUERY, { stream: true })),
    });
    const reading = response.text();
    await Promise.all([provider.close(), provider.close()]);
    await expect(reading).rejects.toThrow();
  });
});

describe('createSimulatedProvider seeds', () => {
  async function run(seed: number) {
    const provider = await createSimulatedProvider({ speed: 1000, seed, scripts: testScripts });
    try {
      const ids: unknown[] = [];
      for (const body of [
        chat(HELLO_QUERY),
        chat(HELLO_QUERY),
        chat(CHAIN_QUERY, { tools: chainTools }),
      ]) {
        const { status, json } = await post(provider, body);
        expect(status).toBe(200);
        ids.push((json as { id: string }).id);
      }
      return { ids, ttfts: provider.stats().log.map((entry) => entry.timeToFirstTokenMs) };
    } finally {
      await provider.close();
    }
  }

  it('replays the same draws and ids for the same seed, and others for another seed', async () => {
    const first = await run(7);
    const again = await run(7);
    const other = await run(8);
    expect(again).toEqual(first);
    expect(other.ttfts).not.toEqual(first.ttfts);
    expect(other.ids).not.toEqual(first.ids);
    // Repeating a request is a new draw, not a copy of the last one.
    expect(first.ttfts[0]).not.toBe(first.ttfts[1]);
  });
});
