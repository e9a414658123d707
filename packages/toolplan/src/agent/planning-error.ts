import { ToolplanError, type PlanParseError, type PlanValidationError } from '../plan/index.js';

/**
 * The model did not produce a valid plan, even after a correction round. Nothing was executed.
 * `cause` is the last plan's parse or validation error; `attempts` the texts the model sent.
 */
export class PlanningError extends ToolplanError {
  readonly attempts: readonly string[];

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
