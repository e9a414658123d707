import {
  compileValue,
  FOR_EACH_INDEX,
  FOR_EACH_ITEM,
  resolveValue,
  type Plan,
  type PlanStep,
} from '../plan/index.js';
import type { PredictedCall, Predictor } from './predictor.js';

export interface ChainStepPredictorOptions {
  /**
   * Known chains as plan templates (what the chain miner compiles): a first step, and later
   * steps whose arguments reference the first step's result (`$first.path`).
   */
  chains: readonly Plan[];
  /**
   * Confidence given to each follow-up call.
   * @default 0.8
   */
  confidence?: number;
  /** @default 'chain-step' */
  name?: string;
}

/**
 * Predicts the next step of a known chain once its first call's result is in (issue #9, (c)):
 * when speculation has a result of the chain's first tool, each later step that references only
 * the first step is resolved against that result and proposed.
 *
 * These calls' arguments may come from a tool's output. We did not add an annotation declaring a
 * tool free of external effects (DESIGN.md, "Trust"); instead the speculator refuses any
 * proposal made from results whose arguments carry text from a result that the query does not
 * contain. What this predictor can get run is therefore a next step whose arguments are still
 * query-derived (a look-up by a name the query gave) — never, say, a fetch of a URL a search
 * returned.
 */
export function createChainStepPredictor(options: ChainStepPredictorOptions): Predictor {
  const confidence = options.confidence ?? 0.8;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new TypeError(
      `Expected \`confidence\` to be a number from 0 to 1, got \`${String(confidence)}\``,
    );
  }
  if (!Array.isArray(options.chains)) {
    throw new TypeError(`Expected \`chains\` to be an array, got \`${String(options.chains)}\``);
  }
  const chains = options.chains.map((chain, index) => {
    const [first, ...rest] = chain.steps;
    if (first === undefined)
      throw new TypeError(`Expected \`chains[${index}]\` to have at least one step, got none`);
    return { first, next: rest.filter((step: PlanStep) => referencesOnly(step, first.id)) };
  });
  return {
    name: options.name ?? 'chain-step',
    predict({ results }) {
      const proposals: PredictedCall[] = [];
      for (const result of results) {
        for (const { first, next } of chains) {
          if (first.tool !== result.tool) continue;
          const scope = { results: new Map([[first.id, result.value]]) };
          for (const step of next) {
            try {
              const args = compileValue(step.args).value;
              if (step.forEach === undefined) {
                proposals.push({ tool: step.tool, args: resolveValue(args, scope), confidence });
                continue;
              }
              const items = resolveValue(compileValue(step.forEach).value, scope);
              if (!Array.isArray(items)) continue;
              items.forEach((item, index) => {
                proposals.push({
                  tool: step.tool,
                  args: resolveValue(args, { ...scope, forEach: { item, index } }),
                  confidence,
                });
              });
            } catch {
              // The result has another shape than the chain's: nothing to predict from it.
            }
          }
        }
      }
      return proposals;
    },
  };
}

/** The step references the first step and no other step. */
function referencesOnly(step: PlanStep, firstId: string): boolean {
  if ((step.after ?? []).some((id) => id !== firstId)) return false;
  const roots = [
    ...compileValue(step.args).references,
    ...(step.forEach === undefined ? [] : compileValue(step.forEach).references),
  ]
    .map(({ reference }) => reference.root)
    .filter((root) => root !== FOR_EACH_ITEM && root !== FOR_EACH_INDEX);
  return roots.length > 0 && roots.every((root) => root === firstId);
}
