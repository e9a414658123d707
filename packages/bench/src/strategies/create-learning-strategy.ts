import { renderPlannerPrompt } from 'toolplan/internal';
import { countTokens } from 'toolplan/internal';
import { createChainLearner, type ChainLearnerOptions } from 'toolplan/internal';
import { createDeferredWork } from 'toolplan/internal';
import { createPlanCache } from 'toolplan/internal';
import { runOptimized, type AgentRun } from 'toolplan/internal';
import type { Strategy, StrategyResult } from './strategy.js';

export interface LearningStrategyOptions {
  name: string;
  description: string;
  /** How the instance learns chains from its own runs. */
  learn?: ChainLearnerOptions;
  /**
   * Speculate: the context's predictors and the learned one. `false` shows what the chains and
   * the plan cache alone are worth.
   */
  predict: boolean;
}

/**
 * A strategy that runs `runOptimized` with state of its own — a chain learner, a plan cache and
 * the queue its learning waits in — which lasts for one instance (`fresh` starts another).
 */
export function createLearningStrategy(options: LearningStrategyOptions): Strategy {
  const { name, description, predict } = options;
  const learner = createChainLearner({ ...options.learn, ...(predict ? {} : { predict: false }) });
  // One standing rule for both: a learned plan answers alone once it agreed with the planner.
  const promoteAfter = options.learn?.promoteAfter;
  const planCache = createPlanCache(promoteAfter === undefined ? {} : { promoteAfter });
  const deferred = createDeferredWork();
  return {
    name,
    description,
    fresh: () => createLearningStrategy(options),
    promptTokens: (tools) => countTokens(renderPlannerPrompt(tools)),
    async run({ query, tools, model, signal, predictors, policy }) {
      const run = await runOptimized({
        query,
        model: model(),
        tools,
        learner,
        planCache,
        deferred,
        // As the loop baselines: one attempt per model call (a failed one is a transport error).
        maxRetries: 0,
        ...(predict && predictors !== undefined ? { predictors } : {}),
        ...(signal === undefined ? {} : { signal }),
        ...(policy === undefined ? {} : { execute: { policy } }),
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
    ...(run.toolSelection === undefined ? {} : { toolSelection: run.toolSelection }),
  };
}
