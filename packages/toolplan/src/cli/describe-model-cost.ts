import type { UsageTotals } from '../model/index.js';
import { MissingPackageError } from '../tools/index.js';
import { loadSimulatorPackage } from './optional-packages.js';

/**
 * What a run's model calls cost, in US dollars, at the list prices of the simulator's profile of
 * that model (`gpt-4o`, `gpt-4.1-mini`, `claude-sonnet`); for any other model, or without
 * `@toolplan/simulator` (where the prices live), no figure is better than a guessed one.
 */
export async function describeModelCost(usage: UsageTotals, modelId: string): Promise<string> {
  if (usage.llmCalls === 0) return '$0';
  const simulator = await loadSimulatorPackage('Pricing a run').catch((error: unknown) => {
    if (MissingPackageError.isInstance(error)) return undefined;
    throw error;
  });
  const profile =
    simulator !== undefined && Object.hasOwn(simulator.modelProfiles, modelId)
      ? simulator.modelProfiles[modelId]
      : undefined;
  if (simulator === undefined || profile === undefined) return `cost unknown for model ${modelId}`;
  // Prices are per token, so the sum over calls is the price of the summed usage.
  const cost = simulator.computeRequestCost(
    {
      promptTokens: usage.inputTokens,
      cachedTokens: usage.cachedInputTokens,
      completionTokens: usage.outputTokens,
    },
    profile,
  );
  return `$${cost.toFixed(5)} at ${profile.name}'s prices`;
}
