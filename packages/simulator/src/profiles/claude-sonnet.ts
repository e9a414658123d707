import type { ModelProfile } from './model-profile.js';

// Figures as the author knew them in mid-2025; no network was available to re-check them when this
// file was written (2025), so treat each as "about right", not as a measurement.
//
// The simulator speaks OpenAI's wire format and applies OpenAI's automatic prefix caching to
// every profile. Anthropic's caching is opt-in (`cache_control`) and charges cache writes at
// 1.25× the input price ($3.75 per million for Sonnet); that premium is not modelled.
export const claudeSonnetProfile: ModelProfile = {
  name: 'claude-sonnet',
  snapshot: 'claude-sonnet-4-20250514',
  description: 'Claude-Sonnet-like: Anthropic Claude Sonnet 4 on the Anthropic API',
  timeToFirstTokenMs: {
    // Artificial Analysis, Claude 4 Sonnet, "Latency (time to first token)", median ≈ 1.2 s.
    p50: 1200,
    // Estimate: ≈ 2.3× the median from AA's latency-over-time chart.
    p95: 2800,
  },
  // Estimate from AA's "TTFT by input length" for Claude Sonnet: ≈ 10k tokens/s.
  prefillTokensPerSecond: 10_000,
  // Anthropic, "Prompt caching with Claude" (2024-08-14): "reducing … latency by up to 85% for
  // long prompts" → ≈ 6.7×; rounded down to 5× like the OpenAI profiles.
  cachedPrefillTokensPerSecond: 50_000,
  // Artificial Analysis, Claude 4 Sonnet "Output speed", ≈ 50–60 tokens/s in 2025.
  decodeTokensPerSecond: 55,
  // anthropic.com/pricing (Claude Sonnet 4): $3 input, $0.30 cache reads, $15 output per million.
  pricePerMillionTokens: { input: 3, cachedInput: 0.3, output: 15 },
  sources: [
    'https://artificialanalysis.ai/models/claude-4-sonnet (latency, output speed; read 2025)',
    'https://www.anthropic.com/news/prompt-caching (cached latency; 2024-08-14)',
    'https://www.anthropic.com/pricing (prices; read 2025)',
  ],
};
