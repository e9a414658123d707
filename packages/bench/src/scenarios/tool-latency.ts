import { stringify } from 'safe-stable-stringify';
import {
  createSeededRandom,
  deriveSeed,
  drawStandardNormal,
  fitLogNormal,
} from '@toolplan/simulator';

/**
 * A tool's latency distribution: log-normal with this median and 95th percentile, the usual shape
 * of service latencies. `source` says where the figures come from.
 */
export interface ToolLatency {
  p50Ms: number;
  p95Ms: number;
  source: string;
}

/**
 * The latency of one call, in ms at speed 1. Drawn from the distribution with a generator seeded
 * by the run's seed, the tool and its canonical arguments, so the same call takes the same time in
 * every strategy and every run with that seed: strategies are compared on equal tools.
 */
export function drawToolLatency(options: {
  latency: ToolLatency;
  seed: number;
  tool: string;
  args: unknown;
}): number {
  const { latency, seed, tool, args } = options;
  const random = createSeededRandom(deriveSeed(seed, 'tool', tool, stringify(args) ?? ''));
  const { mu, sigma } = fitLogNormal(latency.p50Ms, latency.p95Ms);
  // Capped like the model's first-token time: a rare huge draw says nothing about strategies.
  return Math.min(Math.exp(mu + sigma * drawStandardNormal(random)), latency.p95Ms * 3);
}
