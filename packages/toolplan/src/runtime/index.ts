export { sleep, systemClock, type Clock, type TimerHandle } from './clock.js';
export {
  defaultRetryOptions,
  resolveExecuteOptions,
  type ExecutePlanOptions,
  type RetryOptions,
} from './execute-plan-options.js';
export { executePlan } from './execute-plan.js';
export type {
  BatchRecord,
  ExecutionEvent,
  RunResult,
  StepRecord,
  StepStatus,
} from './run-result.js';
export { createLruResultCache, type LruResultCacheOptions } from './create-lru-result-cache.js';
export type { ResultCache, ResultCacheStats } from './result-cache.js';
export {
  createSingleFlight,
  processSingleFlight,
  SingleFlight,
  type CallOutcome,
  type Flight,
  type FlightFollower,
} from './single-flight.js';
export {
  BatchResultCountError,
  DependencyFailedError,
  RepeatedSideEffectError,
  ForEachError,
  RunAbortedError,
  StepTimeoutError,
  ToolExecutionError,
  ToolInputError,
  ToolOutputError,
} from './step-errors.js';
export { PolicyDeniedError } from './policy-denied-error.js';
export { StreamingExecutionError } from './streaming-execution-error.js';
export { createVirtualClock, VirtualClock } from './virtual-clock.js';
export {
  startStreamingExecution,
  type OfferOutcome,
  type StreamingExecution,
} from './start-streaming-execution.js';
export {
  createSideEffectLedger,
  sideEffectKey,
  type SideEffectLedger,
} from './side-effect-ledger.js';
export { callKey } from './call-key.js';
export { scopedCallKey, shareKey, shareScopeProblem } from './share-key.js';
export type { PredictedCall, PredictionInput, Predictor, SpeculativeResult } from './predictor.js';
export {
  createRulePredictor,
  type PredictionRule,
  type RulePredictorOptions,
} from './create-rule-predictor.js';
export {
  createChainStepPredictor,
  type ChainStepPredictorOptions,
} from './create-chain-step-predictor.js';
export {
  createKnownPlanPredictor,
  type KnownPlanPredictorOptions,
} from './create-known-plan-predictor.js';
export {
  createSpeculator,
  Speculator,
  type SpeculationClaim,
  type SpeculationMetrics,
  type SpeculationOptions,
  type SpeculativeCallRecord,
  type SpeculatorOptions,
} from './speculator.js';
