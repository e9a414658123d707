import type { LanguageModelV3Usage } from '@ai-sdk/provider';

/** What a strategy spent on the model, summed over its calls. */
export interface UsageTotals {
  llmCalls: number;
  /** All input tokens, cached ones included. */
  inputTokens: number;
  /** The part of `inputTokens` served from the provider's prompt cache. */
  cachedInputTokens: number;
  outputTokens: number;
  /** Model calls that were retries of a failed one (they count in `llmCalls` too). */
  modelRetries: number;
  /** Model call attempts that timed out (see `modelTimeoutMs`). */
  modelTimeouts: number;
}

export function emptyUsage(): UsageTotals {
  return {
    llmCalls: 0,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    modelRetries: 0,
    modelTimeouts: 0,
  };
}

/** Adds one call's usage (as the AI SDK provider interface reports it) to running totals. */
export function addUsage(totals: UsageTotals, usage: LanguageModelV3Usage | undefined): void {
  totals.llmCalls += 1;
  if (usage === undefined) return;
  totals.inputTokens += usage.inputTokens.total ?? 0;
  totals.cachedInputTokens += usage.inputTokens.cacheRead ?? 0;
  totals.outputTokens += usage.outputTokens.total ?? 0;
}

/** Sums usage totals. */
export function sumUsage(...parts: readonly UsageTotals[]): UsageTotals {
  const total = emptyUsage();
  for (const part of parts) {
    total.llmCalls += part.llmCalls;
    total.inputTokens += part.inputTokens;
    total.cachedInputTokens += part.cachedInputTokens;
    total.outputTokens += part.outputTokens;
    total.modelRetries += part.modelRetries;
    total.modelTimeouts += part.modelTimeouts;
  }
  return total;
}
