import type { ModelProfile } from './model-profile.js';

// Figures as the author knew them in mid-2025; no network was available to re-check them when this
// file was written (2025), so treat each as "about right", not as a measurement.
export const gpt4oProfile: ModelProfile = {
  name: 'gpt-4o',
  snapshot: 'gpt-4o-2024-08-06',
  description: 'GPT-4o-like: OpenAI GPT-4o (2024-08-06) on the OpenAI API',
  timeToFirstTokenMs: {
    // Artificial Analysis, GPT-4o provider page, "Latency (time to first token)", median ≈ 0.45 s.
    p50: 450,
    // Estimate: AA's latency-over-time chart spreads to roughly 2.5× the median on bad days.
    p95: 1100,
  },
  // Estimate from AA's "TTFT by input length" (≈ 0.7 s more at 10k input tokens): ≈ 15k tokens/s.
  prefillTokensPerSecond: 15_000,
  // OpenAI, "Prompt caching" guide (platform.openai.com/docs/guides/prompt-caching): caching
  // "can reduce latency by up to 80%" on long prompts → 5× the uncached rate.
  cachedPrefillTokensPerSecond: 75_000,
  // Artificial Analysis, GPT-4o "Output speed", ≈ 90–110 tokens/s through 2024–2025.
  decodeTokensPerSecond: 100,
  // openai.com/api/pricing, gpt-4o-2024-08-06: $2.50 input, $1.25 cached input, $10.00 output.
  pricePerMillionTokens: { input: 2.5, cachedInput: 1.25, output: 10 },
  sources: [
    'https://artificialanalysis.ai/models/gpt-4o (latency, output speed; read 2025)',
    'https://platform.openai.com/docs/guides/prompt-caching (cached latency; read 2025)',
    'https://openai.com/api/pricing (prices; read 2025)',
  ],
};
