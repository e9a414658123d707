import { ToolplanError } from '../plan/index.js';

/** A model call failed: the provider answered with an error, or the stream broke off. */
export class ModelCallError extends ToolplanError {
  /** What the call was for: `plan`, `join`, … */
  readonly purpose: string;
  /** The text received before the failure (a cut stream keeps what arrived). */
  readonly partialText: string;

  constructor(options: { purpose: string; partialText: string; cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super({
      name: 'ModelCallError',
      message: `The model call for the ${options.purpose} failed after ${options.partialText.length} characters: ${reason}`,
      cause: options.cause,
    });
    this.purpose = options.purpose;
    this.partialText = options.partialText;
  }
}
