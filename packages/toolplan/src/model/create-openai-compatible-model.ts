import type { LanguageModelV3, LanguageModelV3Usage } from '@ai-sdk/provider';
import { createRequire } from 'node:module';
import type * as OpenAICompatible from '@ai-sdk/openai-compatible';

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
  /** Headers sent with every request (an organisation, a project, a namespace). */
  headers?: Record<string, string>;
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
  const { createOpenAICompatible } = loadOpenAICompatible();
  const provider = createOpenAICompatible({
    baseURL: options.baseURL,
    name: options.name ?? 'openai-compatible',
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    includeUsage: true,
    convertUsage: convertChatUsage,
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

/** Chat Completions `usage`, as far as it is read here. */
interface ChatUsage {
  prompt_tokens?: number | null | undefined;
  completion_tokens?: number | null | undefined;
  total_tokens?: number | null | undefined;
  prompt_tokens_details?: { cached_tokens?: number | null | undefined } | null | undefined;
  completion_tokens_details?: { reasoning_tokens?: number | null | undefined } | null | undefined;
}

/**
 * Chat Completions usage as the AI SDK's openai-compatible provider reads it, where
 * `completion_tokens` includes the reasoning tokens (OpenAI's convention) — except for servers
 * whose `completion_tokens` leaves them out, as xAI's does (`total_tokens` = prompt + completion +
 * reasoning; the AI SDK's own xAI provider adds them back the same way). There the output is
 * completion + reasoning tokens: otherwise a reasoning model's output would be counted at a
 * fraction of what it generated and was billed for.
 */
function convertChatUsage(usage: ChatUsage | null | undefined): LanguageModelV3Usage {
  if (usage == null) {
    return {
      inputTokens: {
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const prompt = usage.prompt_tokens ?? 0;
  const completion = usage.completion_tokens ?? 0;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens ?? 0;
  const excludesReasoning = reasoning > 0 && usage.total_tokens === prompt + completion + reasoning;
  return {
    inputTokens: {
      total: prompt,
      noCache: prompt - cached,
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: excludesReasoning
      ? { total: completion + reasoning, text: completion, reasoning }
      : { total: completion, text: Math.max(0, completion - reasoning), reasoning },
    raw: usage as NonNullable<LanguageModelV3Usage['raw']>,
  };
}

const require = createRequire(import.meta.url);

/** Loaded on the first model made, not when toolplan is imported (start-up time, measured). */
function loadOpenAICompatible(): typeof OpenAICompatible {
  return require('@ai-sdk/openai-compatible') as typeof OpenAICompatible;
}
