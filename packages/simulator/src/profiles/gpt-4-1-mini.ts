import type { ModelProfile } from './model-profile.js';

// Figures as the author knew them in mid-2025; no network was available to re-check them when this
// file was written (2025), so treat each as "about right", not as a measurement.
export const gpt41MiniProfile: ModelProfile = {
  name: 'gpt-4.1-mini',
  snapshot: 'gpt-4.1-mini-2025-04-14',
  description: 'GPT-4.1-mini-like: OpenAI GPT-4.1 mini (2025-04-14) on the OpenAI API',
  timeToFirstTokenMs: {
    // Artificial Analysis, GPT-4.1 mini, "Latency (time to first token)", median ≈ 0.4 s.
    p50: 400,
    // Estimate: ≈ 2.5× the median, as for GPT-4o.
    p95: 1000,
  },
  // Estimate: smaller model, faster prefill than GPT-4o (AA's TTFT-by-input-length chart).
  prefillTokensPerSecond: 20_000,
  // OpenAI prompt-caching guide: up to 80% less latency on cached prefixes → 5×.
  cachedPrefillTokensPerSecond: 100_000,
  // Artificial Analysis, GPT-4.1 mini "Output speed", ≈ 70–80 tokens/s in 2025.
  decodeTokensPerSecond: 75,
  // openai.com/index/gpt-4-1 (2025-04-14) and openai.com/api/pricing: $0.40 input,
  // $0.10 cached input, $1.60 output per million tokens.
  pricePerMillionTokens: { input: 0.4, cachedInput: 0.1, output: 1.6 },
  sources: [
    'https://artificialanalysis.ai/models/gpt-4-1-mini (latency, output speed; read 2025)',
    'https://platform.openai.com/docs/guides/prompt-caching (cached latency; read 2025)',
    'https://openai.com/index/gpt-4-1 and https://openai.com/api/pricing (prices; read 2025)',
  ],
};
