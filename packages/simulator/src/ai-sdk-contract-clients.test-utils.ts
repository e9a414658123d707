import {
  APICallError,
  type LanguageModelV3,
  type LanguageModelV3CallOptions,
  type LanguageModelV3Content,
  type LanguageModelV3FinishReason,
  type LanguageModelV3Message,
  type LanguageModelV3Prompt,
  type LanguageModelV3Usage,
  type SharedV3ProviderOptions,
} from '@ai-sdk/provider';
import type {
  ContractClient,
  ContractFailure,
  ContractRequest,
  ContractResult,
  WireMessage,
} from './provider-contract.test-utils.js';

/**
 * The provider contract's clients for an AI SDK provider package, called through the
 * LanguageModelV3 interface: streamed (`doStream`) and not (`doGenerate`). `providerOptions` says
 * how the package is told what the request asks beyond the call options (parallel tool calls,
 * strict schemas).
 */
export function aiSdkContractClients(options: {
  label: string;
  model: (baseURL: string, request: ContractRequest) => LanguageModelV3;
  providerOptions: (request: ContractRequest) => SharedV3ProviderOptions;
}): [streaming: ContractClient, generating: ContractClient] {
  const { label, model, providerOptions } = options;
  const streaming: ContractClient = {
    name: `${label}, doStream`,
    describeFailure,
    async complete(baseURL, request) {
      const { stream } = await model(baseURL, request).doStream(
        callOptions(request, providerOptions(request)),
      );
      const content: LanguageModelV3Content[] = [];
      let text = '';
      let finish:
        { finishReason: LanguageModelV3FinishReason; usage: LanguageModelV3Usage } | undefined;
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value.type === 'error') throw value.error;
        if (value.type === 'text-delta') text += value.delta;
        if (value.type === 'tool-call') content.push(value);
        if (value.type === 'finish') finish = value;
      }
      if (finish === undefined) throw new Error('The stream ended without a finish part.');
      if (text !== '') content.unshift({ type: 'text', text });
      return toResult({ content, ...finish });
    },
  };

  const generating: ContractClient = {
    name: `${label}, doGenerate`,
    describeFailure,
    async complete(baseURL, request) {
      const result = await model(baseURL, request).doGenerate(
        callOptions(request, providerOptions(request)),
      );
      return toResult(result);
    },
  };
  return [streaming, generating];
}

function callOptions(
  request: ContractRequest,
  providerOptions: SharedV3ProviderOptions,
): LanguageModelV3CallOptions {
  return {
    prompt: toPrompt(request.messages),
    ...(request.tools === undefined
      ? {}
      : {
          tools: request.tools.map((tool) => ({
            type: 'function' as const,
            name: tool.function.name,
            description: tool.function.description,
            inputSchema: tool.function.parameters as never,
          })),
        }),
    providerOptions,
    ...(request.responseFormat === undefined
      ? {}
      : {
          responseFormat: {
            type: 'json' as const,
            name: request.responseFormat.name,
            schema: request.responseFormat.schema as never,
          },
        }),
    ...(request.fault === undefined ? {} : { headers: { 'x-toolplan-fault': request.fault } }),
  };
}

/** OpenAI wire messages as the AI SDK's provider-level prompt. */
function toPrompt(messages: readonly WireMessage[]): LanguageModelV3Prompt {
  const toolNames = new Map<string, string>();
  return messages.map((message): LanguageModelV3Message => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: [{ type: 'text', text: message.content }] };
      case 'assistant':
        return {
          role: 'assistant',
          content: [
            ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
            ...(message.tool_calls ?? []).map((call) => {
              toolNames.set(call.id, call.function.name);
              return {
                type: 'tool-call' as const,
                toolCallId: call.id,
                toolName: call.function.name,
                input: JSON.parse(call.function.arguments) as unknown,
              };
            }),
          ],
        };
      case 'tool':
        return {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: message.tool_call_id,
              toolName: toolNames.get(message.tool_call_id) ?? 'unknown',
              output: { type: 'json', value: JSON.parse(message.content) as never },
            },
          ],
        };
    }
  });
}

function toResult(options: {
  content: readonly LanguageModelV3Content[];
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
}): ContractResult {
  let text = '';
  const toolCalls: ContractResult['toolCalls'] = [];
  for (const part of options.content) {
    if (part.type === 'text') text += part.text;
    if (part.type === 'tool-call') {
      toolCalls.push({
        id: part.toolCallId,
        name: part.toolName,
        input: JSON.parse(part.input) as unknown,
      });
    }
  }
  const unified = options.finishReason.unified;
  return {
    text,
    toolCalls,
    finishReason: unified === 'stop' || unified === 'tool-calls' ? unified : 'other',
    usage: {
      inputTokens: options.usage.inputTokens.total ?? NaN,
      cachedInputTokens: options.usage.inputTokens.cacheRead ?? NaN,
      outputTokens: options.usage.outputTokens.total ?? NaN,
    },
  };
}

function describeFailure(error: unknown): ContractFailure {
  if (APICallError.isInstance(error)) {
    return {
      status: error.statusCode,
      message: error.message,
      retryAfter: error.responseHeaders?.['retry-after'],
    };
  }
  return { status: undefined, message: String(error), retryAfter: undefined };
}
