import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import { createChainMatcher, type ChainMatcher, type TraceStore } from '../trace/index.js';
import type { CreateAgentOptions } from './create-agent.js';
import { createChainLearner, type ChainLearner } from './create-chain-learner.js';
import { createChainPromotion, type ChainPromotion } from './create-chain-promotion.js';
import { createPlanCache, type PlanCache } from './create-plan-cache.js';
import type { LearningStore } from './learning-store.js';
import { warnBackgroundError } from './create-deferred-work.js';
import { OptionProblems } from './option-problems.js';
import {
  plannedSettingsKeys,
  resolvePlannedSettings,
  type ResolvedPlannedSettings,
} from './resolve-run-planned-options.js';

/**
 * The defaults of `createAgent`'s own options (the `@default`s of `CreateAgentOptions` say the
 * same); the rest are `runPlanned`'s (`runPlannedDefaults`).
 */
export const agentDefaults = Object.freeze({
  chains: Object.freeze([]),
  planCache: true,
  learn: true,
  predict: true,
});

/** What an agent runs every query and every session with, resolved when it is created. */
export interface ResolvedAgentOptions {
  /** `runPlanned`'s settings; `predictors` is empty with `predict: false`. */
  planned: ResolvedPlannedSettings;
  chains: ChainMatcher | undefined;
  /** The standing of the unreviewed chains among `chains` (mined files nobody kept). */
  promotion: ChainPromotion;
  planCache: PlanCache | undefined;
  learner: ChainLearner | undefined;
  traceStore: TraceStore | undefined;
  /** Settles when the `store` loaded the fleet's learned state; runs wait for it. */
  storeReady: Promise<void> | undefined;
  /** Hears failures of the work done after a run returned (learning, tracing). */
  onError: (error: unknown) => void;
}

/**
 * `createAgent`'s options checked once, every problem gathered into one `AgentOptionsError`, with
 * the agent's parts built: its chains, plan cache and learner, and the planner's prompt prepared
 * (a budget no query could fit is a `PromptBudgetError` here, not at the first query).
 */
/** Every option of `createAgent`, checked against `CreateAgentOptions` when the package is built. */
const CREATE_AGENT_KEYS = [
  ...plannedSettingsKeys,
  'onModelRetry',
  'chains',
  'chainAgreements',
  'planCache',
  'learn',
  'predict',
  'traceStore',
  'store',
  'onError',
] as const;
const createAgentOptionKeys: EveryKeyOf<CreateAgentOptions, typeof CREATE_AGENT_KEYS> =
  CREATE_AGENT_KEYS;

export function resolveAgentOptions(options: CreateAgentOptions): ResolvedAgentOptions {
  const {
    chains = agentDefaults.chains,
    chainAgreements = {},
    planCache = agentDefaults.planCache,
    learn = agentDefaults.learn,
    predict = agentDefaults.predict,
    traceStore,
    store,
    onError = warnBackgroundError,
    ...planned
  } = options;
  const problems = new OptionProblems();
  for (const problem of unknownOptionProblems({
    of: 'createAgent',
    given: options,
    known: createAgentOptionKeys,
  }))
    problems.add(problem);
  problems.boolean('predict', predict);
  const agreements = chainAgreementsOf(chainAgreements, problems);
  if (typeof onError !== 'function')
    problems.add(`Expected \`onError\` to be a function, got \`${String(onError)}\``);
  if (store !== undefined && typeof (store as Partial<LearningStore>).attach !== 'function')
    problems.add(`Expected \`store\` to be a store (\`redisStore(…)\`), got \`${String(store)}\``);
  // With `predict: false` nothing speculates, the learner's predictor included: it learns none.
  const learner =
    learn === false
      ? undefined
      : problems.attempt('learn', () =>
          createChainLearner({
            ...(learn === true ? {} : learn),
            ...(predict === false ? { predict: false } : {}),
          }),
        );
  const settings = resolvePlannedSettings(
    { ...planned, ...(predict === false ? { predictors: [] } : {}) },
    problems,
  );
  // Now, not at the first query that misses the chains and the cache: no query could fit.
  settings.planner();
  const matcher =
    'match' in chains ? chains : chains.length === 0 ? undefined : createChainMatcher(chains);
  // Unreviewed chain files earn their standing as the learner's chains do, at the same pace.
  const promotion = createChainPromotion(
    typeof learn === 'object' && learn.promoteAfter !== undefined
      ? { promoteAfter: learn.promoteAfter }
      : {},
  );
  for (const [name, count] of agreements) {
    for (const chain of matcher?.chains ?? []) {
      if (chain.name === name && !chain.kept) promotion.seed(chain, count);
    }
  }
  const ownPlanCache =
    planCache === false ? undefined : planCache === true ? createPlanCache() : planCache;
  if (store === undefined) {
    return {
      planned: settings,
      chains: matcher,
      promotion,
      planCache: ownPlanCache,
      learner,
      traceStore,
      storeReady: undefined,
      onError,
    };
  }
  const shared = store.attach({
    tools: settings.tools,
    planCache: ownPlanCache,
    learner,
    onError,
  });
  // The store's cache and in-flight registry, unless the developer gave their own.
  const execute = {
    ...settings.execute,
    ...(settings.execute.cache === undefined ? { cache: shared.cache } : {}),
    ...(settings.execute.inFlight === undefined && shared.inFlight !== undefined
      ? { inFlight: shared.inFlight }
      : {}),
  };
  return {
    planned: { ...settings, execute },
    chains: matcher,
    promotion,
    planCache: shared.planCache,
    learner: shared.learner,
    traceStore,
    storeReady: shared.ready,
    onError,
  };
}

function chainAgreementsOf(given: unknown, problems: OptionProblems): Array<[string, number]> {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problems.add(
      `Expected \`chainAgreements\` to be a record of counts by chain name, got \`${String(given)}\``,
    );
    return [];
  }
  const counts: Array<[string, number]> = [];
  for (const [name, count] of Object.entries(given)) {
    if (Number.isInteger(count) && (count as number) >= 0) counts.push([name, count as number]);
    else
      problems.add(
        `Expected \`chainAgreements.${name}\` to be an integer ≥ 0, got \`${String(count)}\``,
      );
  }
  return counts;
}
