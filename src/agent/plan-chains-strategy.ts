import { renderPlannerPrompt } from '../model/planner-prompt.js';
import { createSideEffectLedger, type StepRecord } from '../runtime/index.js';
import { countTokens } from '../tools/index.js';
import {
  createChainMatcher,
  mineChains,
  toTraceRun,
  type ChainMatcher,
  type TraceRun,
} from '../trace/index.js';
import { answerWithoutModel } from './answer-without-model.js';
import { createPlanCache } from './create-plan-cache.js';
import { runPlanned } from './run-planned.js';
import type { Strategy } from './strategy.js';

export interface PlanChainsStrategyOptions {
  /**
   * Runs recorded (those with a plan that succeeded) before the strategy's own trace log is first
   * mined, and at least between two minings (later ones wait for the log to grow by half).
   * @default 8
   */
  mineEvery?: number;
  /**
   * Runs of one shape needed before it is compiled into a chain.
   * @default 3
   */
  minSupport?: number;
}

/**
 * toolplan's repeated-work path as a strategy that learns from its own traffic: compiled chains
 * first, then the plan cache, and the streamed planner only on a miss. Every run with a plan is
 * traced; every `mineEvery` recorded runs the log is mined again and the chains replaced. Mined
 * chains are never reviewed here, so only read-only ones run (`compileChain` refuses the rest).
 */
export function createPlanChainsStrategy(options: PlanChainsStrategyOptions = {}): Strategy {
  const mineEvery = options.mineEvery ?? 8;
  const minSupport = options.minSupport ?? 3;
  if (!Number.isInteger(mineEvery) || mineEvery < 1) {
    throw new TypeError(
      `Expected \`mineEvery\` to be a positive integer, got \`${String(mineEvery)}\``,
    );
  }
  const planCache = createPlanCache();
  const traces: TraceRun[] = [];
  let chains: ChainMatcher | undefined;
  let nextMining = mineEvery;
  const record = (run: TraceRun) => {
    traces.push(run);
    if (traces.length < nextMining) return;
    // Mining reads the whole log on the event loop, so it runs less often as the log grows: new
    // shapes are found early, and later minings mostly confirm what is known.
    nextMining = Math.max(traces.length + mineEvery, Math.ceil(traces.length * 1.5));
    const mined = mineChains(traces, { minSupport, coverageTarget: 1 });
    chains = mined.proposals.length === 0 ? undefined : createChainMatcher(mined.proposals);
  };
  return {
    name: 'plan+chains',
    description:
      'toolplan: compiled chains mined from its traces, then the plan cache, then one streamed planning call',
    fresh: () => createPlanChainsStrategy(options),
    promptTokens: (tools) => countTokens(renderPlannerPrompt(tools)),
    async run({ query, tools, model, signal }) {
      const started = performance.now();
      const startedAt = new Date();
      // One ledger per query: a side effect a failed chain made is never made again by the plan.
      const sideEffects = createSideEffectLedger();
      const execute = { sideEffects, ...(signal === undefined ? {} : { signal }) };
      const known = await answerWithoutModel({
        query,
        tools,
        ...(chains === undefined ? {} : { chains }),
        planCache,
        execute,
      });
      const spent: StepRecord[] =
        known.answeredBy === undefined ? known.runs.flatMap((run) => run.steps) : [];
      if (known.answeredBy !== undefined) {
        record(
          toTraceRun({
            runId: `plan-chains-${traces.length + 1}`,
            strategy: 'plan+chains',
            query,
            startedAt,
            wallMs: performance.now() - started,
            steps: known.run.steps,
            plans: [known.plan],
            answer: known.answer,
          }),
        );
        return {
          answer: known.answer,
          plans: [known.plan],
          steps: known.run.steps,
          answeredBy: known.answeredBy,
        };
      }
      const run = await runPlanned({
        model: model(),
        tools,
        query,
        execute,
        ...(signal === undefined ? {} : { signal }),
      });
      const [plan] = run.plans;
      const succeeded = run.steps.every((step) => step.status === 'ok');
      if (
        plan !== undefined &&
        run.plans.length === 1 &&
        succeeded &&
        run.answeredBy === 'template'
      ) {
        planCache.remember(query, plan, tools);
        record(
          toTraceRun({
            runId: `plan-chains-${traces.length + 1}`,
            strategy: 'plan+chains',
            query,
            startedAt,
            wallMs: performance.now() - started,
            steps: run.steps,
            plans: run.plans,
            answer: run.answer,
          }),
        );
      }
      return {
        answer: run.answer,
        plans: run.plans,
        steps: [...spent, ...run.steps],
        answeredBy: run.answeredBy,
        ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
      };
    },
  };
}

/** The bench's `plan+chains`: a fresh learner per stream of traffic (see `Strategy.fresh`). */
export const planChainsStrategy: Strategy = createPlanChainsStrategy();
