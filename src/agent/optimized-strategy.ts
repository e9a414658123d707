import { renderPlannerPrompt } from '../model/planner-prompt.js';
import { countTokens } from '../tools/index.js';
import { createChainLearner } from './create-chain-learner.js';
import { createDeferredWork } from './create-deferred-work.js';
import { createPlanCache } from './create-plan-cache.js';
import { runOptimized, type AgentRun } from './run-optimized.js';
import type { Strategy, StrategyResult } from './strategy.js';

/**
 * `optimized`: the pipeline `createAgent` runs — compiled chains learned from its own traces and
 * the plan cache first, then the streamed planner with the context's predictors (and the learned
 * one) speculating. What it learns lasts for one instance (`fresh`).
 */
export function createOptimizedStrategy(): Strategy {
  const learner = createChainLearner();
  const planCache = createPlanCache();
  const deferred = createDeferredWork();
  return {
    name: 'optimized',
    description:
      'toolplan: chains and plan cache, else one streamed planning call with predictive execution',
    fresh: createOptimizedStrategy,
    promptTokens: (tools) => countTokens(renderPlannerPrompt(tools)),
    async run({ query, tools, model, signal, predictors }) {
      const run = await runOptimized({
        query,
        model: model(),
        tools,
        learner,
        planCache,
        deferred,
        predictors: predictors ?? [],
        ...(signal === undefined ? {} : { signal }),
      });
      return toStrategyResult(run);
    },
  };
}

/** What the bench reads of an agent's run. */
export function toStrategyResult(run: AgentRun): StrategyResult {
  return {
    answer: run.answer,
    plans: run.plans,
    steps: run.steps,
    answeredBy: run.answeredBy,
    ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
    ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
  };
}

/** The bench's `optimized` (a fresh learner per stream of traffic, see `Strategy.fresh`). */
export const optimizedStrategy: Strategy = createOptimizedStrategy();
