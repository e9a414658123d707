import type { ExecutePlanOptions, RunResult } from '../runtime/index.js';
import { createToolRegistry, type ToolSource } from '../tools/index.js';
import type { Plan } from '../plan/index.js';
import {
  bindChainParams,
  ChainNotReviewedError,
  ChainParamsError,
  ChainStaleError,
  compileChain,
  createChainMatcher,
  type Chain,
  type ChainDefinition,
  type ChainMatch,
  type RefusedChainMatch,
  type ChainMatcher,
} from '../trace/index.js';
import { guessFromRefusedMatch } from './guess-from-refused-match.js';
import { runChain } from './run-chain.js';

export interface TryChainsOptions {
  query: string;
  /** The chains to try: a matcher, or the chains themselves. */
  chains: ChainMatcher | ReadonlyArray<Chain | ChainDefinition>;
  tools: ToolSource;
  execute?: Omit<ExecutePlanOptions, 'results'>;
  /** Hears why a chain whose pattern fit the query's wording was not matched (a near miss). */
  onNearMiss?: (reason: string) => void;
  /**
   * Hears the plan of a chain whose wording fit the query but whose slots refused its values,
   * bound to them anyway: a guess of the planner's calls for speculation, never run as an answer.
   * @default none
   */
  onGuess?: (plan: Plan) => void;
  /**
   * A chain still in shadow (a mined one that has not agreed with the planner often enough):
   * matched and checked, never run.
   * @default no chain is in shadow
   */
  isShadow?: (chain: Chain | ChainDefinition) => boolean;
  /**
   * Hears the matched chain's plan, its parameters written in, just before it runs (not when it is
   * refused or in shadow). Must not throw.
   * @default none
   */
  onPlan?: (plan: Plan) => void;
}

/**
 * What trying the chains came to. Only `ran` answered the query; on `miss` and `refused` the
 * query goes to the planner (`refused` carries why the matched chain could not run, to log or show).
 */
export type ChainAttempt =
  | { outcome: 'ran'; match: ChainMatch; result: RunResult }
  | { outcome: 'miss' }
  /** The matched chain is in shadow: `plan` is what it would have run, for the planner's to be compared with. */
  | { outcome: 'shadow'; match: ChainMatch; plan: Plan }
  | {
      outcome: 'refused';
      match: ChainMatch;
      error: ChainStaleError | ChainNotReviewedError | ChainParamsError;
    };

/**
 * The chains' side of the request path: match the query against the chains without a model, check
 * the matched chain against the current tools, and run it. A stale or unreviewed chain is refused,
 * never run, and the caller plans the query instead.
 */
export async function tryChains(options: TryChainsOptions): Promise<ChainAttempt> {
  const matcher = 'match' in options.chains ? options.chains : createChainMatcher(options.chains);
  const registry = createToolRegistry(options.tools);
  // The tools' schemas type the slots of learned chains (an enum's values, a number's bounds).
  const match = matcher.match(options.query, {
    schemaOf: (tool) => registry.get(tool)?.inputSchema.jsonSchema,
    ...(options.onNearMiss === undefined ? {} : { onNearMiss: options.onNearMiss }),
    ...(options.onGuess === undefined
      ? {}
      : {
          onRefusedMatch: (refused: RefusedChainMatch) =>
            options.onGuess?.(guessFromRefusedMatch(refused)),
        }),
  });
  if (match === undefined) return { outcome: 'miss' };
  try {
    const chain = compileChain(match.chain, registry);
    if (options.isShadow?.(match.chain) === true) {
      chain.checkParams(match.params);
      return { outcome: 'shadow', match, plan: bindChainParams(match.chain.plan, match.params) };
    }
    if (options.onPlan !== undefined) {
      // Checked before the plan is announced: parameters that do not fit refuse the chain.
      options.onPlan(bindChainParams(match.chain.plan, chain.checkParams(match.params)));
    }
    const result = await runChain({
      chain,
      params: match.params,
      ...(options.execute === undefined ? {} : { execute: options.execute }),
    });
    return { outcome: 'ran', match, result };
  } catch (error) {
    if (
      error instanceof ChainStaleError ||
      error instanceof ChainNotReviewedError ||
      error instanceof ChainParamsError
    ) {
      return { outcome: 'refused', match, error };
    }
    throw error;
  }
}
