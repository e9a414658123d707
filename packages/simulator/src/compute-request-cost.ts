import type { ModelProfile } from './profiles/index.js';

/** A request's tokens, as the provider reports them. */
export interface TokenUsage {
  /** Every input token, cached ones included (OpenAI's `prompt_tokens`). */
  promptTokens: number;
  /** The part of `promptTokens` served from the prompt cache. */
  cachedTokens: number;
  completionTokens: number;
}

/** The price of one request in US dollars under the profile's per-million-token prices. */
export function computeRequestCost(usage: TokenUsage, profile: ModelProfile): number {
  const prices = profile.pricePerMillionTokens;
  const uncached = Math.max(0, usage.promptTokens - usage.cachedTokens);
  return (
    (uncached * prices.input +
      usage.cachedTokens * prices.cachedInput +
      usage.completionTokens * prices.output) /
    1_000_000
  );
}
