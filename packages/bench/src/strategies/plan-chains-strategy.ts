import { createLearningStrategy } from './create-learning-strategy.js';
import type { Strategy } from './strategy.js';

export interface PlanChainsStrategyOptions {
  /**
   * Runs recorded (those with a plan that succeeded) before the strategy's own trace log is first
   * mined, and at least between two minings (later ones wait for the log to grow by half).
   * @default 8
   */
  mineEvery?: number;
  /**
   * Runs of one shape needed before it is compiled into a chain.
   * @default 3
   */
  minSupport?: number;
  /**
   * Times a learned plan (a mined chain, a cached plan) must agree with the planner before it
   * answers alone.
   * @default 3
   */
  promoteAfter?: number;
}

/**
 * toolplan's repeated-work path as a strategy that learns from its own traffic: compiled chains
 * first, then the plan cache, and the streamed planner only on a miss — without speculation, so
 * that it shows what the chains and the cache alone are worth. Every run with a plan is traced;
 * the log is mined from time to time and the chains replaced. Mined chains are never reviewed
 * here, so only read-only ones run (`compileChain` refuses the rest).
 */
export function createPlanChainsStrategy(options: PlanChainsStrategyOptions = {}): Strategy {
  return createLearningStrategy({
    name: 'plan+chains',
    description:
      'toolplan: compiled chains mined from its traces, then the plan cache, then one streamed planning call',
    learn: options,
    predict: false,
  });
}

/** The bench's `plan+chains`: a fresh learner per stream of traffic (see `Strategy.fresh`). */
export const planChainsStrategy: Strategy = createPlanChainsStrategy();
