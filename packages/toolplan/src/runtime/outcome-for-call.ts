import type { Call } from './call.js';
import type { Job } from './job.js';
import type { CallOutcome } from './single-flight.js';
import {
  BatchResultCountError,
  StepTimeoutError,
  ToolExecutionError,
  ToolOutputError,
} from './step-errors.js';

/**
 * A batch's result was not one value per input. Internal to settling: it is not retried (a wrong
 * count is a bug in the tool, not a passing failure), and each call gets its own
 * `BatchResultCountError` instead.
 */
export class WrongResultCount extends Error {
  constructor(readonly actual: number | undefined) {
    super('wrong number of batch results');
  }
}

/**
 * What one call of a job settled for good gets from its `outcome`. A batch's results are routed
 * back by position, each checked against the tool's output schema as a lone call's result is. A
 * failure fails every call of the job (`ToolExecutionError` with the cause, or
 * `StepTimeoutError`), a wrong result count with `BatchResultCountError`: the job failed once,
 * but each error names the call's own step, item and batch, since that is what its step reports.
 */
export function outcomeForCall(
  job: Job,
  /** The call's place in `job.calls`, which is its place in a batch's inputs and results. */
  position: number,
): CallOutcome {
  const outcome = job.outcome as CallOutcome;
  const { tool, batchId } = job;
  const call = job.calls[position] as Call;
  const stepId = call.step.id;
  const index = call.index === undefined ? {} : { index: call.index };
  if (!outcome.ok) {
    const error = outcome.error;
    if (error instanceof WrongResultCount) {
      return {
        ok: false,
        error: new BatchResultCountError({
          stepId,
          toolName: tool.name,
          batchId: batchId as string,
          expected: job.calls.length,
          actual: error.actual,
          ...index,
        }),
      };
    }
    if (error instanceof StepTimeoutError) {
      if (batchId === undefined) return outcome;
      const { timeoutMs } = error;
      return {
        ok: false,
        error: new StepTimeoutError({ stepId, toolName: tool.name, timeoutMs, batchId }),
      };
    }
    return {
      ok: false,
      error: new ToolExecutionError({
        stepId,
        toolName: tool.name,
        attempts: job.attempt,
        cause: error,
        ...index,
        ...(batchId === undefined ? {} : { batchId }),
      }),
    };
  }
  const value = batchId === undefined ? outcome.value : (outcome.value as unknown[])[position];
  if (tool.outputSchema === undefined) return batchId === undefined ? outcome : { ok: true, value };
  const checked = tool.outputSchema.validate(value);
  return checked.success
    ? { ok: true, value: checked.value }
    : {
        ok: false,
        error: new ToolOutputError({ stepId, toolName: tool.name, issues: checked.issues }),
      };
}
