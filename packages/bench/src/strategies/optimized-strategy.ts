import { createLearningStrategy } from './create-learning-strategy.js';
import type { Strategy } from './strategy.js';

/**
 * `optimized`: the pipeline `createAgent` runs — compiled chains learned from its own traces and
 * the plan cache first, then the streamed planner with the context's predictors (and the learned
 * one) speculating. What it learns lasts for one instance (`fresh`).
 */
export function createOptimizedStrategy(): Strategy {
  return createLearningStrategy({
    name: 'optimized',
    description:
      'toolplan: chains and plan cache, else one streamed planning call with predictive execution',
    predict: true,
  });
}

/** The bench's `optimized` (a fresh learner per stream of traffic, see `Strategy.fresh`). */
export const optimizedStrategy: Strategy = createOptimizedStrategy();
