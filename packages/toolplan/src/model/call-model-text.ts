import type { ModelErrorKind } from './describe-model-error.js';
import { ModelCallError, type ModelCallAttempt } from './model-call-error.js';
import { retryDelayMs, type ModelCallPolicy, type RetryBudget } from './model-call-policy.js';
import type { ModelClock } from './model-clock.js';
import {
  streamModelText,
  type ModelTextResult,
  type StreamModelTextOptions,
} from './stream-model-text.js';

/** A failed attempt that is tried again, after `delayMs`. */
export interface ModelRetryEvent {
  purpose: string;
  /** The attempt that failed, from 1. */
  attempt: number;
  kind: ModelErrorKind;
  status: number | undefined;
  message: string;
  delayMs: number;
}

export interface CallModelTextOptions extends Omit<StreamModelTextOptions, 'policy'> {
  policy: ModelCallPolicy;
  /** Retries left to the run; each retry spends one. @default unlimited (only `maxRetries`) */
  budget?: RetryBudget;
  /** The user's query, for the error (never the prompt built around it). */
  query?: string;
  onRetry?: (event: ModelRetryEvent) => void;
}

/*
 * One model call, retried:
 *
 *   attempt ──ok──▶ result
 *      │ failed
 *      ├─ cancelled (the signal), or not retryable (a 4xx but 408/409/429), or
 *      │  part of the reply was delivered, or no retry left (maxRetries, the run's
 *      │  budget), or the provider asked to wait longer than maxRetryDelayMs ──▶ ModelCallError
 *      └─ otherwise: wait (Retry-After, else back-off with jitter) ──▶ attempt
 *
 * A retry is not a resume: once the reply's text has started arriving, the caller has received
 * it (a plan's early steps may have started), so starting the reply over is the caller's choice
 * (`runPlanned` resumes a cut plan instead).
 */
export async function callModelText(options: CallModelTextOptions): Promise<ModelTextResult> {
  const { policy, budget, signal, onRetry, ...call } = options;
  const history: ModelCallAttempt[] = [];
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await streamModelText({
        ...call,
        policy,
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      if (!ModelCallError.isInstance(error)) throw error;
      const failed: ModelCallAttempt = {
        kind: error.kind,
        status: error.status,
        message: error.providerMessage,
      };
      history.push(failed);
      const retry =
        signal?.aborted !== true &&
        error.retryable &&
        error.partialText === '' &&
        attempt <= policy.maxRetries &&
        (budget === undefined || budget.remaining > 0);
      const delayMs = retry
        ? retryDelayMs({ policy, retry: attempt, retryAfterMs: error.retryAfterMs })
        : undefined;
      const final = () =>
        new ModelCallError({
          purpose: call.purpose,
          partialText: error.partialText,
          receivedText: error.receivedText,
          cause: error.cause,
          failure: {
            kind: error.kind,
            status: error.status,
            message: error.providerMessage,
            retryable: error.retryable,
            retryAfterMs: error.retryAfterMs,
          },
          history,
          query: options.query,
        });
      if (delayMs === undefined) throw final();
      failed.waitedMs = delayMs;
      if (budget !== undefined) budget.remaining -= 1;
      onRetry?.({
        purpose: call.purpose,
        attempt,
        kind: error.kind,
        status: error.status,
        message: error.providerMessage,
        delayMs,
      });
      try {
        await wait(policy.clock, delayMs, signal);
      } catch {
        throw final();
      }
    }
  }
}

// The runtime's `sleep` does the same on its `Clock`, but the model layer may not import the
// runtime (see the layer table in DESIGN.md).
function wait(clock: ModelClock, delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
