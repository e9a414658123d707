import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';

export interface OpenAICompatibleModelOptions {
  /** Base URL ending in `/v1` (the simulated provider's `url`, Ollama's, vLLM's, OpenAI's…). */
  baseURL: string;
  /** The model id sent in requests. */
  modelId: string;
  /** Sent as a bearer token; local servers usually ignore it. */
  apiKey?: string;
  /** Provider name used in AI SDK metadata. @default 'openai-compatible' */
  name?: string;
  /**
   * Set `parallel_tool_calls` in every request; `false` is the tutorial loop that makes one tool
   * call per turn. @default undefined (the server's default: parallel)
   */
  parallelToolCalls?: boolean;
  /** @default true */
  supportsStructuredOutputs?: boolean;
}

/**
 * A model reached over the OpenAI Chat Completions wire through the AI SDK's
 * `@ai-sdk/openai-compatible` provider — the path toolplan uses for the simulated provider and
 * for any OpenAI-compatible server.
 */
export function createOpenAICompatibleModel(
  options: OpenAICompatibleModelOptions,
): LanguageModelV3 {
  const { parallelToolCalls } = options;
  const provider = createOpenAICompatible({
    baseURL: options.baseURL,
    name: options.name ?? 'openai-compatible',
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    includeUsage: true,
    supportsStructuredOutputs: options.supportsStructuredOutputs ?? true,
    ...(parallelToolCalls === undefined
      ? {}
      : {
          transformRequestBody: (body: Record<string, unknown>) =>
            body['tools'] === undefined
              ? body
              : { ...body, parallel_tool_calls: parallelToolCalls },
        }),
  });
  return provider.chatModel(options.modelId);
}
