import type { BenchCase, BenchScenario } from '../bench-scenario.js';
import { NEAR_MISS_KINDS, REPEAT_KIND } from './near-miss-kinds.js';
import { nearMissStream, nearMissWarmUp, type NearMissStreamItem } from './near-miss-stream.js';
import type { NearMissDraft } from './near-miss-draft.js';
import { nearMissTools } from './near-miss-tools.js';

/**
 * # near-miss — queries that look learned and are not
 *
 * A seeded stream of 1,612 queries over five domains (weather, flights, balances, markets,
 * orders): a warm-up of every learnable base query, then 1,040 near misses — one of ten kinds
 * (dates and times, negations, relations and possessives, units and currencies, entity kinds,
 * numbers that change the tool, languages, paraphrases that keep the plan, added constraints,
 * extra steps), each from a pattern written by hand and filled with varied values — shuffled
 * among 520 repeats of the bases. Every query has its right plan and exact answer.
 *
 * What it measures: strategies that learn (compiled chains, the plan cache) should answer the
 * repeats without a model call and never answer a near miss from what they learned unless the
 * learned plan is right for it. A wrong answer made without a model call is the failure counted
 * (`stream.zeroCallWrong`). The tools resolve free text as real search endpoints do — "Bordeaux
 * tomorrow" geocodes to Bordeaux, "Alice's manager" finds Alice, "gold" is the ticker GOLD — so a
 * mismatched plan often runs to a plausible wrong answer instead of failing; where a tool refuses
 * (an unknown currency), the compiled plan fails and the query falls through to the planner,
 * its tool calls wasted.
 *
 * Strategies that learn nothing answer each query alike wherever it stands in the stream, so
 * by default they run only the stream's head (`stream.othersRun`); `--full` runs them over all of
 * it. The stream runs after the other scenarios (`stream.afterOthers`).
 */

/** Concurrency of the stream per strategy: as repeat-traffic's, traffic arriving in bursts. */
const CONCURRENCY = 24;
/**
 * Queries of the stream's head that strategies which learn nothing run by default: the warm-up
 * and about 45 near misses, enough to show their answers right; `--full` runs them all.
 */
const OTHERS_RUN = 120;

/**
 * A query of a stream of drafts (near-miss's, mixed's) as a bench case, with its honest script:
 * named `{scenario}/{source}/{query}`, its id the prefix and its place in the stream.
 */
export function streamDraftCase(options: {
  item: NearMissDraft & { kind: string; source: string };
  index: number;
  scenario: string;
  idPrefix: string;
}): BenchCase {
  const { item, index } = options;
  return {
    id: `${options.idPrefix}${String(index + 1).padStart(4, '0')}`,
    kind: item.kind,
    query: item.query,
    script: {
      name: `${options.scenario}/${item.source}/${item.query}`,
      query: item.query,
      // The loop makes the plan's calls, as a competent model would, and answers the same way.
      loop: { calls: item.plan.steps, answer: item.plan.answer },
      plan: { ...item.plan },
      joinAnswer: item.plan.answer,
    },
    expectedAnswer: item.answer,
  };
}

/** A query of the near-miss stream as a bench case. */
export function toNearMissCase(item: NearMissStreamItem, index: number): BenchCase {
  return streamDraftCase({ item, index, scenario: 'near-miss', idPrefix: 'q' });
}

export const nearMissScenario: BenchScenario = {
  name: 'near-miss',
  description: `a stream of repeated queries with 1,040 near misses of ${NEAR_MISS_KINDS.length} kinds mixed in`,
  stream: {
    warmUp: nearMissWarmUp(),
    concurrency: CONCURRENCY,
    repeatedKinds: [REPEAT_KIND],
    othersRun: OTHERS_RUN,
    // Measured on a busy 2-core host: run beside the other scenarios (with the head at 240
    // queries, 4,424 runs), the bench's event-loop delay p99 went from 827 to 3,045 ms and 463
    // runs broke in transport, 268 of them the other scenarios'.
    afterOthers: true,
  },
  open(context) {
    const tools = nearMissTools(context);
    return {
      cases: nearMissStream({ seed: context.seed }).map(toNearMissCase),
      toolsFor: () => tools,
      close() {},
    };
  },
};
