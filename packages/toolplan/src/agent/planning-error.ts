import type { PartialRun } from '../model/partial-run.js';
import { ToolplanError, type PlanParseError, type PlanValidationError } from '../plan/index.js';

/**
 * The model did not produce a valid plan, even after a correction round. Nothing of that plan
 * was executed. `cause` is the last plan's parse or validation error; `attempts` the texts the
 * model sent. A replan's failure carries what the earlier plans did in `partial`.
 */
export class PlanningError extends ToolplanError {
  readonly attempts: readonly string[];
  /** What the run had done before this planning failed (a replan's), when it had. */
  partial: PartialRun | undefined = undefined;

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
