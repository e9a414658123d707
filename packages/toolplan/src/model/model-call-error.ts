import { ToolplanError } from '../plan/index.js';
import {
  describeModelError,
  type ModelErrorDescription,
  type ModelErrorKind,
} from './describe-model-error.js';
import { modelErrorHint } from './model-error-hint.js';
import type { PartialRun } from './partial-run.js';

/** One failed attempt of a model call. */
export interface ModelCallAttempt {
  kind: ModelErrorKind;
  status: number | undefined;
  message: string;
  /** How long the call waited before the next attempt (none after the last). */
  waitedMs?: number;
}

const MAX_QUERY_IN_MESSAGE = 200;

/**
 * A model call failed: the provider answered with an error, the stream broke off, or it timed
 * out — after every retry it was allowed (`attempts`). It names the user's query, never the
 * prompt toolplan built around it (a resume or replan request), carries the provider's status
 * and message, and a `hint` of what to try. When the run had executed steps before the call
 * failed, `partial` holds what they did.
 */
export class ModelCallError extends ToolplanError {
  /** What the call was for: `plan`, `answer`, … */
  readonly purpose: string;
  /** The reply's own text received before the failure (a cut stream keeps what arrived). */
  readonly partialText: string;
  /** Every text part received, commentary included. */
  readonly receivedText: string;
  readonly kind: ModelErrorKind;
  /** The HTTP status of the last attempt, when the provider answered with one. */
  readonly status: number | undefined;
  /** The provider's message of the last attempt. */
  readonly providerMessage: string;
  /** Whether the last failure was of a kind that is retried (it ran out of retries). */
  readonly retryable: boolean;
  /** How long the provider asked to wait, on the last attempt. */
  readonly retryAfterMs: number | undefined;
  /** Attempts made (1 + retries). */
  readonly attempts: number;
  /** Every failed attempt, in order. */
  readonly history: readonly ModelCallAttempt[];
  /** The user's query the call served, when known. */
  readonly query: string | undefined;
  /** What to try; a caller that knows more (the CLI knows its flags) may put its own. */
  hint: string;
  /** What the run had done when the call failed (set by the agent; see {@link PartialRun}). */
  partial: PartialRun | undefined;

  constructor(options: {
    purpose: string;
    partialText: string;
    receivedText?: string;
    cause: unknown;
    /** How the last attempt failed. @default `describeModelError(cause)` */
    failure?: ModelErrorDescription;
    /** Every attempt's failure; the last is this one. @default [this one] */
    history?: readonly ModelCallAttempt[];
    query?: string | undefined;
  }) {
    const failure = options.failure ?? describeModelError(options.cause);
    const history = options.history ?? [
      { kind: failure.kind, status: failure.status, message: failure.message },
    ];
    const attempts = history.length;
    const what = `The model call for the ${options.purpose}`;
    const after = attempts > 1 ? ` after ${attempts} attempts` : '';
    const status =
      failure.status === undefined || failure.kind === 'timeout' ? '' : `HTTP ${failure.status}: `;
    const cut =
      options.partialText.length > 0
        ? ` (the stream broke off after ${options.partialText.length} characters)`
        : '';
    const query =
      options.query === undefined
        ? ''
        : ` — query: ${JSON.stringify(
            options.query.length > MAX_QUERY_IN_MESSAGE
              ? `${options.query.slice(0, MAX_QUERY_IN_MESSAGE)}…`
              : options.query,
          )}`;
    super({
      name: 'ModelCallError',
      message: `${what} failed${after}: ${status}${failure.message}${cut}${query}`,
      cause: options.cause,
    });
    this.purpose = options.purpose;
    this.partialText = options.partialText;
    this.receivedText = options.receivedText ?? options.partialText;
    this.kind = failure.kind;
    this.status = failure.status;
    this.providerMessage = failure.message;
    this.retryable = failure.retryable;
    this.retryAfterMs = failure.retryAfterMs;
    this.attempts = attempts;
    this.history = history;
    this.query = options.query;
    this.hint = modelErrorHint(failure);
    this.partial = undefined;
  }
}
