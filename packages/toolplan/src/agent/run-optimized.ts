import {
  meterModel,
  type ModelCallRecord,
  type SupportedLanguageModel,
  type UsageTotals,
} from '../model/index.js';
import type { ModelRetryEvent } from '../model/call-model-text.js';
import type { Plan, PlanStep } from '../plan/index.js';
import {
  createKnownPlanPredictor,
  createSideEffectLedger,
  type ExecutionEvent,
  type Predictor,
  type SpeculationMetrics,
  type StepRecord,
} from '../runtime/index.js';
import type { ToolSource } from '../tools/index.js';
import {
  createChainMatcher,
  toTraceRun,
  type Chain,
  type ChainDefinition,
  type ChainMatcher,
  type TraceRun,
  type TraceStore,
} from '../trace/index.js';
import { answerWithoutModel, type CompiledMiss } from './answer-without-model.js';
import type { ShadowPlan } from './answer-without-model.js';
import type { ChainLearner } from './create-chain-learner.js';
import { createChainPromotion, type ChainPromotion } from './create-chain-promotion.js';
import { guessEachSentence } from './guess-each-sentence.js';
import { plansAgree } from './plans-agree.js';
import type { DeferredWork } from './create-deferred-work.js';
import type { PlanCache } from './create-plan-cache.js';
import {
  resolveRunPlannedOptions,
  type ResolvedRunPlannedOptions,
} from './resolve-run-planned-options.js';
import { carriesPartialRun } from './carries-partial-run.js';
import { runPlannedResolved, type RunPlannedOptions } from './run-planned.js';
import type { ToolSelectionReport } from './tool-selection.js';

/** What happened in one run, on one time axis: ms since the query arrived. */
export interface AgentTimeline {
  /** Every model call attempt, failed ones included (with their `error`). */
  modelCalls: ModelCallRecord[];
  /** Every failed model call that was tried again, when it failed and how long it waited. */
  modelRetries: Array<ModelRetryEvent & { atMs: number }>;
  toolCalls: Array<{
    stepId: string;
    tool: string;
    startMs: number;
    endMs: number;
    status: StepRecord['status'];
  }>;
}

/** Why the compiled paths fell through to the planner (see `CompiledMiss`). */
export type FallThrough = Pick<CompiledMiss, 'chain' | 'chainName' | 'planCache' | 'reasons'>;

/**
 * The events of `agent.stream()`, in the order they happen.
 *
 * `planAttempt` numbers the plans of the run from 0 in the order they are tried: a compiled plan
 * (a chain's, a cached one), each planning call's plan (one rejected and corrected, one cut off and
 * resumed, a replan). With the step id it names one step of the run: a step id may come back in a
 * later plan. A plan's steps are announced (`plan-step`) before any of them starts, and every step
 * of a plan is over before the next plan's first step is announced; a step of a plan that was
 * given up (rejected, cut off, cancelled) may end without a `step-end`.
 */
export type AgentEvent =
  /**
   * A step of a plan, as soon as it is known: while the plan streams, as written (not validated
   * yet: a malformed step is passed on as it came), otherwise once the plan is complete.
   */
  | { type: 'plan-step'; step: PlanStep; index: number; planAttempt: number }
  | { type: 'step-start'; stepId: string; tool: string; atMs: number; planAttempt: number }
  | {
      type: 'step-end';
      stepId: string;
      tool: string;
      status: StepRecord['status'];
      atMs: number;
      planAttempt: number;
      /** The result (an array of results for a `forEach` step), when `status` is `ok`. */
      value?: unknown;
      /** Why the step failed or was skipped. */
      error?: Error;
    }
  | { type: 'answer-delta'; delta: string }
  | { type: 'finish'; result: AgentRun };

/** One query answered by the optimized pipeline. */
export interface AgentRun {
  runId: string;
  query: string;
  answer: string;
  /**
   * What answered: a compiled chain or the plan cache (no model call), the plan's answer
   * template, or a join call.
   */
  answeredBy: 'chain' | 'plan-cache' | 'template' | 'joiner';
  /** The chain that answered, when one did. */
  chainName?: string;
  /**
   * Why the chains and the plan cache did not answer, when they were tried and the planner
   * answered instead: what each came to, and the reasons (near misses, refusals, failures).
   */
  fallThrough?: FallThrough;
  /**
   * The first plan executed (a chain's template, a cached plan — one that failed included —
   * or the planner's).
   */
  plan: Plan | undefined;
  /**
   * Every plan executed, in order (more than one after a fall-through or a replan): a compiled
   * plan that failed before the planner ran comes first.
   */
  plans: Plan[];
  /** Every result that finished, by step id. */
  results: Record<string, unknown>;
  /** Every step of every plan, in order (each plan's times are from that plan's own start). */
  steps: StepRecord[];
  usage: UsageTotals;
  timeline: AgentTimeline;
  /** Speculative calls: proposed, run, used and wasted (when predictors ran). */
  speculation?: SpeculationMetrics;
  /** Streaming: when each step of the last plan arrived, ms since that plan was asked for. */
  arrivals?: Record<string, number>;
  /** With tool selection: the tools sent to the planner (see `PlannedRun.toolSelection`). */
  toolSelection?: ToolSelectionReport;
  wallMs: number;
}

export interface RunOptimizedOptions extends Omit<
  RunPlannedOptions,
  'query' | 'model' | 'tools' | 'predictors'
> {
  query: string;
  model: SupportedLanguageModel;
  tools: ToolSource;
  /**
   * Chains written in code or loaded from chain files: tried first. A developer's (`defineChain`,
   * a file with `"kept": true`) answers as written; an unreviewed mined file is in shadow until it
   * has agreed with the planner `promotion.promoteAfter` times (issue 18).
   * @default none
   */
  chains?: ChainMatcher;
  /**
   * The standing of the unreviewed chains among `chains`, kept across runs by whoever owns it (an
   * agent keeps one). @default a fresh one for this run: every unreviewed chain in shadow
   */
  promotion?: ChainPromotion;
  /** Learns chains and a predictor from this pipeline's own runs. @default none */
  learner?: ChainLearner;
  /** Plans of earlier queries of the same shape, tried after the chains. @default none */
  planCache?: PlanCache;
  /** Predictors given by the developer (the learner's is added to them). @default [] */
  predictors?: readonly Predictor[];
  /** Where the run is recorded. @default none */
  traceStore?: TraceStore;
  /**
   * Names the run in its trace and in tools' idempotency keys. A caller retrying a request that
   * failed passes the same id (with the same `execute.sideEffects` ledger; `agent.run` keeps one
   * per id) so that no side effect is made twice.
   * @default a random UUID
   */
  runId?: string;
  /** Hears the run as it happens (what `agent.stream()` yields). @default none */
  onEvent?: (event: AgentEvent) => void;
  /**
   * Where learning from the run (plan cache, learner, trace store) is queued so that it happens
   * after the answer is returned; it is flushed before this run looks anything up.
   * @default none (learning happens before the run returns)
   */
  deferred?: DeferredWork;
}

/**
 * The seed's "full optimized architecture" for one query: compiled chains and the plan cache
 * first (no model call); on a miss, one streamed planning call whose read-only steps start as
 * they arrive, with the likely calls already speculated; the model again only to join results
 * that need reasoning or to replan around failures. Every run is traced and learned from.
 */
export async function runOptimized(options: RunOptimizedOptions): Promise<AgentRun> {
  const {
    chains,
    promotion,
    learner,
    planCache,
    traceStore,
    deferred,
    runId,
    onEvent,
    ...planned
  } = options;
  return runOptimizedResolved({
    planned: resolveRunPlannedOptions(planned),
    chains,
    promotion: promotion ?? createChainPromotion(),
    learner,
    planCache,
    traceStore,
    deferred,
    runId,
    onEvent,
  });
}

/** `runOptimized`'s options, resolved: an agent resolves all but the query's once. */
export interface ResolvedRunOptimizedOptions {
  /** The planner's part, this query's included; `predictors` are the developer's. */
  planned: ResolvedRunPlannedOptions;
  chains: ChainMatcher | undefined;
  /** The standing of the unreviewed chains among `chains`. */
  promotion: ChainPromotion;
  learner: ChainLearner | undefined;
  planCache: PlanCache | undefined;
  traceStore: TraceStore | undefined;
  deferred: DeferredWork | undefined;
  runId: string | undefined;
  onEvent: ((event: AgentEvent) => void) | undefined;
}

/** `runOptimized` with its options resolved already. */
export async function runOptimizedResolved(
  options: ResolvedRunOptimizedOptions,
): Promise<AgentRun> {
  const { planned, chains, promotion, learner, planCache, traceStore, onEvent, deferred } = options;
  // A chain given unreviewed (a mined file nobody kept) earns its standing like a learned one.
  const unreviewed = (chain: Chain | ChainDefinition) =>
    !chain.kept && chains?.chains.includes(chain) === true;
  const { query, tools, signal } = planned;
  // What earlier runs taught must be in place before this one looks anything up.
  deferred?.flush();
  const runId = options.runId ?? crypto.randomUUID();
  const origin = performance.now();
  const startedAt = new Date();
  const meter = meterModel(planned.model, { origin });
  const modelRetries: AgentTimeline['modelRetries'] = [];
  const toolCalls: AgentTimeline['toolCalls'] = [];
  const open = new Map<string, { tool: string; startMs: number }>();
  // Every plan's steps are announced from index 0, and a plan's steps all end before the next
  // plan is announced: index 0 starts the next plan.
  let planAttempt = -1;
  const announce = (step: PlanStep, index: number) => {
    if (index === 0) planAttempt += 1;
    onEvent?.({ type: 'plan-step', step, index, planAttempt: Math.max(planAttempt, 0) });
  };
  const observe = (event: ExecutionEvent) => {
    planned.execute.onEvent?.(event);
    const atMs = performance.now() - origin;
    const attempt = Math.max(planAttempt, 0);
    if (event.type === 'step-start') {
      open.set(event.stepId, { tool: event.tool, startMs: atMs });
      onEvent?.({
        type: 'step-start',
        stepId: event.stepId,
        tool: event.tool,
        atMs,
        planAttempt: attempt,
      });
    } else if (event.type === 'step-end') {
      const started = open.get(event.stepId);
      open.delete(event.stepId);
      toolCalls.push({
        stepId: event.stepId,
        tool: event.tool,
        startMs: started?.startMs ?? atMs,
        endMs: atMs,
        status: event.status,
      });
      onEvent?.({
        type: 'step-end',
        stepId: event.stepId,
        tool: event.tool,
        status: event.status,
        atMs,
        planAttempt: attempt,
        ...(event.status === 'ok' ? { value: event.value } : {}),
        ...(event.error === undefined ? {} : { error: event.error }),
      });
    }
  };
  // One ledger per query: a side effect a failed chain made is never made again by the plan.
  const sideEffects = planned.execute.sideEffects ?? createSideEffectLedger();
  const execute = {
    ...planned.execute,
    // Tools' idempotency keys start with the run's id: a retried request sends the same keys.
    runId: planned.execute.runId ?? runId,
    sideEffects,
    onEvent: observe,
    ...(signal === undefined ? {} : { signal }),
  };
  const finish = (
    run: Omit<AgentRun, 'runId' | 'query' | 'usage' | 'timeline' | 'wallMs'> & {
      /** The planner's plan answered on its own: the plan cache may keep it. */
      remember?: boolean;
      /** Plans and steps of compiled runs that failed before the planner ran. */
      spent?: { plans: Plan[]; steps: StepRecord[] };
    },
  ) => {
    const { remember, spent, ...answered } = run;
    const outcome = {
      ...answered,
      plan: spent?.plans[0] ?? answered.plan,
      plans: [...(spent?.plans ?? []), ...answered.plans],
      steps: [...(spent?.steps ?? []), ...answered.steps],
    };
    const result: AgentRun = {
      runId,
      query,
      ...outcome,
      usage: { ...meter.totals(), modelRetries: modelRetries.length },
      timeline: { modelCalls: [...meter.calls()], modelRetries, toolCalls },
      wallMs: performance.now() - origin,
    };
    const learn = () => {
      // What is learned is what answered: the planner's plan, not a compiled one that failed
      // before it (that one's failure is the reason it is in `result.plans`, not a lesson).
      const [plan] = answered.plans;
      if (remember === true && plan !== undefined) planCache?.remember(query, plan, tools);
      const trace = toTraceRun({
        runId,
        strategy:
          result.answeredBy === 'chain' || result.answeredBy === 'plan-cache'
            ? result.answeredBy
            : 'plan',
        query,
        startedAt,
        wallMs: result.wallMs,
        steps: answered.steps,
        plans: answered.plans,
        answer: result.answer,
        usage: result.usage,
      });
      learner?.record(trace);
      traceStore?.record(trace);
    };
    if (deferred === undefined) learn();
    else deferred.defer(learn);
    onEvent?.({ type: 'finish', result });
    return result;
  };

  // Chains (a developer's, then what the learner mined) and the plan cache: no model call.
  const matcher = combineChains(chains, learner?.chains());
  let fallThrough: FallThrough | undefined;
  let spent: { plans: Plan[]; steps: StepRecord[] } | undefined;
  let shadows: readonly ShadowPlan[] = [];
  let guesses: readonly Plan[] = [];
  if (matcher !== undefined || planCache !== undefined) {
    const known = await answerWithoutModel({
      query,
      tools,
      ...(matcher === undefined ? {} : { chains: matcher }),
      ...(planCache === undefined ? {} : { planCache }),
      execute,
      isShadowChain: (chain) =>
        learner?.isShadow(chain) === true || (unreviewed(chain) && promotion.isShadow(chain)),
      ...(onEvent === undefined
        ? {}
        : { onPlan: (plan: Plan) => plan.steps.forEach((step, index) => announce(step, index)) }),
    });
    if (known.answeredBy !== undefined) {
      onEvent?.({ type: 'answer-delta', delta: known.answer });
      return finish({
        answer: known.answer,
        answeredBy: known.answeredBy,
        ...(known.chainName === undefined ? {} : { chainName: known.chainName }),
        plan: known.plan,
        plans: [known.plan],
        results: known.run.results,
        steps: known.run.steps,
      });
    }
    // A mined chain that failed is not asked again for every query of its shape.
    if (known.failedChain !== undefined) {
      learner?.demote(known.failedChain);
      if (unreviewed(known.failedChain)) promotion.reset(known.failedChain);
    }
    shadows = known.shadows;
    guesses = known.guesses;
    const { chain, chainName, planCache: cached, reasons } = known;
    fallThrough = {
      ...(chain === undefined ? {} : { chain }),
      ...(chainName === undefined ? {} : { chainName }),
      ...(cached === undefined ? {} : { planCache: cached }),
      reasons,
    };
    if (known.runs.length > 0) {
      spent = {
        plans: known.runs.map((each) => each.plan),
        steps: known.runs.flatMap((each) => each.steps),
      };
    }
  }
  const learned = learner?.predictor();
  const predictors: Predictor[] = [
    ...planned.predictors,
    ...(learned === undefined ? [] : [learned]),
  ];
  // What the compiled path knew of this query feeds speculation (issue 20: predictions fed by
  // chains): a learned plan in shadow matched it, and its calls are the best guess of the
  // planner's; a learned shape whose wording fit but whose slots refused the values is a weaker
  // guess (a near miss often keeps the first calls). Only where this run speculates at all: a
  // pipeline without prediction stays without it.
  const speculates = predictors.length > 0;
  if (speculates && shadows.length > 0) {
    predictors.push(createKnownPlanPredictor({ plans: shadows.map((shadow) => shadow.plan) }));
  }
  if (speculates && (matcher !== undefined || planCache !== undefined)) {
    guesses = [...guesses, ...guessEachSentence({ query, tools, matcher, planCache })];
  }
  if (speculates && guesses.length > 0) {
    predictors.push(
      createKnownPlanPredictor({ plans: guesses, confidence: 0.6, name: 'compiled-guess' }),
    );
  }
  const run = await runPlannedResolved({
    ...planned,
    model: meter.model,
    execute,
    predictors,
    onModelRetry: (event) => {
      modelRetries.push({ ...event, atMs: performance.now() - origin });
      planned.onModelRetry?.(event);
    },
    ...(onEvent === undefined
      ? {}
      : {
          onPlanStep: announce,
          onAnswerDelta: (delta: string) => onEvent({ type: 'answer-delta', delta }),
        }),
  }).catch((error: unknown) => {
    // The caller retries with this id to reuse the record of side effects already made.
    if (carriesPartialRun(error) && error.partial !== undefined) error.partial.runId = runId;
    throw error;
  });
  const [plan] = run.plans;
  const succeeded = run.steps.every((step) => step.status === 'ok');
  // Compiled plans in shadow earn the right to answer alone only by making the planner's calls,
  // for a plan of the planner's that succeeded on its own (issue 18: promotion on evidence).
  for (const shadow of shadows) {
    const agreed =
      plan !== undefined && run.plans.length === 1 && succeeded && plansAgree(shadow.plan, plan);
    if (shadow.source === 'plan-cache') planCache?.confirm(shadow.key, agreed);
    else if (unreviewed(shadow.chain)) promotion.confirm(shadow.chain, agreed);
    else learner?.confirm(shadow.chain, agreed);
  }
  return finish({
    // A plan written after untrusted output may have been steered by it: never replayed.
    remember:
      plan !== undefined &&
      run.plans.length === 1 &&
      succeeded &&
      run.answeredBy === 'template' &&
      plan.steps.every((step) => step.plannedAfterUntrusted !== true),
    ...(spent === undefined ? {} : { spent }),
    answer: run.answer,
    answeredBy: run.answeredBy,
    ...(fallThrough === undefined ? {} : { fallThrough }),
    plan,
    plans: run.plans,
    results: run.results,
    steps: run.steps,
    ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
    ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
    ...(run.toolSelection === undefined ? {} : { toolSelection: run.toolSelection }),
  });
}

/** Chains from code or files, and the learner's, as one matcher (a developer's name wins). */
export function combineChains(
  kept: ChainMatcher | undefined,
  learned: ChainMatcher | undefined,
): ChainMatcher | undefined {
  if (kept === undefined || learned === undefined) return kept ?? learned;
  const names = new Set(kept.chains.map((chain) => chain.name));
  return createChainMatcher([
    ...kept.chains,
    ...learned.chains.filter((chain) => !names.has(chain.name)),
  ]);
}

export type { TraceRun };
