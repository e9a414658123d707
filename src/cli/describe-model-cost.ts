import type { UsageTotals } from '../model/index.js';
import { computeRequestCost, modelProfiles } from '../simulator/index.js';

/**
 * What a run's model calls cost, in US dollars, at the list prices of the simulator's profile of
 * that model (`gpt-4o`, `gpt-4.1-mini`, `claude-sonnet`); for any other model, no figure is
 * better than a guessed one.
 */
export function describeModelCost(usage: UsageTotals, modelId: string): string {
  if (usage.llmCalls === 0) return '$0';
  const profile = Object.hasOwn(modelProfiles, modelId) ? modelProfiles[modelId] : undefined;
  if (profile === undefined) return `cost unknown for model ${modelId}`;
  // Prices are per token, so the sum over calls is the price of the summed usage.
  const cost = computeRequestCost(
    {
      promptTokens: usage.inputTokens,
      cachedTokens: usage.cachedInputTokens,
      completionTokens: usage.outputTokens,
    },
    profile,
  );
  return `$${cost.toFixed(5)} at ${profile.name}'s prices`;
}
