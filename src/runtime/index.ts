export { sleep, systemClock, type Clock, type TimerHandle } from './clock.js';
export {
  defaultRetryOptions,
  resolveExecuteOptions,
  type ExecutePlanOptions,
  type RetryOptions,
} from './execute-plan-options.js';
export { executePlan } from './execute-plan.js';
export type { ExecutionEvent, RunResult, StepRecord, StepStatus } from './run-result.js';
export {
  DependencyFailedError,
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
