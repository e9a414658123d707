import { unknownOptionProblems, type EveryKeyOf } from '../plan/index.js';
import { createChainMatcher, type ChainMatcher, type TraceStore } from '../trace/index.js';
import type { CreateAgentOptions } from './create-agent.js';
import { createChainLearner, type ChainLearner } from './create-chain-learner.js';
import { createPlanCache, type PlanCache } from './create-plan-cache.js';
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
  planCache: PlanCache | undefined;
  learner: ChainLearner | undefined;
  traceStore: TraceStore | undefined;
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
  'planCache',
  'learn',
  'predict',
  'traceStore',
  'onError',
] as const;
const createAgentOptionKeys: EveryKeyOf<CreateAgentOptions, typeof CREATE_AGENT_KEYS> =
  CREATE_AGENT_KEYS;

export function resolveAgentOptions(options: CreateAgentOptions): ResolvedAgentOptions {
  const {
    chains = agentDefaults.chains,
    planCache = agentDefaults.planCache,
    learn = agentDefaults.learn,
    predict = agentDefaults.predict,
    traceStore,
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
  if (typeof onError !== 'function')
    problems.add(`Expected \`onError\` to be a function, got \`${String(onError)}\``);
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
  return {
    planned: settings,
    chains:
      'match' in chains ? chains : chains.length === 0 ? undefined : createChainMatcher(chains),
    planCache: planCache === false ? undefined : planCache === true ? createPlanCache() : planCache,
    learner,
    traceStore,
    onError,
  };
}
