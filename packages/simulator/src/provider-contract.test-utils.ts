import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countTokens, planJsonSchema } from 'toolplan/internal';
import { createSimulatedProvider, type SimulatedProvider } from './create-simulated-provider.js';
import { TOOL_CALL_OVERHEAD_TOKENS } from './output-tokens.js';
import { PLAN_REQUEST_MARKER, PLAN_SCHEMA_NAME } from './request-markers.js';
import type { wireTool } from './simulator.test-utils.js';
import {
  CHAIN_QUERY,
  chainTools,
  compareResult,
  HELLO_QUERY,
  longSystemPrompt,
  PLAN_WIRE,
  rejectionOf,
  testScripts,
  WEATHER_QUERY,
  weatherResult,
  weatherTools,
} from './simulator.test-utils.js';

/**
 * The contract every client path to the simulated provider must pass (in the spirit of hono's
 * `common.case.test.ts`): one suite, run once per client — the AI SDK's openai-compatible
 * provider streaming and not, the official `openai` client streaming and not.
 */

/** An OpenAI wire-format message, as the tests write conversations. */
export type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | {
      role: 'assistant';
      content: string | null;
      tool_calls?: Array<{
        id: string;
        type: 'function';
        function: { name: string; arguments: string };
      }>;
    }
  | { role: 'tool'; tool_call_id: string; content: string };

export type WireTool = ReturnType<typeof wireTool>;

export interface ContractRequest {
  /** @default the provider's profile name */
  model?: string;
  messages: WireMessage[];
  tools?: WireTool[];
  parallelToolCalls?: boolean;
  responseFormat?: {
    type: 'json_schema';
    name: string;
    schema: Record<string, unknown>;
    /** Sent as the format's `strict` (the AI SDK's providers send `true` when not told). */
    strict?: boolean;
  };
  /** Sent as the `x-toolplan-fault` header. */
  fault?: string;
}

export interface ContractResult {
  text: string;
  toolCalls: Array<{ id: string; name: string; input: unknown }>;
  finishReason: 'stop' | 'tool-calls' | 'other';
  usage: { inputTokens: number; cachedInputTokens: number; outputTokens: number };
}

export interface ContractFailure {
  /** The HTTP status, or `undefined` when the connection failed. */
  status: number | undefined;
  message: string;
  retryAfter: string | undefined;
}

export interface ContractClient {
  name: string;
  complete(baseURL: string, request: ContractRequest): Promise<ContractResult>;
  /** Reads whatever the client threw as a status and a message. */
  describeFailure(error: unknown): ContractFailure;
}

export function describeProviderContract(client: ContractClient): void {
  describe(`contract: ${client.name}`, () => {
    let provider: SimulatedProvider;
    const send = (request: ContractRequest) => client.complete(provider.url, request);
    const failure = async (request: ContractRequest) =>
      client.describeFailure(await rejectionOf(send(request)));

    beforeAll(async () => {
      provider = await createSimulatedProvider({
        speed: 1000,
        scripts: testScripts,
        logger: { error: () => undefined },
      });
    });
    afterAll(() => provider.close());

    it('reads a text answer with its usage', async () => {
      const result = await send({ messages: [{ role: 'user', content: HELLO_QUERY }] });
      expect(result.text).toBe('Hello! How can I help you today?');
      expect(result.toolCalls).toEqual([]);
      expect(result.finishReason).toBe('stop');
      expect(result.usage.outputTokens).toBe(countTokens(result.text));
      expect(result.usage.inputTokens).toBeGreaterThan(countTokens(HELLO_QUERY));
      expect(result.usage.cachedInputTokens).toBe(0);
    });

    it('reads a single tool call', async () => {
      const result = await send({
        messages: [{ role: 'user', content: CHAIN_QUERY }],
        tools: chainTools,
      });
      expect(result.finishReason).toBe('tool-calls');
      expect(result.toolCalls).toEqual([
        { id: expect.stringMatching(/^call_/), name: 'get_user', input: { userId: 42 } },
      ]);
      expect(result.usage.outputTokens).toBe(
        countTokens('get_user') + countTokens('{"userId":42}') + TOOL_CALL_OVERHEAD_TOKENS,
      );
    });

    it('reads parallel tool calls, then follows the loop to the answer', async () => {
      const messages: WireMessage[] = [{ role: 'user', content: WEATHER_QUERY }];
      const first = await send({ messages, tools: weatherTools });
      expect(first.toolCalls.map(({ name, input }) => ({ name, input }))).toEqual([
        { name: 'weather_get', input: { city: 'Boston', date: '2024-01-20' } },
        { name: 'weather_get', input: { city: 'NYC', date: '2024-01-20' } },
      ]);
      expect(new Set(first.toolCalls.map((call) => call.id)).size).toBe(2);
      appendTurn(messages, first.toolCalls, (call) =>
        weatherResult((call.input as { city: string }).city),
      );

      const second = await send({ messages, tools: weatherTools });
      expect(second.toolCalls).toHaveLength(1);
      expect(second.toolCalls[0]?.name).toBe('compare_temps');
      // The model "read" the results: the arguments hold them.
      expect(second.toolCalls[0]?.input).toEqual({
        results: [weatherResult('Boston'), weatherResult('NYC')],
      });
      appendTurn(messages, second.toolCalls, () => compareResult);

      const third = await send({ messages, tools: weatherTools });
      expect(third.toolCalls).toEqual([]);
      expect(third.text).toBe('Warmer: NYC (7 degrees)');
      expect(third.finishReason).toBe('stop');
    });

    it('makes one call per turn with parallel_tool_calls: false', async () => {
      const result = await send({
        messages: [{ role: 'user', content: WEATHER_QUERY }],
        tools: weatherTools,
        parallelToolCalls: false,
      });
      expect(result.toolCalls.map(({ name, input }) => ({ name, input }))).toEqual([
        { name: 'weather_get', input: { city: 'Boston', date: '2024-01-20' } },
      ]);
    });

    it('reports cached tokens when the same long prompt is sent twice', async () => {
      const request: ContractRequest = {
        messages: [
          { role: 'system', content: longSystemPrompt(client.name) },
          { role: 'user', content: HELLO_QUERY },
        ],
      };
      const first = await send(request);
      const second = await send(request);
      expect(first.usage.inputTokens).toBeGreaterThan(1024);
      expect(first.usage.cachedInputTokens).toBe(0);
      expect(second.usage.inputTokens).toBe(first.usage.inputTokens);
      expect(second.usage.cachedInputTokens).toBeGreaterThanOrEqual(1024);
      expect(second.usage.cachedInputTokens % 128).toBe(0);
      expect(second.usage.cachedInputTokens).toBeLessThanOrEqual(second.usage.inputTokens);
      expect(second.usage.inputTokens - second.usage.cachedInputTokens).toBeLessThan(128);
    });

    it('answers a planning request with the plan as JSON matching the json_schema', async () => {
      const result = await send({
        messages: [
          { role: 'system', content: `${PLAN_REQUEST_MARKER} Reply with a plan as JSON.` },
          { role: 'user', content: WEATHER_QUERY },
        ],
        responseFormat: {
          type: 'json_schema',
          name: PLAN_SCHEMA_NAME,
          // toolplan's own plan schema, which strict mode accepts.
          schema: planJsonSchema(),
          strict: true,
        },
      });
      expect(JSON.parse(result.text)).toEqual(PLAN_WIRE);
      expect(result.finishReason).toBe('stop');
    });

    it('fails loudly when the scripted reply violates the json_schema', async () => {
      const error = await failure({
        messages: [{ role: 'user', content: `${WEATHER_QUERY} ${PLAN_REQUEST_MARKER}` }],
        responseFormat: {
          type: 'json_schema',
          name: PLAN_SCHEMA_NAME,
          schema: {
            type: 'object',
            properties: { tasks: { type: 'array', items: { type: 'string' } } },
            required: ['tasks'],
            additionalProperties: false,
          },
          strict: true,
        },
      });
      expect(error.status).toBe(500);
      expect(error.message).toMatch(/violates the json_schema/);
    });

    it('refuses a strict json_schema that breaks the strict rules with 400, as OpenAI does', async () => {
      const error = await failure({
        messages: [{ role: 'user', content: `${WEATHER_QUERY} ${PLAN_REQUEST_MARKER}` }],
        responseFormat: {
          type: 'json_schema',
          name: PLAN_SCHEMA_NAME,
          schema: {
            type: 'object',
            properties: { steps: { type: 'array' }, answer: { type: 'string' } },
            required: ['steps'],
          },
          strict: true,
        },
      });
      expect(error.status).toBe(400);
      expect(error.message).toContain(`Invalid schema for response_format '${PLAN_SCHEMA_NAME}'`);
      expect(error.message).toContain(
        "In context=('properties', 'steps'), array schema missing items.",
      );
    });

    it('refuses an unknown model with 404', async () => {
      const error = await failure({
        model: 'gpt-5-imaginary',
        messages: [{ role: 'user', content: HELLO_QUERY }],
      });
      expect(error.status).toBe(404);
      expect(error.message).toContain('gpt-5-imaginary');
    });

    it('refuses a query the script book does not know, naming it', async () => {
      const error = await failure({ messages: [{ role: 'user', content: 'What is 2 + 2?' }] });
      expect(error.status).toBe(400);
      expect(error.message).toContain('What is 2 + 2?');
    });

    it('surfaces a 429 fault with its retry-after', async () => {
      const error = await failure({
        messages: [{ role: 'user', content: HELLO_QUERY }],
        fault: 'rate-limit:2',
      });
      expect(error.status).toBe(429);
      expect(error.retryAfter).toBe('2');
    });

    it('surfaces a 500 fault', async () => {
      const error = await failure({
        messages: [{ role: 'user', content: HELLO_QUERY }],
        fault: 'server-error',
      });
      expect(error.status).toBe(500);
    });

    it('surfaces a cut stream as an error', async () => {
      const error = await failure({
        messages: [{ role: 'user', content: HELLO_QUERY }],
        fault: 'cut-stream:3',
      });
      // No error status: the connection died. The AI SDK reports the 200 of the response it was
      // reading when the socket closed; the openai client reports no status at all.
      expect([undefined, 200]).toContain(error.status);
      expect(error.message).not.toBe('');
    });
  });
}

/** Adds the assistant's tool calls and one tool message per call, as a client's loop does. */
function appendTurn(
  messages: WireMessage[],
  calls: ContractResult['toolCalls'],
  result: (call: ContractResult['toolCalls'][number]) => unknown,
): void {
  messages.push({
    role: 'assistant',
    content: null,
    tool_calls: calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: JSON.stringify(call.input) },
    })),
  });
  for (const call of calls) {
    messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result(call)) });
  }
}
