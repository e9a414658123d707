import type { Plan } from '../plan/index.js';
import {
  bindChainParams,
  matchChain,
  type Chain,
  type ChainDefinition,
  type MatchChainOptions,
  type TraceRun,
} from '../trace/index.js';
import { createChainPromotion } from './create-chain-promotion.js';
import { plansAgree } from './plans-agree.js';

export interface ChainStandingFromTracesOptions {
  chains: ReadonlyArray<Chain | ChainDefinition>;
  /** The trace log's runs, oldest first. */
  runs: readonly TraceRun[];
  /** Agreements in a row a chain needs to answer alone. @default 3 */
  promoteAfter?: number;
  /** The tools' input schemas, so that matching refuses what the tools would (see `matchChain`). */
  schemaOf?: MatchChainOptions['schemaOf'];
}

/**
 * Where a chain stands (issue 18: promotion on evidence): `trusted` when a developer kept it or
 * wrote it in code (trusted as written); otherwise `promoted` once it agreed with the planner
 * `promoteAfter` times in a row, else `shadow`.
 */
export interface ChainStanding {
  name: string;
  state: 'trusted' | 'promoted' | 'shadow';
  /** Agreements in a row, counted up to the last run compared. */
  agreements: number;
  /** Runs of the planner whose query the chain matched, in all. */
  comparisons: number;
  /** Of those, runs where the planner's plan was not the chain's. */
  disagreements: number;
  promoteAfter: number;
}

/**
 * Weighs each chain against a trace log: every successful run the planner answered on its own
 * (one plan, no replan, not itself answered by a chain or the plan cache — those would only
 * agree with themselves) whose query the chain matches is a comparison, and it agrees when the
 * chain's plan, bound to that query's values, makes the planner's calls (`plansAgree`). A
 * disagreement starts the count over, as it does live. `toolplan chains list` shows the result,
 * and `toolplan run --chains` starts unreviewed chains from it.
 */
export function chainStandingFromTraces(options: ChainStandingFromTracesOptions): ChainStanding[] {
  // The live rule, not a copy of it: an agreement counts, a disagreement starts over.
  const promotion = createChainPromotion(
    options.promoteAfter === undefined ? {} : { promoteAfter: options.promoteAfter },
  );
  const { promoteAfter } = promotion;
  const evidence = options.runs.flatMap((run) => {
    const plan = plannerPlanOf(run);
    return plan === undefined ? [] : [{ query: run.query, plan }];
  });
  const matchOptions = options.schemaOf === undefined ? {} : { schemaOf: options.schemaOf };
  return options.chains.map((chain) => {
    const name = chain.name;
    if (isTrustedAsWritten(chain)) {
      return {
        name,
        state: 'trusted',
        agreements: 0,
        comparisons: 0,
        disagreements: 0,
        promoteAfter,
      };
    }
    // Chains of one shape are weighed on the same evidence, each from zero.
    promotion.reset(chain);
    let comparisons = 0;
    let disagreements = 0;
    for (const { query, plan } of evidence) {
      const match = matchChain(chain, query, matchOptions);
      if (match === undefined) continue;
      comparisons += 1;
      const agreed = plansAgree(bindChainParams(chain.plan, match.params), plan);
      if (!agreed) disagreements += 1;
      promotion.confirm(chain, agreed);
    }
    return {
      name,
      state: promotion.isShadow(chain) ? 'shadow' : 'promoted',
      agreements: promotion.agreements(chain),
      comparisons,
      disagreements,
      promoteAfter,
    };
  });
}

/** A developer's chain — kept from a file, or written in code — answers as written. */
export function isTrustedAsWritten(chain: Chain | ChainDefinition): boolean {
  return chain.kept;
}

function plannerPlanOf(run: TraceRun): Plan | undefined {
  if (run.status !== 'ok' || (run.replans?.length ?? 0) > 0) return undefined;
  if (run.strategy === 'chain' || run.strategy === 'plan-cache') return undefined;
  if (run.usage !== undefined && run.usage.llmCalls === 0) return undefined;
  const plan = run.plan as Plan | undefined;
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.steps)) return undefined;
  return plan;
}
