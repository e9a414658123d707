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
  createPlanner,
  type CreatePlannerOptions,
  type Planner,
  type PlanOutputMode,
  type PlanResult,
} from './create-planner.js';
export { planNoStreamStrategy, planStrategy } from './plan-strategy.js';
export { PlanningError } from './planning-error.js';
export { runPlanned, type PlannedRun, type RunPlannedOptions } from './run-planned.js';
export {
  createSession,
  type CreateSessionOptions,
  type Session,
  type SessionTurn,
} from './create-session.js';
