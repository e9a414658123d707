import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import {
  HELLO_QUERY,
  longSystemPrompt,
  testScripts,
  WEATHER_QUERY,
} from './simulator.test-utils.js';

// `POST /v1/responses` is served by the same machinery as Chat Completions: the same request
// rules, token counts, prompt cache and namespaces, answered in the Responses shapes.

const loose = { type: 'object', properties: { city: { type: 'string' } } };

describe('POST /v1/responses', () => {
  let provider: SimulatedProvider;
  beforeAll(async () => {
    provider = await createSimulatedProvider({ speed: 1000, scripts: testScripts });
  });
  beforeEach(() => provider.resetStats());
  afterAll(() => provider.close());

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${provider.url}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('refuses a strict function whose parameters break the strict rules, and only a strict one', async () => {
    const tool = { type: 'function', name: 'weather_get', parameters: loose };
    const refused = await post('responses', {
      model: 'gpt-4o',
      input: WEATHER_QUERY,
      tools: [{ ...tool, strict: true }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toMatchObject({
      type: 'invalid_request_error',
      param: 'tools[0].parameters',
      code: 'invalid_function_parameters',
      message: expect.stringMatching(/^Invalid schema for function 'weather_get': In context=\(\)/),
    });
    // Without `strict`, OpenAI falls back to non-strict calling for a schema strict mode cannot take.
    const served = await post('responses', {
      model: 'gpt-4o',
      input: WEATHER_QUERY,
      tools: [tool],
    });
    expect(served.status).toBe(200);
    expect(served.body['tools']).toEqual([
      {
        type: 'function',
        description: null,
        name: 'weather_get',
        parameters: loose,
        strict: false,
      },
    ]);
  });

  it('counts the same tokens as Chat Completions for the same conversation', async () => {
    const system = longSystemPrompt('responses-endpoint');
    const chat = await post('chat/completions', {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: HELLO_QUERY },
      ],
    });
    const responses = await post('responses', {
      model: 'gpt-4o',
      instructions: system,
      input: HELLO_QUERY,
    });
    const chatUsage = chat.body['usage'] as Record<string, number>;
    const usage = responses.body['usage'] as {
      input_tokens: number;
      input_tokens_details: { cached_tokens: number };
      output_tokens: number;
    };
    expect(usage.input_tokens).toBe(chatUsage['prompt_tokens']);
    expect(usage.output_tokens).toBe(chatUsage['completion_tokens']);
    // Same prompt, same namespace: the Responses request reads the prefix the chat one cached.
    expect(usage.input_tokens_details.cached_tokens).toBeGreaterThanOrEqual(1024);
    expect(provider.stats().log.map((entry) => [entry.mode, entry.id?.slice(0, 5)])).toEqual([
      ['join', 'chatc'],
      ['join', 'resp_'],
    ]);
  });

  it('keeps namespaces apart and words its own errors', async () => {
    const body = { model: 'gpt-4o', instructions: longSystemPrompt('ns'), input: HELLO_QUERY };
    await post('responses', body, { 'x-toolplan-namespace': 'a' });
    const other = await post('responses', body, { 'x-toolplan-namespace': 'b' });
    expect(other.body['usage']).toMatchObject({ input_tokens_details: { cached_tokens: 0 } });

    const json = await post('responses', {
      model: 'gpt-4o',
      input: HELLO_QUERY,
      text: { format: { type: 'json_object' } },
    });
    expect(json.status).toBe(400);
    expect(json.body['error']).toMatchObject({
      param: 'input',
      message:
        "'input' must contain the word 'json' in some form, to use 'text.format' of type 'json_object'.",
    });
    const unknown = await post('responses', { model: 'gpt-5', input: HELLO_QUERY });
    expect([unknown.status, (unknown.body['error'] as { code: string }).code]).toEqual([
      404,
      'model_not_found',
    ]);
  });
});
