import type { PartialRun } from '../model/partial-run.js';
import { ToolplanError, type PlanParseError, type PlanValidationError } from '../plan/index.js';

/**
 * The model did not produce a valid plan, even after a correction round. No step with side
 * effects ran; read-only steps of an attempt may have started while it streamed, and were
 * cancelled when it was rejected (`readOnlyStepsStarted` names them). `cause` is the last plan's
 * parse or validation error; `attempts` the texts the model sent. A replan's failure carries what
 * the earlier plans did in `partial`.
 */
export class PlanningError extends ToolplanError {
  readonly attempts: readonly string[];
  /** What the run had done before this planning failed (a replan's), when it had. */
  partial: PartialRun | undefined = undefined;
  /** Read-only steps that started from a rejected attempt while it streamed, then were cancelled. */
  readOnlyStepsStarted: readonly string[] = [];

  /** Records the read-only steps that started from rejected attempts, and says so. */
  noteStartedSteps(stepIds: readonly string[]): void {
    this.readOnlyStepsStarted = [...new Set(stepIds)];
    this.message += ` Read-only steps that started while it streamed, then were cancelled: ${this.readOnlyStepsStarted.map((id) => `\`${id}\``).join(', ')}; no step with side effects ran.`;
  }

  constructor(options: {
    attempts: readonly string[];
    cause: PlanParseError | PlanValidationError;
  }) {
    super({
      name: 'PlanningError',
      message: `No valid plan after ${options.attempts.length} attempt${options.attempts.length === 1 ? '' : 's'}: ${options.cause.message}`,
      cause: options.cause,
    });
    this.attempts = options.attempts;
  }
}
