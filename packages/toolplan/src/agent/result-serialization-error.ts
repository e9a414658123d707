import type { PartialRun } from '../model/partial-run.js';
import { ToolplanError } from '../plan/index.js';

/**
 * A result a prompt must show could not be written as JSON (a cycle, a `BigInt`, a getter that
 * throws): the model cannot be asked about it. Raised before the prompt is sent, after the steps
 * ran, so `partial` holds what they did — the results are kept, in their own form.
 */
export class ResultSerializationError extends ToolplanError {
  /** The steps whose results could not be written. */
  readonly stepIds: readonly string[];
  /** What the prompt was for: `answer`, `replan`, `resume`. */
  readonly purpose: string;
  partial: PartialRun | undefined = undefined;

  constructor(options: { stepIds: readonly string[]; purpose: string; cause: unknown }) {
    const steps = options.stepIds.map((id) => `\`${id}\``).join(', ');
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super({
      name: 'ResultSerializationError',
      message: `The ${options.purpose} prompt cannot show the result of ${steps || 'a step'}: it is not JSON (${reason}). Make the tool return plain data, or give it a \`project\` that does.`,
      cause: options.cause,
    });
    this.stepIds = options.stepIds;
    this.purpose = options.purpose;
  }
}
