import OpenAI, { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { createSimulatedProvider } from './create-simulated-provider.js';
import type {
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import {
  describeProviderContract,
  type ContractClient,
  type ContractFailure,
  type ContractRequest,
  type ContractResult,
} from './provider-contract.test-utils.js';

// The official `openai` client (v6), streamed and not. Retries are off: a fault must surface.

function createParams(request: ContractRequest): ChatCompletionCreateParamsBase {
  return {
    model: request.model ?? 'gpt-4o',
    messages: request.messages as ChatCompletionMessageParam[],
    ...(request.tools === undefined ? {} : { tools: request.tools }),
    ...(request.parallelToolCalls === undefined
      ? {}
      : { parallel_tool_calls: request.parallelToolCalls }),
    ...(request.responseFormat === undefined
      ? {}
      : {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.responseFormat.name,
              schema: request.responseFormat.schema,
              ...(request.responseFormat.strict === undefined
                ? {}
                : { strict: request.responseFormat.strict }),
            },
          },
        }),
  };
}

function clientFor(baseURL: string, request: ContractRequest) {
  const client = new OpenAI({ baseURL, apiKey: 'test-key', maxRetries: 0 });
  const options =
    request.fault === undefined ? {} : { headers: { 'x-toolplan-fault': request.fault } };
  return { client, options };
}

function finishReason(reason: string | null | undefined): ContractResult['finishReason'] {
  if (reason === 'stop') return 'stop';
  if (reason === 'tool_calls') return 'tool-calls';
  return 'other';
}

function describeFailure(error: unknown): ContractFailure {
  if (error instanceof APIError) {
    return {
      status: error.status,
      message: error.message,
      retryAfter: error.headers?.get('retry-after') ?? undefined,
    };
  }
  return { status: undefined, message: String(error), retryAfter: undefined };
}

const streaming: ContractClient = {
  name: 'openai client, streaming',
  describeFailure,
  async complete(baseURL, request) {
    const { client, options } = clientFor(baseURL, request);
    const stream = await client.chat.completions.create(
      { ...createParams(request), stream: true, stream_options: { include_usage: true } },
      options,
    );
    let text = '';
    const calls: Array<{ id: string; name: string; arguments: string }> = [];
    let reason: string | null | undefined;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (choice === undefined) continue;
      text += choice.delta.content ?? '';
      for (const delta of choice.delta.tool_calls ?? []) {
        const call = (calls[delta.index] ??= { id: '', name: '', arguments: '' });
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.name = delta.function.name;
        call.arguments += delta.function?.arguments ?? '';
      }
      if (choice.finish_reason) reason = choice.finish_reason;
    }
    return {
      text,
      toolCalls: calls.map((call) => ({
        id: call.id,
        name: call.name,
        input: JSON.parse(call.arguments) as unknown,
      })),
      finishReason: finishReason(reason),
      usage: {
        inputTokens: usage?.prompt_tokens ?? NaN,
        cachedInputTokens: usage?.prompt_tokens_details?.cached_tokens ?? NaN,
        outputTokens: usage?.completion_tokens ?? NaN,
      },
    };
  },
};

const nonStreaming: ContractClient = {
  name: 'openai client, non-streaming',
  describeFailure,
  async complete(baseURL, request) {
    const { client, options } = clientFor(baseURL, request);
    const completion = await client.chat.completions.create(
      { ...createParams(request), stream: false },
      options,
    );
    const choice = completion.choices[0];
    return {
      text: choice?.message.content ?? '',
      toolCalls: (choice?.message.tool_calls ?? []).flatMap((call) =>
        call.type === 'function'
          ? [
              {
                id: call.id,
                name: call.function.name,
                input: JSON.parse(call.function.arguments) as unknown,
              },
            ]
          : [],
      ),
      finishReason: finishReason(choice?.finish_reason),
      usage: {
        inputTokens: completion.usage?.prompt_tokens ?? NaN,
        cachedInputTokens: completion.usage?.prompt_tokens_details?.cached_tokens ?? NaN,
        outputTokens: completion.usage?.completion_tokens ?? NaN,
      },
    };
  },
};

describe('openai client, models', () => {
  it('lists and retrieves the served model', async () => {
    const provider = await createSimulatedProvider({ profile: 'claude-sonnet', speed: 1000 });
    try {
      const client = new OpenAI({ baseURL: provider.url, apiKey: 'test-key', maxRetries: 0 });
      const models = [];
      for await (const model of client.models.list()) models.push(model.id);
      expect(models).toEqual(['claude-sonnet']);
      expect((await client.models.retrieve('claude-sonnet')).id).toBe('claude-sonnet');
    } finally {
      await provider.close();
    }
  });
});

describeProviderContract(streaming);
describeProviderContract(nonStreaming);
