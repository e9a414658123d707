import { ToolplanError, type ArgumentIssue } from '../plan/index.js';

// The ways a step can fail, one class each. A failed step is a value in the run's result: these
// are recorded on the step, not thrown out of the run.

/** The tool's `execute` (or `batch`) threw or rejected. */
export class ToolExecutionError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly attempts: number;
  readonly index: number | undefined;
  /** The batch the call rode in, when the tool's `batch` failed for several calls at once. */
  readonly batchId: string | undefined;

  constructor(options: {
    stepId: string;
    toolName: string;
    attempts: number;
    index?: number;
    batchId?: string;
    cause: unknown;
  }) {
    const where = options.index === undefined ? '' : ` (forEach item ${options.index})`;
    const tries = options.attempts > 1 ? ` after ${options.attempts} attempts` : '';
    const batch = options.batchId === undefined ? '' : ` in batch \`${options.batchId}\``;
    super({
      name: 'ToolExecutionError',
      message: `Step \`${options.stepId}\`${where}: tool \`${options.toolName}\` failed${batch}${tries}: ${messageOf(options.cause)}`,
      cause: options.cause,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.attempts = options.attempts;
    this.index = options.index;
    this.batchId = options.batchId;
  }
}

/** A call took longer than its `timeoutMs`; its `AbortSignal` was aborted. */
export class StepTimeoutError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly timeoutMs: number;
  /** The batch the call rode in, when it timed out as part of one. */
  readonly batchId: string | undefined;

  constructor(options: { stepId: string; toolName: string; timeoutMs: number; batchId?: string }) {
    const batch = options.batchId === undefined ? '' : ` (batch \`${options.batchId}\`)`;
    super({
      name: 'StepTimeoutError',
      message: `Step \`${options.stepId}\`: tool \`${options.toolName}\`${batch} did not finish within ${options.timeoutMs} ms.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.timeoutMs = options.timeoutMs;
    this.batchId = options.batchId;
  }
}

/**
 * A tool's `batch` returned something other than one result per input, so no result can be
 * matched to its call: every call of the batch fails with this (it is not retried — a wrong
 * count is a bug in the tool, not a passing failure).
 */
export class BatchResultCountError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly batchId: string;
  readonly index: number | undefined;
  /** Inputs sent, so results expected. */
  readonly expected: number;
  /** Results returned (`undefined` when the result was not an array at all). */
  readonly actual: number | undefined;

  constructor(options: {
    stepId: string;
    toolName: string;
    batchId: string;
    index?: number;
    expected: number;
    actual: number | undefined;
  }) {
    const where = options.index === undefined ? '' : ` (forEach item ${options.index})`;
    const got =
      options.actual === undefined ? 'something that is not an array' : `${options.actual}`;
    super({
      name: 'BatchResultCountError',
      message: `Step \`${options.stepId}\`${where}: tool \`${options.toolName}\` was sent ${options.expected} inputs in batch \`${options.batchId}\` but returned ${got} results; none can be matched to its call.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.batchId = options.batchId;
    this.index = options.index;
    this.expected = options.expected;
    this.actual = options.actual;
  }
}

/** Arguments filled in from references failed the tool's input schema; the tool was not called. */
export class ToolInputError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly issues: readonly ArgumentIssue[];

  constructor(options: {
    stepId: string;
    toolName: string;
    issues: readonly ArgumentIssue[];
    index?: number;
  }) {
    const where = options.index === undefined ? '' : ` (forEach item ${options.index})`;
    super({
      name: 'ToolInputError',
      message: `Step \`${options.stepId}\`${where}: the arguments for \`${options.toolName}\` are invalid once references are filled in: ${options.issues
        .map((issue) => issue.message)
        .join('; ')}. The tool was not called.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.issues = options.issues;
  }
}

/** The tool's result failed its declared output schema. */
export class ToolOutputError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly issues: readonly ArgumentIssue[];

  constructor(options: { stepId: string; toolName: string; issues: readonly ArgumentIssue[] }) {
    super({
      name: 'ToolOutputError',
      message: `Step \`${options.stepId}\`: tool \`${options.toolName}\` returned a result that fails its output schema: ${options.issues
        .map((issue) => issue.message)
        .join('; ')}.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.issues = options.issues;
  }
}

/** A `forEach` reference resolved to something that is not an array, or to too many items. */
export class ForEachError extends ToolplanError {
  readonly stepId: string;

  constructor(options: { stepId: string; message: string }) {
    super({ name: 'ForEachError', message: `Step \`${options.stepId}\`: ${options.message}` });
    this.stepId = options.stepId;
  }
}

/** Why a step was skipped: a step it depends on did not succeed. */
export class DependencyFailedError extends ToolplanError {
  readonly stepId: string;
  /** The step whose failure (directly or through other skipped steps) caused the skip. */
  readonly failedStepId: string;

  constructor(options: { stepId: string; failedStepId: string }) {
    super({
      name: 'DependencyFailedError',
      message: `Step \`${options.stepId}\` was skipped because step \`${options.failedStepId}\` did not succeed.`,
    });
    this.stepId = options.stepId;
    this.failedStepId = options.failedStepId;
  }
}

/** The run was cancelled through its `AbortSignal`. Carries what had finished by then. */
export class RunAbortedError extends ToolplanError {
  /** The partial result: finished steps keep their values; the rest are errors or skipped. */
  result: unknown;

  constructor(options: { reason: unknown; result?: unknown }) {
    super({
      name: 'RunAbortedError',
      message: `The run was aborted: ${messageOf(options.reason)}`,
      cause: options.reason,
    });
    this.result = options.result;
  }
}

function messageOf(value: unknown): string {
  if (value instanceof Error) return value.message;
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * A call with side effects that an earlier run of the same task (the plan before a replan)
 * already made. It was not made again.
 */
export class RepeatedSideEffectError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;

  constructor(options: { stepId: string; toolName: string }) {
    super({
      name: 'RepeatedSideEffectError',
      message: `Step \`${options.stepId}\`: \`${options.toolName}\` has side effects and was already called with these arguments earlier in this task; it is not called twice. Use the earlier outcome, or change the arguments if a second call is really meant.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
  }
}
