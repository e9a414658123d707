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
