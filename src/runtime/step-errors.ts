import { ToolplanError, type ArgumentIssue } from '../plan/index.js';

// The ways a step can fail, one class each. A failed step is a value in the run's result: these
// are recorded on the step, not thrown out of the run.

/** The tool's `execute` (or `batch`) threw or rejected. */
export class ToolExecutionError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly attempts: number;
  readonly index: number | undefined;

  constructor(options: {
    stepId: string;
    toolName: string;
    attempts: number;
    index?: number;
    cause: unknown;
  }) {
    const where = options.index === undefined ? '' : ` (forEach item ${options.index})`;
    const tries = options.attempts > 1 ? ` after ${options.attempts} attempts` : '';
    super({
      name: 'ToolExecutionError',
      message: `Step \`${options.stepId}\`${where}: tool \`${options.toolName}\` failed${tries}: ${messageOf(options.cause)}`,
      cause: options.cause,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.attempts = options.attempts;
    this.index = options.index;
  }
}

/** A call took longer than its `timeoutMs`; its `AbortSignal` was aborted. */
export class StepTimeoutError extends ToolplanError {
  readonly stepId: string;
  readonly toolName: string;
  readonly timeoutMs: number;

  constructor(options: { stepId: string; toolName: string; timeoutMs: number }) {
    super({
      name: 'StepTimeoutError',
      message: `Step \`${options.stepId}\`: tool \`${options.toolName}\` did not finish within ${options.timeoutMs} ms.`,
    });
    this.stepId = options.stepId;
    this.toolName = options.toolName;
    this.timeoutMs = options.timeoutMs;
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
