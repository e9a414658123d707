import type { Plan } from '../plan/index.js';
import { executePlan, type ExecutePlanOptions, type RunResult } from '../runtime/index.js';
import type { ToolSource } from '../tools/index.js';
import type { Chain, ChainDefinition, ChainMatcher } from '../trace/index.js';
import type { PlanCache } from './create-plan-cache.js';
import { tryChains, type ChainAttempt } from './try-chains.js';

export interface AnswerWithoutModelOptions {
  query: string;
  tools: ToolSource;
  /** Compiled chains (written in code, or mined and loaded from their files). */
  chains?: ChainMatcher;
  /** Plans of earlier queries of the same shape. */
  planCache?: PlanCache;
  /** How a chain's or a cached plan's steps are executed (`results` is the chain's own). */
  execute?: Omit<ExecutePlanOptions, 'results'>;
  /** Chains still in shadow: matched, never run (see `tryChains`). @default none */
  isShadowChain?: (chain: Chain | ChainDefinition) => boolean;
  /**
   * Hears each compiled plan just before it runs: a chain's with its parameters written in, a
   * cached one with the query's values. Must not throw.
   * @default none
   */
  onPlan?: (plan: Plan) => void;
}

/**
 * A compiled plan in shadow that matched the query: what it would have run, to be compared with
 * the planner's plan once the planner has answered.
 */
export type ShadowPlan =
  | { source: 'chain'; chain: Chain | ChainDefinition; plan: Plan }
  | { source: 'plan-cache'; key: string; plan: Plan };

/** A query answered from a known plan: no model call was made. */
export interface CompiledAnswer {
  answeredBy: 'chain' | 'plan-cache';
  answer: string;
  /** The plan that ran (a chain's template, whose `$params` were the match's values). */
  plan: Plan;
  run: RunResult;
  /** The chain that answered, when one did. */
  chainName?: string;
}

/** Why the known plans did not answer (the query then goes to the planner). */
export interface CompiledMiss {
  answeredBy: undefined;
  /**
   * What the chains came to: no match, a refusal (stale, unreviewed), a chain in shadow (not
   * run) or a run that failed.
   */
  chain?: ChainAttempt['outcome'] | 'failed';
  /** The chain that was refused or whose run failed. */
  chainName?: string;
  /** That chain itself (a learner demotes a mined chain that failed). */
  failedChain?: Chain | ChainDefinition;
  /**
   * What the plan cache came to: no entry, an entry in shadow (not run), or a cached plan that
   * failed (the entry is kept).
   */
  planCache?: 'miss' | 'shadow' | 'failed';
  /** Compiled plans in shadow that matched: compare each with the planner's plan. */
  shadows: ShadowPlan[];
  /**
   * Learned plans whose wording fit the query but whose slots refused its values, bound to them
   * anyway: never an answer, but the likeliest calls of the planner's plan, for speculation.
   */
  guesses: Plan[];
  /**
   * Why, in words: near misses (a shape whose wording fit but a slot's value did not: `chain:
   * parameter \`city\`: \`tomorrow\` changes the request`), refusals and failures. Empty when
   * no learned shape's wording fit the query at all (`chain` and `planCache` are then `miss`).
   */
  reasons: string[];
  /** Runs made before falling through: their tool calls were spent, their steps are kept here. */
  runs: RunResult[];
}

/**
 * The front of the request path: compiled chains first, then the plan cache. An answer needs a
 * run whose every step succeeded and whose answer template resolved; anything less falls through
 * to the planner (a cached plan that failed no longer answers those values). Both paths are validated against
 * the current tools before anything runs.
 */
export async function answerWithoutModel(
  options: AnswerWithoutModelOptions,
): Promise<CompiledAnswer | CompiledMiss> {
  const { query, tools } = options;
  // Literals the query holds are the user's (`query` sources), whoever wrote the plan.
  const execute = { ...options.execute, query };
  const miss: CompiledMiss = {
    answeredBy: undefined,
    reasons: [],
    runs: [],
    shadows: [],
    guesses: [],
  };
  const onNearMiss = (reason: string) => miss.reasons.push(reason);
  const onGuess = (plan: Plan) => miss.guesses.push(plan);
  if (options.chains !== undefined) {
    const attempt = await tryChains({
      query,
      chains: options.chains,
      tools,
      execute,
      onNearMiss,
      onGuess,
      ...(options.isShadowChain === undefined ? {} : { isShadow: options.isShadowChain }),
      ...(options.onPlan === undefined ? {} : { onPlan: options.onPlan }),
    });
    miss.chain = attempt.outcome;
    if (attempt.outcome === 'shadow') {
      miss.chainName = attempt.match.chain.name;
      miss.shadows.push({ source: 'chain', chain: attempt.match.chain, plan: attempt.plan });
      miss.reasons.push(`${attempt.match.chain.name}: in shadow until it agrees with the planner`);
    }
    if (attempt.outcome === 'refused') {
      miss.chainName = attempt.match.chain.name;
      miss.reasons.push(`${attempt.match.chain.name}: refused: ${attempt.error.message}`);
    }
    if (attempt.outcome === 'ran') {
      if (answered(attempt.result)) {
        return {
          answeredBy: 'chain',
          answer: attempt.result.answer,
          plan: attempt.result.plan,
          run: attempt.result,
          chainName: attempt.match.chain.name,
        };
      }
      miss.chain = 'failed';
      miss.chainName = attempt.match.chain.name;
      miss.failedChain = attempt.match.chain;
      miss.reasons.push(`${attempt.match.chain.name}: ${failureOf(attempt.result)}`);
      miss.runs.push(attempt.result);
    }
  }
  if (options.planCache !== undefined) {
    const hit = options.planCache.lookup(query, tools, { onNearMiss, onGuess });
    miss.planCache = 'miss';
    if (hit?.shadow === true) {
      miss.planCache = 'shadow';
      miss.shadows.push({ source: 'plan-cache', key: hit.key, plan: hit.plan.plan });
      miss.reasons.push('plan-cache: in shadow until it agrees with the planner');
    } else if (hit !== undefined) {
      options.onPlan?.(hit.plan.plan);
      const run = await executePlan(hit.plan, tools, execute);
      if (answered(run)) {
        return { answeredBy: 'plan-cache', answer: run.answer, plan: run.plan, run };
      }
      // The entry stays: it answered other values; only these are refused from now on.
      options.planCache.fail(hit.key, hit.params);
      miss.planCache = 'failed';
      miss.reasons.push(`plan-cache: ${failureOf(run)}`);
      miss.runs.push(run);
    }
  }
  return miss;
}

function answered(run: RunResult): run is RunResult & { answer: string } {
  return run.status === 'ok' && run.answer !== undefined && run.plan.needsReasoning !== true;
}

/** Why a compiled run did not answer, in words. */
function failureOf(run: RunResult): string {
  const failed = run.steps.find((step) => step.status !== 'ok');
  if (failed !== undefined) {
    const message = failed.error instanceof Error ? `: ${failed.error.message}` : '';
    return `step \`${failed.id}\` (${failed.tool}) ${failed.status}${message}`;
  }
  if (run.plan.needsReasoning === true) return 'the plan needs reasoning to answer';
  return 'the plan gave no answer';
}
