import type { Plan } from '../plan/index.js';
import type { ToolRegistry } from '../tools/index.js';
import type { CompressOptions } from './compress-options.js';
import { compressResult } from './compress-result.js';
import type { ResultCut } from './compress-value.js';

export interface CompressResultsOptions extends CompressOptions {
  tools: ToolRegistry;
  /** The plans that produced the results: they say which tool made each one. */
  plans: readonly Plan[];
  results: Readonly<Record<string, unknown>>;
  /** Renames each result's id in the output (a session's per-turn prefix). @default the id */
  rename?: (id: string) => string;
}

/**
 * Every result as the model may see it — its tool's projection, then the per-result budget —
 * keyed by (renamed) step id, with every cut made.
 */
export function compressResults(options: CompressResultsOptions): {
  results: Record<string, unknown>;
  cuts: ResultCut[];
} {
  const { tools, plans, results, rename = (id: string) => id, ...budget } = options;
  const stepsById = new Map(
    plans.flatMap((plan) => plan.steps.map((step) => [step.id, step] as const)),
  );
  const cuts: ResultCut[] = [];
  const shown: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(results)) {
    const step = stepsById.get(id);
    const compressed = compressResult({
      ...budget,
      tool: step && tools.get(step.tool),
      value,
      forEach: step?.forEach !== undefined,
      id: rename(id),
    });
    cuts.push(...compressed.cuts);
    shown[rename(id)] = compressed.value;
  }
  return { results: shown, cuts };
}
