import type { BenchCase, BenchScenario } from '../bench-scenario.js';
import { REPEAT_KIND } from '../near-miss/near-miss-kinds.js';
import { streamDraftCase } from '../near-miss/near-miss-scenario.js';
import { nearMissTools } from '../near-miss/near-miss-tools.js';
import { mixedNewsPredictor, mixedNewsTools } from './mixed-news.js';
import { mixedStream, mixedWarmUp, type MixedStreamItem } from './mixed-stream.js';

/**
 * # mixed — production traffic, where the pipeline must beat each of its parts
 *
 * A seeded stream over the near-miss scenario's five domains and a slow news search: a warm-up
 * of every learnable base, then 360 queries in fixed proportions — 40% repeats of the learned
 * bases, 20% near misses of them, 40% novel questions (two requests of different domains in one
 * message, a shape never learned) — a third of each kind behind the news search (≈ 1.5 s).
 *
 * What it measures: each part of the pipeline wins on its own slice — compiled chains and the
 * plan cache on repeats, prediction on slow searches the planner has not asked for yet — so
 * `optimized` must be faster than each of `plan`, `plan+predict` and `plan+chains` on the mix
 * (issue 20: by at least 10% in mean latency against the best of them, never dearer, every
 * answer right). The comparison is after the warm-up; those four strategies run the whole
 * stream, the loop baselines its head only (`--full`: all).
 */

/** Concurrency of the stream per strategy: traffic in bursts, as the other streams. */
const CONCURRENCY = 24;
/** Queries of the head the loop baselines run by default (about the warm-up and as many more). */
const OTHERS_RUN = 120;
/** The parts `optimized` is compared with: they run the whole stream although they learn nothing. */
export const MIXED_PARTS = ['plan', 'plan+predict', 'plan+chains'] as const;

export function toMixedCase(item: MixedStreamItem, index: number): BenchCase {
  return streamDraftCase({ item, index, scenario: 'mixed', idPrefix: 'm' });
}

export const mixedScenario: BenchScenario = {
  name: 'mixed',
  description:
    'production traffic: 40% repeats, 20% near misses, 40% novel questions, a third behind slow searches',
  predictors: [mixedNewsPredictor],
  stream: {
    warmUp: mixedWarmUp(),
    concurrency: CONCURRENCY,
    repeatedKinds: [REPEAT_KIND],
    othersRun: OTHERS_RUN,
    fullFor: MIXED_PARTS,
    afterOthers: true,
  },
  open(context) {
    const tools = [...nearMissTools(context), ...mixedNewsTools(context)];
    return {
      cases: mixedStream({ seed: context.seed }).map(toMixedCase),
      toolsFor: () => tools,
      close() {},
    };
  },
};
