import type { LanguageModelV3Usage } from '@ai-sdk/provider';
import type { LanguageModelV4Usage } from '@ai-sdk/provider-v4';

/**
 * A V4 call's usage in V3's terms. The two specifications count the same tokens under the same
 * names (input: total, not cached, read from and written to the cache; output: total, text,
 * reasoning), so every count is kept as it is, unknown ones included.
 */
export function toV3Usage(usage: LanguageModelV4Usage): LanguageModelV3Usage {
  const { inputTokens, outputTokens, raw } = usage;
  return {
    inputTokens: {
      total: inputTokens.total,
      noCache: inputTokens.noCache,
      cacheRead: inputTokens.cacheRead,
      cacheWrite: inputTokens.cacheWrite,
    },
    outputTokens: {
      total: outputTokens.total,
      text: outputTokens.text,
      reasoning: outputTokens.reasoning,
    },
    // The same JSON: V4's types mark its arrays and objects readonly, V3's do not, and nothing
    // downstream writes to it.
    ...(raw === undefined ? {} : { raw: raw as NonNullable<LanguageModelV3Usage['raw']> }),
  };
}
