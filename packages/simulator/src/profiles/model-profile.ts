import { z } from 'zod';

/**
 * How a simulated model spends time and money. Every figure is for one request at speed 1; the
 * built-in profiles write the public source of each figure beside it.
 */
export interface ModelProfile {
  /** The model id clients send (`model`) and `GET /v1/models` lists. */
  name: string;
  /** What responses name in `model`, as OpenAI answers `gpt-4o` with `gpt-4o-2024-08-06`. */
  snapshot: string;
  /** One line on what the profile imitates. */
  description: string;
  /**
   * Time to first token for a short prompt, in milliseconds: the base of every request's TTFT,
   * drawn from a log-normal distribution with this median and 95th percentile.
   */
  timeToFirstTokenMs: { p50: number; p95: number };
  /** Uncached input tokens processed per second before the first output token. */
  prefillTokensPerSecond: number;
  /** Cached input tokens processed per second (a prefix cache hit costs far less time). */
  cachedPrefillTokensPerSecond: number;
  /** Output tokens generated per second once the first token is out. */
  decodeTokensPerSecond: number;
  /** US dollars per million tokens. */
  pricePerMillionTokens: { input: number; cachedInput: number; output: number };
  /** Where the figures come from, with the date they were read. */
  sources: readonly string[];
}

const positive = z.number().finite().positive();

/** Checks a profile given as an object (a custom one, or one read from a file). */
export const modelProfileSchema = z
  .object({
    name: z.string().min(1),
    snapshot: z.string().min(1),
    description: z.string(),
    timeToFirstTokenMs: z
      .object({ p50: positive, p95: positive })
      .refine((ttft) => ttft.p95 >= ttft.p50, 'p95 must not be below p50'),
    prefillTokensPerSecond: positive,
    cachedPrefillTokensPerSecond: positive,
    decodeTokensPerSecond: positive,
    pricePerMillionTokens: z.object({
      input: z.number().finite().nonnegative(),
      cachedInput: z.number().finite().nonnegative(),
      output: z.number().finite().nonnegative(),
    }),
    sources: z.array(z.string()),
  })
  .strict();
