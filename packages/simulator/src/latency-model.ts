import type { ModelProfile } from './profiles/index.js';
import { drawStandardNormal, type Random } from './seeded-random.js';

/** z of the 95th percentile of the standard normal distribution. */
const Z_95 = 1.6448536269514722;

/**
 * The base TTFT is capped at this multiple of the profile's p95: a log-normal tail is real, but
 * one 30-second outlier would dominate a benchmark's mean without saying anything about toolplan.
 */
export const MAX_BASE_TTFT_OVER_P95 = 4;

/** The log-normal distribution with the given median and 95th percentile. */
export function fitLogNormal(p50: number, p95: number): { mu: number; sigma: number } {
  return { mu: Math.log(p50), sigma: Math.log(p95 / p50) / Z_95 };
}

/** How long one request takes, in simulated milliseconds (at speed 1). */
export interface LatencyPlan {
  /** The drawn base time to first token. */
  baseMs: number;
  /** Time spent reading the prompt: uncached tokens at the prefill rate, cached ones far faster. */
  prefillMs: number;
  /** `baseMs + prefillMs`: when the first output token leaves. */
  timeToFirstTokenMs: number;
  /** Time between output tokens. */
  msPerOutputToken: number;
}

/** Draws a request's latency from its profile; the same `random` sequence gives the same plan. */
export function planLatency(options: {
  profile: ModelProfile;
  promptTokens: number;
  cachedTokens: number;
  random: Random;
}): LatencyPlan {
  const { profile, promptTokens, cachedTokens, random } = options;
  const { mu, sigma } = fitLogNormal(
    profile.timeToFirstTokenMs.p50,
    profile.timeToFirstTokenMs.p95,
  );
  const drawn = Math.exp(mu + sigma * drawStandardNormal(random));
  const baseMs = Math.min(drawn, profile.timeToFirstTokenMs.p95 * MAX_BASE_TTFT_OVER_P95);
  const uncached = Math.max(0, promptTokens - cachedTokens);
  const prefillMs =
    (uncached / profile.prefillTokensPerSecond +
      cachedTokens / profile.cachedPrefillTokensPerSecond) *
    1000;
  return {
    baseMs,
    prefillMs,
    timeToFirstTokenMs: baseMs + prefillMs,
    msPerOutputToken: 1000 / profile.decodeTokensPerSecond,
  };
}

/**
 * When the output token numbered `outputTokens` (1 for the first) is out, in simulated ms from the
 * request's arrival. Everything sent with that token — its chunk, and for the last token the
 * finish and usage chunks — is due then.
 */
export function outputTokenDueMs(plan: LatencyPlan, outputTokens: number): number {
  return plan.timeToFirstTokenMs + Math.max(0, outputTokens - 1) * plan.msPerOutputToken;
}
