/*
 * `runPlanned` is a state machine. Each state is a function below that does the state's work and
 * returns the next state; `runPlannedResolved` steps from `plan` until `done`.
 *
 *                        query (or a session's request)
 *                                      │
 *                                      ▼
 *  ┌────────┐  the stream broke  ┌──────────┐ ◀─┐ an invalid plan, while correction rounds <
 *  │ resume │ ◀───────────────── │   plan   │   │ maxCorrections: sent back with its problems
 *  └────────┘  off, resumes <    └──────────┘ ──┘ (inside the planner; then PlanningError)
 *    │         maxResumes          ▲  ▲  │
 *    └─────────────────────────────┘  │  │ a valid plan
 *         ┌───────────────────────────┘  ▼
 *  ┌────────┐  steps failed,     ┌──────────┐  nothing failed, the answer  ┌──────────┐
 *  │ replan │ ◀───────────────── │ execute  │ ───────────────────────────▶ │ template │ ─▶ done
 *  └────────┘  replans <         └──────────┘  template filled, and no     └──────────┘
 *              maxReplans              │       reasoning asked for
 *                                      │ otherwise                         ┌──────────┐
 *                                      └─────────────────────────────────▶ │   join   │ ─▶ done
 *                                                                          └──────────┘
 *
 * Transitions, tried in this order:
 *
 *   plan     → execute   a valid plan (while it streamed, its read-only steps started)
 *   plan     → resume    the plan's stream broke off after part of the plan arrived (a call that
 *                        failed before any of it arrived was retried by the model layer, and
 *                        failed for good), streaming is on, the run is not cancelled, and
 *                        resumes < maxResumes
 *   plan     ✗ throws    on anything else (a PlanningError naming read-only steps that started; a
 *                        ModelCallError with no resume left or nothing of the plan received),
 *                        after cancelling what the last attempt started
 *
 * Every plan a model wrote after reading untrusted tool output (a replan, a resume with results,
 * a session's follow-up) has its steps marked `plannedAfterUntrusted` as it executes.
 *   resume   → plan      keeps what the cut plan's early steps finished, shows the cut plan and
 *                        asks for the rest (purpose `resume`)
 *   execute  → replan    a step failed, and replans < maxReplans
 *   execute  → template  nothing failed, the answer template filled in, no reasoning asked for:
 *                        the answer, with no model call
 *   execute  → join      otherwise (reasoning asked for, a template that did not fill, failures
 *                        with no replan left): one more model call writes the answer
 *   replan   → plan      shows what finished and what failed, for a plan of the rest (purpose
 *                        `replan`); what finished is referenced, never called again
 *   template → done,  join → done
 *
 * Each limit is a counter that only grows, compared with its resolved option: `resumes` with
 * `maxResumes` and `replans` with `maxReplans` here, correction rounds with `maxCorrections` in the
 * planner. A resume is not a replan: it finishes the same plan. Speculation serves the first plan
 * (resumed or not) and stops once it has executed. One side-effect ledger spans every plan, so no
 * side-effect call is made twice.
 */
import {
  compressResults,
  fitPrompt,
  type CompressibleText,
  type CompressOptions,
  type PromptReport,
} from '../context/index.js';
import {
  JOINER_SYSTEM_PROMPT,
  renderJoinRequest,
  renderReplanRequest,
  renderResumeRequest,
} from '../model/joiner-prompt.js';
import { callModelText, type ModelRetryEvent } from '../model/call-model-text.js';
import { ModelCallError } from '../model/model-call-error.js';
import type { RetryBudget } from '../model/model-call-policy.js';
import { stableSystemMessage } from '../model/stable-system-message.js';
import type { SupportedLanguageModel } from '../model/supported-language-model.js';
import {
  createPlanStreamParser,
  type Plan,
  type PlanLimits,
  type PlanStep,
  type ValidatedPlan,
} from '../plan/index.js';
import {
  createSideEffectLedger,
  createSpeculator,
  executePlan,
  startStreamingExecution,
  type ExecutePlanOptions,
  type Predictor,
  type RunResult,
  type SideEffectLedger,
  type SpeculationMetrics,
  type SpeculationOptions,
  type Speculator,
  type StepRecord,
  type StreamingExecution,
} from '../runtime/index.js';
import type { ApproveCallback, ToolSource, ValueSource } from '../tools/index.js';
import {
  createPlannerFrom,
  type PlanAttemptSink,
  type Planner,
  type PlanOutputMode,
} from './create-planner.js';
import { carriesPartialRun } from './carries-partial-run.js';
import { PlanningError } from './planning-error.js';
import { ResultSerializationError } from './result-serialization-error.js';
import type { ToolSelectionOptions, ToolSelectionReport } from './tool-selection.js';
import {
  resolveRunPlannedOptions,
  type ResolvedRunPlannedOptions,
} from './resolve-run-planned-options.js';

export interface RunPlannedOptions {
  /** An AI SDK provider's model: `LanguageModelV3` (ai@6) or `LanguageModelV4` (ai@7). */
  model: SupportedLanguageModel;
  /** The tools, in any form toolplan takes (an array, an AI SDK tool set, a registry). */
  tools: ToolSource;
  query: string;
  /**
   * Rounds of replanning after steps failed, each reusing the results that finished.
   * @default 1
   */
  maxReplans?: number;
  /**
   * Start read-only steps while the plan is still being written (streaming partial execution).
   * `false` waits for the whole plan.
   * @default true
   */
  stream?: boolean;
  /**
   * Times a plan whose stream broke off is asked for again, keeping the steps that finished.
   * @default 1
   */
  maxResumes?: number;
  /**
   * How the plan is asked for (see `CreatePlannerOptions.output`).
   * @default 'json-schema'
   */
  output?: PlanOutputMode;
  /**
   * Limits every plan is validated and executed against.
   * @default {} (the defaults of `PlanLimits`)
   */
  limits?: Partial<PlanLimits>;
  /**
   * How every plan is executed (see `ExecutePlanOptions`); a `sideEffects` ledger given here is
   * shared with other runs, otherwise the run has one of its own. Every plan of the run and its
   * speculation run under one `runId` (this one's, or one made for the run) and its
   * `shareScope`: without a scope they share calls and cached results with nothing else.
   * @default {} (the defaults of `ExecutePlanOptions`)
   */
  execute?: Omit<ExecutePlanOptions, 'signal' | 'limits' | 'results'>;
  /**
   * Answers a tool policy's `'ask'` (like the AI SDK's `needsApproval`): called with the call,
   * its arguments' sources and the policy's reason; `true` lets it go. Without it, `'ask'` is a
   * denial (`PolicyDeniedError`). The same as `execute.approve`, which it overrides.
   * @default none
   */
  approve?: ApproveCallback;
  /** Cancels the run: the model calls and every step in flight. @default none */
  signal?: AbortSignal;
  /**
   * Retries of each model call (plan, correction, replan, resume, answer) after a failure that
   * may pass — HTTP 408, 409, 429, 5xx, a connection that failed or broke, a time-out — after the
   * provider's `Retry-After` or an exponential back-off with jitter. Never after another 4xx, and
   * never once part of the reply arrived: a cut plan is resumed instead (`maxResumes`).
   * @default 2
   */
  maxRetries?: number;
  /**
   * Retries the whole run may spend over all its model calls, so that a failing provider cannot
   * multiply a run's calls.
   * @default 4
   */
  maxRetriesPerRun?: number;
  /**
   * Time-outs of each model call's attempts: a number is the whole attempt's; `firstToken` is
   * how long to wait for its first content. Generous by default, for reasoning models.
   * @default { firstToken: 300000, total: 600000 }
   */
  modelTimeoutMs?: number | { firstToken?: number; total?: number };
  /** Called when a failed model call is about to be tried again. Must not throw. @default none */
  onModelRetry?: (event: ModelRetryEvent) => void;
  /**
   * Most tokens (o200k) any prompt of the run may take (plan, correction, replan, resume,
   * answer). Results are cut first to fit; see `PlannedRun.promptReports`.
   * @default 16000
   */
  maxPromptTokens?: number;
  /**
   * Plan with the tools the query needs, chosen from a large catalog by a full-text index over
   * their names, descriptions and parameters (no model call, no network), rather than with every
   * tool: the planner is sent at most `maxTokens` of signatures (in the catalog's order), and can
   * ask once per run for a tool it was not sent (`need_tools`; see `PlannedRun.toolSelection`). A
   * catalog within the limits is sent whole; `false` always sends it whole.
   * @default {} (the defaults of `ToolSelectionOptions`: on past 4,000 tokens or 64 tools)
   */
  toolSelection?: boolean | ToolSelectionOptions;
  /**
   * How each result is compressed before any prompt shows it, after its tool's `project` /
   * `reasoningFields`.
   * @default {} (the defaults of `CompressOptions`)
   */
  compress?: CompressOptions;
  /**
   * Full results of earlier runs by id (a session's earlier turns): the plan may reference them
   * (`$id`), the executor passes them on, and no prompt shows them unless `request` does.
   * @default {}
   */
  earlier?: Record<string, unknown>;
  /**
   * Where each of `earlier`'s results came from (a session passes its turns' `StepRecord.sources`).
   * An earlier result without sources counts as untrusted: a plan written after it is marked
   * `plannedAfterUntrusted`, and an argument taken from it is untrusted.
   * @default {}
   */
  earlierSources?: Record<string, readonly ValueSource[]>;
  /**
   * The first planning request when it is more than the query (a session's compressed context);
   * it must contain the query. Replans, resumes and the joiner use `query` alone.
   * @default the query
   */
  request?: CompressibleText;
  /**
   * Predictors of the calls the query makes likely (issue #9: predictive execution). Their
   * read-only proposals start before the planning request, and the first plan's steps take their
   * results instead of calling again. The session's `earlier` results are shown to them.
   * @default [] (no speculation)
   */
  predictors?: readonly Predictor[];
  /**
   * Speculation's budget and threshold (see `SpeculationOptions`); only with `predictors`.
   * @default {} (the defaults of `SpeculationOptions`)
   */
  speculation?: SpeculationOptions;
  /**
   * Called with each step of a plan as it arrives: while the plan streams, as each step's JSON
   * closes, as written (validation of the whole plan follows; a corrected or resumed plan's steps
   * are reported again); otherwise once the plan is complete and valid (so too a streamed plan's
   * steps the stream did not deliver, as those of the `parallel_groups` form). Each plan's steps
   * are reported from index 0. Must not throw.
   * @default none
   */
  onPlanStep?: (step: PlanStep, index: number) => void;
  /**
   * Called with the answer's text as it is written (a template's answer comes whole).
   * @default none
   */
  onAnswerDelta?: (delta: string) => void;
}

/** What the compiler pattern did for one query. */
export interface PlannedRun {
  answer: string;
  /** How the answer was made: filled in from the plan's template, or written by the joiner. */
  answeredBy: 'template' | 'joiner';
  /** Every plan executed, the first one first (more than one after a replan). */
  plans: Plan[];
  /** Results of every step that finished, over all plans. */
  results: Record<string, unknown>;
  /** Every step of every plan. */
  steps: StepRecord[];
  runs: RunResult[];
  /**
   * With streaming, when each step of the last plan arrived (its JSON closed), in ms since that
   * plan's request started; the same origin as that run's step times.
   */
  arrivals?: Record<string, number>;
  /** Ids of the steps started before their plan was complete. */
  dispatchedEarly: string[];
  /** Every prompt sent, in order: its size, its budget and what was cut from it. */
  promptReports: PromptReport[];
  /** With `predictors`: what speculation proposed, ran, hit and wasted. */
  speculation?: SpeculationMetrics;
  /** With tool selection: the tools sent to the planner, and the extra round if it asked for more. */
  toolSelection?: ToolSelectionReport;
}

/**
 * The compiler pattern end to end: one model call writes the plan, the executor runs it, and the
 * model is asked again only when it must be — to join results that need reasoning (or that the
 * answer template could not fill), or to replan around failed steps, reusing what finished.
 */
export async function runPlanned(options: RunPlannedOptions): Promise<PlannedRun> {
  return runPlannedResolved(resolveRunPlannedOptions(options));
}

/** `runPlanned` with its options resolved already (by an agent or a session, once for all runs). */
export async function runPlannedResolved(options: ResolvedRunPlannedOptions): Promise<PlannedRun> {
  const run = startRun(options);
  try {
    let state: State = {
      kind: 'plan',
      purpose: 'plan',
      request: options.request,
      // A session's follow-up carries earlier turns' results: its plan is written after them.
      afterUntrusted: Object.keys(options.earlier).some(
        (id) => !isTrusted(options.earlierSources[id]),
      ),
    };
    while (state.kind !== 'done') state = await step(run, state);
    return state.result;
  } catch (error) {
    // A model call failed after steps ran (a replan, the joiner): what they did goes with the
    // error, so that nothing that ran is lost and a retry can reuse it.
    if (
      carriesPartialRun(error) &&
      error.partial === undefined &&
      (run.runs.length > 0 || Object.keys(run.results).length > 0)
    ) {
      error.partial = {
        runId: undefined,
        plans: run.plans,
        steps: run.runs.flatMap((each) => each.steps),
        results: run.results,
      };
    }
    throw error;
  } finally {
    run.speculator?.finish();
  }
}

/** The states of the diagram at the top of this file, each with what it needs to go on. */
type State =
  | {
      kind: 'plan';
      purpose: 'plan' | 'replan' | 'resume';
      request: string | CompressibleText;
      /** The request shows output of a tool that is not `trusted`. */
      afterUntrusted: boolean;
    }
  | { kind: 'resume'; execution: StreamingExecution; cut: ModelCallError }
  | {
      kind: 'execute';
      plan: ValidatedPlan;
      execution: StreamingExecution | undefined;
      afterUntrusted: boolean;
    }
  | { kind: 'replan'; failed: readonly StepRecord[] }
  | { kind: 'template'; answer: string }
  | { kind: 'join'; failed: readonly StepRecord[] }
  | { kind: 'done'; result: PlannedRun };

type StateOf<Kind extends State['kind']> = Extract<State, { kind: Kind }>;

/** What the run holds across its states; its lists and counters only grow. */
interface RunSoFar {
  readonly options: ResolvedRunPlannedOptions;
  /** `execute.runId`, or one made for this run: every execution of it runs under it. */
  readonly runId: string;
  readonly planner: Planner;
  /** Retries left to the run's model calls (`maxRetriesPerRun`). */
  readonly budget: RetryBudget;
  readonly sideEffects: SideEffectLedger;
  /** Started before the first planning request, when there are predictors. */
  readonly speculator: Speculator | undefined;
  /** The speculator while it may still serve a plan: until the first plan has executed. */
  speculation: Speculator | undefined;
  readonly plans: Plan[];
  readonly runs: RunResult[];
  readonly results: Record<string, unknown>;
  /** Where each of `results` came from, when known (a resume's salvaged results are not). */
  readonly sources: Record<string, readonly ValueSource[]>;
  readonly dispatchedEarly: string[];
  /** Read-only steps that started from a planning attempt that was then rejected. */
  readonly startedThenRejected: string[];
  readonly promptReports: PromptReport[];
  /** With streaming, when each step of the last plan executed arrived. */
  arrivals: Record<string, number> | undefined;
  replans: number;
  resumes: number;
}

function startRun(options: ResolvedRunPlannedOptions): RunSoFar {
  const { tools, predictors, signal, execute } = options;
  // Before speculation starts: a budget no request fits must not leave speculative calls running.
  const budget: RetryBudget = { remaining: options.maxRetriesPerRun };
  // One id for every plan of the run and its speculation: without a `shareScope`, the run
  // shares calls and cached results only under its own id, and its replans are the same run.
  const runId = execute.runId ?? crypto.randomUUID();
  const planner = createPlannerFrom(options.planner(), options.model, {
    policy: options.modelCalls,
    budget,
    ...(options.onModelRetry === undefined ? {} : { onRetry: options.onModelRetry }),
  });
  const speculator =
    predictors.length === 0
      ? undefined
      : createSpeculator({
          ...options.speculation,
          tools,
          predictors,
          ...(execute.clock === undefined ? {} : { clock: execute.clock }),
          ...(execute.cache === undefined ? {} : { cache: execute.cache }),
          ...(signal === undefined ? {} : { signal }),
          runId,
          ...(execute.shareScope === undefined ? {} : { shareScope: execute.shareScope }),
        });
  // At time zero, before the planning request: the point is to overlap the planner's thinking.
  speculator?.start({ query: options.query, session: options.earlier });
  return {
    options,
    runId,
    planner,
    budget,
    // One ledger for the plan and its replans: a side-effect call is never made twice.
    sideEffects: execute.sideEffects ?? createSideEffectLedger(),
    speculator,
    speculation: speculator,
    plans: [],
    runs: [],
    results: {},
    sources: {},
    dispatchedEarly: [],
    startedThenRejected: [],
    promptReports: [],
    arrivals: undefined,
    replans: 0,
    resumes: 0,
  };
}

function step(run: RunSoFar, state: Exclude<State, StateOf<'done'>>): Promise<State> | State {
  switch (state.kind) {
    case 'plan':
      return plan(run, state);
    case 'resume':
      return resume(run, state);
    case 'execute':
      return execute(run, state);
    case 'replan':
      return replan(run, state);
    case 'template':
      return answerFromTemplate(run, state);
    case 'join':
      return join(run, state);
  }
}

/** plan → execute | resume: one planning call, with its correction rounds (in the planner). */
async function plan(run: RunSoFar, state: StateOf<'plan'>): Promise<State> {
  const { options } = run;
  const attempts = options.stream ? streamedAttempts(run, state.afterUntrusted) : undefined;
  try {
    const planned = await run.planner.plan(state.request, {
      available: [...Object.keys(options.earlier), ...Object.keys(run.results)],
      onPrompt: (report) => run.promptReports.push(report),
      purpose: state.purpose,
      query: options.query,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(attempts === undefined ? {} : { onAttempt: attempts.start }),
    });
    return {
      kind: 'execute',
      plan: planned.plan,
      execution: attempts?.current(),
      afterUntrusted: state.afterUntrusted,
    };
  } catch (error) {
    const execution = attempts?.current();
    // A retry is not a resume: only a stream that broke off after it delivered part of a plan
    // is resumed (the call itself retried what failed before any of it arrived). A cancelled
    // run is not resumed either.
    if (
      ModelCallError.isInstance(error) &&
      error.partialText.trim() !== '' &&
      options.signal?.aborted !== true &&
      execution !== undefined &&
      run.resumes < options.maxResumes
    ) {
      return { kind: 'resume', execution, cut: error };
    }
    execution?.cancel(error);
    if (PlanningError.isInstance(error)) {
      // Read-only steps of the rejected attempts may have started while they streamed.
      const started = [...run.startedThenRejected, ...(execution?.dispatched ?? [])];
      if (started.length > 0) error.noteStartedSteps(started);
    }
    throw error;
  }
}

/**
 * With streaming, each planning attempt gets an execution that starts the plan's steps as their
 * JSON closes; `current` is the last attempt's (a correction round cancels its predecessor's).
 */
function streamedAttempts(run: RunSoFar, afterUntrusted: boolean) {
  let current: StreamingExecution | undefined;
  return {
    current: () => current,
    start: (): PlanAttemptSink => {
      const execution = startStreamingExecution(
        run.options.tools,
        executeOptions(run, afterUntrusted),
      );
      current = execution;
      const parser = createPlanStreamParser({
        onStep: (step, index) => {
          // As the model wrote it: the whole plan is validated once complete.
          run.options.onPlanStep?.(step as PlanStep, index);
          execution.offer(step, index);
        },
      });
      return {
        write: (delta) => parser.write(delta),
        rejected: (error) => {
          run.startedThenRejected.push(...execution.dispatched);
          execution.cancel(error);
        },
      };
    },
  };
}

/** resume → plan: the stream broke off; keep what the early steps finished, ask for the rest. */
async function resume(run: RunSoFar, { execution, cut }: StateOf<'resume'>): Promise<State> {
  run.resumes += 1;
  run.dispatchedEarly.push(...execution.dispatched);
  Object.assign(run.results, await execution.salvage());
  const { query } = run.options;
  const partialPlan = cut.partialText;
  return {
    kind: 'plan',
    purpose: 'resume',
    afterUntrusted: showsUntrusted(run),
    request: {
      ...compressed(run, 'resume'),
      render: (finished) => renderResumeRequest({ query, partialPlan, finished }),
    },
  };
}

/** execute → replan | template | join: runs the plan (or finishes the run streaming started). */
async function execute(
  run: RunSoFar,
  { plan, execution, afterUntrusted }: StateOf<'execute'>,
): Promise<State> {
  const { options } = run;
  run.plans.push(markTrust(plan.plan, afterUntrusted));
  run.speculation?.planComplete(plan, { ...options.earlier, ...run.results });
  let result: RunResult;
  if (execution === undefined) {
    plan.plan.steps.forEach((step, index) => options.onPlanStep?.(step, index));
    result = await executePlan(plan, options.tools, executeOptions(run, afterUntrusted));
    run.arrivals = undefined;
  } else {
    // The stream delivers only the `steps` form's elements: steps it did not deliver (the
    // `parallel_groups` form, normalised once complete) are reported now, before they run.
    plan.plan.steps.forEach((step, index) => {
      if (!execution.arrivals.has(step.id)) options.onPlanStep?.(step, index);
    });
    result = await execution.finish(plan);
    run.dispatchedEarly.push(...execution.dispatched);
    run.arrivals = Object.fromEntries(execution.arrivals);
  }
  run.runs.push(result);
  for (const record of result.steps) {
    if (record.sources !== undefined) run.sources[record.id] = record.sources;
  }
  // Speculation serves the first plan only; a replan is a new trust boundary and a new guess.
  run.speculation?.finish();
  run.speculation = undefined;
  Object.assign(run.results, result.results);
  const failed = result.steps.filter((step) => step.status !== 'ok');
  if (failed.length > 0 && run.replans < options.maxReplans) return { kind: 'replan', failed };
  if (result.answer !== undefined && plan.plan.needsReasoning !== true && failed.length === 0)
    return { kind: 'template', answer: result.answer };
  return { kind: 'join', failed };
}

/** replan → plan: what finished and what failed, for a plan of the rest. */
function replan(run: RunSoFar, { failed }: StateOf<'replan'>): State {
  run.replans += 1;
  const { query } = run.options;
  const failures = errorMessages(failed);
  return {
    kind: 'plan',
    purpose: 'replan',
    afterUntrusted: showsUntrusted(run),
    request: {
      ...compressed(run, 'replan'),
      render: (finished) => renderReplanRequest({ query, finished, failed: failures }),
    },
  };
}

/** template → done: the plan's own answer, with no model call. */
function answerFromTemplate(run: RunSoFar, { answer }: StateOf<'template'>): State {
  run.options.onAnswerDelta?.(answer);
  return { kind: 'done', result: outcome(run, { answer, answeredBy: 'template' }) };
}

/** join → done: one more model call writes the answer from the results (and the failures). */
async function join(run: RunSoFar, { failed }: StateOf<'join'>): Promise<State> {
  const { options } = run;
  const { query } = options;
  const errors = errorMessages(failed);
  const { prompt, report } = fitPrompt({
    purpose: 'answer',
    budget: options.maxPromptTokens,
    text: {
      ...compressed(run, 'answer'),
      render: (shown) => renderJoinRequest({ query, results: shown, errors }),
    },
    build: (text) => [
      stableSystemMessage(JOINER_SYSTEM_PROMPT),
      { role: 'user', content: [{ type: 'text', text }] },
    ],
  });
  run.promptReports.push(report);
  const { replyText: text } = await callModelText({
    model: options.model,
    purpose: 'answer',
    prompt,
    policy: options.modelCalls,
    budget: run.budget,
    query,
    ...(options.onModelRetry === undefined ? {} : { onRetry: options.onModelRetry }),
    ...(options.onAnswerDelta === undefined ? {} : { onTextDelta: options.onAnswerDelta }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { kind: 'done', result: outcome(run, { answer: text, answeredBy: 'joiner' }) };
}

/**
 * Whether a prompt showing the run's results shows output that is not trusted: a result whose
 * sources are not all trusted, or unknown (a resume's salvaged results; an earlier result given
 * without sources).
 */
function showsUntrusted(run: RunSoFar): boolean {
  const { earlier, earlierSources } = run.options;
  if (Object.keys(earlier).some((id) => !isTrusted(earlierSources[id]))) return true;
  return Object.keys(run.results).some((id) => !isTrusted(run.sources[id]));
}

function isTrusted(sources: readonly ValueSource[] | undefined): boolean {
  return sources !== undefined && sources.every((source) => source.trusted);
}

/**
 * The plan as the run reports it: each step marked `plannedAfterUntrusted` when its planning call
 * read untrusted output, and never marked otherwise — whatever the model wrote in that key.
 */
function markTrust(plan: Plan, afterUntrusted: boolean): Plan {
  return {
    ...plan,
    steps: plan.steps.map(({ plannedAfterUntrusted: _ignored, ...step }) =>
      afterUntrusted ? { ...step, plannedAfterUntrusted: true } : step,
    ),
  };
}

/** How each execution runs: with everything finished so far, and the first plan's speculation. */
function executeOptions(run: RunSoFar, afterUntrusted: boolean): ExecutePlanOptions {
  const { options } = run;
  return {
    ...options.execute,
    query: options.query,
    plannedAfterUntrusted: afterUntrusted,
    resultSources: { ...options.earlierSources, ...run.sources },
    runId: run.runId,
    ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
    sideEffects: run.sideEffects,
    results: { ...options.earlier, ...run.results },
    limits: options.limits,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

/**
 * Every result so far as a prompt for `purpose` may show it (projected, then compressed). A
 * result that is not JSON is a {@link ResultSerializationError} naming its steps.
 */
function compressed(run: RunSoFar, purpose: string) {
  const { compress, tools } = run.options;
  try {
    return compressResults({ ...compress, tools, plans: run.plans, results: run.results });
  } catch (cause) {
    if (!(cause instanceof TypeError)) throw cause;
    const stepIds = Object.entries(run.results)
      .filter(([, value]) => !isJson(value))
      .map(([id]) => id);
    throw new ResultSerializationError({ stepIds, purpose, cause });
  }
}

function isJson(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

function errorMessages(failed: readonly StepRecord[]): Record<string, string> {
  return Object.fromEntries(failed.map((step) => [step.id, step.error?.message ?? step.status]));
}

function outcome(
  run: RunSoFar,
  { answer, answeredBy }: Pick<PlannedRun, 'answer' | 'answeredBy'>,
): PlannedRun {
  return {
    answer,
    answeredBy,
    plans: run.plans,
    results: run.results,
    steps: run.runs.flatMap((each) => each.steps),
    runs: run.runs,
    ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
    dispatchedEarly: run.dispatchedEarly,
    promptReports: run.promptReports,
    ...(run.speculator === undefined ? {} : { speculation: run.speculator.metrics() }),
    ...toolSelectionOf(run.planner),
  };
}

function toolSelectionOf(planner: Planner): Pick<PlannedRun, 'toolSelection'> {
  const report = planner.toolSelection();
  return report === undefined ? {} : { toolSelection: report };
}
