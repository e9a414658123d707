export { loopParallelStrategy, loopSequentialStrategy } from './loop-strategies.js';
export {
  loopFullHistoryStrategy,
  loopQuickWinsStrategy,
  sessionStrategy,
} from './multi-turn-strategies.js';
export type { Conversation, MultiTurnStrategy } from './multi-turn-strategy.js';
export { runToolLoop, type RunToolLoopOptions, type ToolLoopResult } from './run-tool-loop.js';
export type { Strategy, StrategyContext, StrategyResult } from './strategy.js';
export {
  ALL_TOOLS_MAX_PROMPT_TOKENS,
  planAllToolsStrategy,
  planNoStreamStrategy,
  planPredictStrategy,
  planStrategy,
} from './plan-strategy.js';
export {
  createPlanChainsStrategy,
  planChainsStrategy,
  type PlanChainsStrategyOptions,
} from './plan-chains-strategy.js';
export {
  createLearningStrategy,
  toStrategyResult,
  type LearningStrategyOptions,
} from './create-learning-strategy.js';
export { createOptimizedStrategy, optimizedStrategy } from './optimized-strategy.js';
