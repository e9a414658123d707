import { systemModelClock, type ModelClock } from './model-clock.js';

/** How each model call is retried and timed out (resolved; see `RunPlannedOptions`). */
export interface ModelCallPolicy {
  /** Retries of one call after a retryable failure (so at most `maxRetries + 1` attempts). */
  maxRetries: number;
  /** An attempt with no content by then is aborted (and may be retried). */
  firstTokenTimeoutMs: number;
  /** An attempt not finished by then is aborted (and may be retried). */
  totalTimeoutMs: number;
  /** The first back-off; each later one doubles, with jitter. */
  initialRetryDelayMs: number;
  /**
   * The longest wait before a retry. A provider asking for more (`Retry-After: 3600`, a spent
   * quota) is not retried: the caller hears at once rather than after an hour.
   */
  maxRetryDelayMs: number;
  clock: ModelClock;
  /** In [0, 1); the jitter's source, fixed in tests. */
  random: () => number;
}

/** The defaults of the model-call options of `runPlanned` and `createAgent`. */
export const modelCallDefaults = Object.freeze({
  // As the AI SDK's `maxRetries` and its back-off (2 s, doubling).
  maxRetries: 2,
  initialRetryDelayMs: 2_000,
  // The AI SDK honours a `retry-after` of up to 60 s.
  maxRetryDelayMs: 60_000,
  // Reasoning models may think for minutes before their first token; 10 minutes is the OpenAI
  // SDK's default time-out for a whole request.
  firstTokenTimeoutMs: 300_000,
  totalTimeoutMs: 600_000,
  /** Retries a whole run may spend over all its model calls. */
  maxRetriesPerRun: 4,
});

export function defaultModelCallPolicy(): ModelCallPolicy {
  return {
    maxRetries: modelCallDefaults.maxRetries,
    firstTokenTimeoutMs: modelCallDefaults.firstTokenTimeoutMs,
    totalTimeoutMs: modelCallDefaults.totalTimeoutMs,
    initialRetryDelayMs: modelCallDefaults.initialRetryDelayMs,
    maxRetryDelayMs: modelCallDefaults.maxRetryDelayMs,
    clock: systemModelClock,
    random: Math.random,
  };
}

/** Retries left to a run, shared by every model call it makes (the planner's, the joiner's…). */
export interface RetryBudget {
  remaining: number;
}

/**
 * The wait before retry number `retry` (1 for the first): what the provider asked for when it
 * did, else exponential back-off with equal jitter (half fixed, half random, so that clients
 * failing together do not retry together). `undefined` when the provider asked for more than
 * `maxRetryDelayMs`.
 */
export function retryDelayMs(options: {
  policy: ModelCallPolicy;
  retry: number;
  retryAfterMs: number | undefined;
}): number | undefined {
  const { policy, retry, retryAfterMs } = options;
  if (retryAfterMs !== undefined) {
    return retryAfterMs <= policy.maxRetryDelayMs ? retryAfterMs : undefined;
  }
  const backoff = Math.min(policy.initialRetryDelayMs * 2 ** (retry - 1), policy.maxRetryDelayMs);
  return backoff / 2 + (policy.random() * backoff) / 2;
}
