import type { LanguageModelV3Message } from '@ai-sdk/provider';

/**
 * Anthropic caches a prompt only up to a breakpoint the request marks; OpenAI caches identical
 * prefixes on its own. Marking the stable system message lets both cache it. Other providers
 * ignore options addressed to `anthropic`.
 */
export const CACHE_STABLE_PREFIX = { anthropic: { cacheControl: { type: 'ephemeral' } } } as const;

/**
 * A system message holding a prompt's stable part (instructions, tool renderings): it goes first
 * and carries the cache breakpoint, so every call that starts with it can be served from cache.
 */
export function stableSystemMessage(content: string): LanguageModelV3Message {
  return { role: 'system', content, providerOptions: CACHE_STABLE_PREFIX };
}
