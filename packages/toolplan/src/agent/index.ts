export {
  createPlanner,
  type CreatePlannerOptions,
  type Planner,
  type PlanOutputMode,
  type PlanResult,
} from './create-planner.js';
export { createTracePredictor, type TracePredictorOptions } from './create-trace-predictor.js';
export {
  entityShape,
  extractQueryEntities,
  type EntityShape,
  type QueryEntity,
} from './extract-query-entities.js';
export { AgentOptionsError } from './agent-options-error.js';
export { PlanningError } from './planning-error.js';
export { ResultSerializationError } from './result-serialization-error.js';
export { ToolsRequestedError } from './tools-requested-error.js';
export {
  checkToolSelection,
  prepareToolSelection,
  toolSelectionDefaults,
  type PreparedToolSelection,
  type ToolSelectionOptions,
  type ToolSelectionReport,
  type ToolSelectionSettings,
} from './tool-selection.js';
export { MAX_TOOL_ROUNDS, type ToolRequest } from './sent-tools.js';
export { runPlanned, type PlannedRun, type RunPlannedOptions } from './run-planned.js';
export { DEFAULT_TOOL_TIMEOUT_MS } from './resolve-run-planned-options.js';
export type { PlannerCallSettings } from './create-planner.js';
export {
  createSession,
  type CreateSessionOptions,
  type Session,
  type SessionTurn,
} from './create-session.js';
export {
  createPlanCache,
  type CreatePlanCacheOptions,
  type PlanCache,
  type PlanCacheHit,
  type PlanCacheLookupOptions,
  type PlanCacheStats,
  type RememberOutcome,
} from './create-plan-cache.js';
export { runChain, type RunChainOptions } from './run-chain.js';
export { tryChains, type ChainAttempt, type TryChainsOptions } from './try-chains.js';
export {
  answerWithoutModel,
  type AnswerWithoutModelOptions,
  type CompiledAnswer,
  type CompiledMiss,
} from './answer-without-model.js';
export {
  createAgent,
  RUN_LEDGERS_KEPT,
  type Agent,
  type AgentRunOptions,
  type CreateAgentOptions,
} from './create-agent.js';
export {
  chainStandingFromTraces,
  isTrustedAsWritten,
  type ChainStanding,
  type ChainStandingFromTracesOptions,
} from './chain-standing-from-traces.js';
export {
  chainShape,
  createChainPromotion,
  type ChainPromotion,
  type ChainPromotionOptions,
  type PromotionChange,
} from './create-chain-promotion.js';
export {
  createChainLearner,
  type ChainLearner,
  type ChainLearnerOptions,
} from './create-chain-learner.js';
export {
  combineChains,
  runOptimized,
  type AgentEvent,
  type AgentRun,
  type AgentTimeline,
  type FallThrough,
  type RunOptimizedOptions,
} from './run-optimized.js';
export { createDeferredWork, type DeferredWork } from './create-deferred-work.js';
export type {
  AgentUIMessageStreamOptions,
  AgentUIMessageStreamResponseOptions,
  UIResponseHeaders,
} from './ui-message-stream-options.js';
export type { ToolplanMessageMetadata } from './ui-message-metadata.js';
export type { ToolplanToolMetadata } from './ui-tool-metadata.js';
export type { StepEndEvent } from './to-tool-output-chunk.js';
export { DEFAULT_MAX_PROMPT_TOKENS } from './default-max-prompt-tokens.js';
export { redisStore, type RedisStoreOptions } from './redis-store.js';
export { RedisStoreError } from './redis-store-error.js';
export { catalogHash } from './catalog-hash.js';
export type {
  AttachedLearningStore,
  AttachLearningStoreOptions,
  LearningStore,
} from './learning-store.js';
