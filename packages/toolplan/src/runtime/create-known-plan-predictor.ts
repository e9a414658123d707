import {
  compileValue,
  FOR_EACH_INDEX,
  FOR_EACH_ITEM,
  resolveValue,
  type Plan,
} from '../plan/index.js';
import { createChainStepPredictor } from './create-chain-step-predictor.js';
import type { PredictedCall, Predictor } from './predictor.js';

export interface KnownPlanPredictorOptions {
  /**
   * Plans already bound to this query's values — a learned plan in shadow, which the planner is
   * being asked to confirm — whose calls are likely to be the planner's too.
   */
  plans: readonly Plan[];
  /**
   * Confidence of each proposal.
   * @default 0.9
   */
  confidence?: number;
  /** @default 'known-plan' */
  name?: string;
}

/**
 * Proposes the calls of plans that are known before the planner answers (issue 20: predictions
 * fed by chains). A learned plan in shadow has matched the query and been bound to its values,
 * but may not answer alone yet; its calls are still the best guess of the planner's. Every step
 * that needs no other step's result is proposed at once (a `forEach` over a literal list item by
 * item); a step that needs one earlier step is proposed once that step's speculative result is
 * in, as `createChainStepPredictor` does. The speculator decides, as for any prediction: only
 * read-only tools, within its budget, arguments the query gave.
 */
export function createKnownPlanPredictor(options: KnownPlanPredictorOptions): Predictor {
  const confidence = options.confidence ?? 0.9;
  if (!(confidence >= 0 && confidence <= 1)) {
    throw new TypeError(
      `Expected \`confidence\` to be a number from 0 to 1, got \`${String(confidence)}\``,
    );
  }
  const plans = options.plans.filter((plan) => plan.steps.length > 0);
  const followUps = createChainStepPredictor({ chains: plans, confidence });
  const first: PredictedCall[] = [];
  const none = new Map<string, unknown>();
  for (const plan of plans) {
    for (const step of plan.steps) {
      if ((step.after ?? []).length > 0) continue;
      const args = compileValue(step.args);
      const each = step.forEach === undefined ? undefined : compileValue(step.forEach);
      const needsAStep = [...args.references, ...(each?.references ?? [])].some(
        ({ reference }) => reference.root !== FOR_EACH_ITEM && reference.root !== FOR_EACH_INDEX,
      );
      if (needsAStep) continue;
      try {
        if (each === undefined) {
          first.push({
            tool: step.tool,
            args: resolveValue(args.value, { results: none }),
            confidence,
          });
          continue;
        }
        const items = resolveValue(each.value, { results: none });
        if (!Array.isArray(items)) continue;
        items.forEach((item, index) => {
          first.push({
            tool: step.tool,
            args: resolveValue(args.value, { results: none, forEach: { item, index } }),
            confidence,
          });
        });
      } catch {
        // A step the runtime would refuse: the planner's plan will say what to call instead.
      }
    }
  }
  return {
    name: options.name ?? 'known-plan',
    predict(input) {
      return input.results.length === 0 ? first : followUps.predict(input);
    },
  };
}
