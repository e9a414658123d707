import type { LanguageModelV3 } from '@ai-sdk/provider';
import {
  compressResults,
  fitPrompt,
  resolveCompressOptions,
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
import { ModelCallError } from '../model/model-call-error.js';
import { stableSystemMessage } from '../model/stable-system-message.js';
import { streamModelText } from '../model/stream-model-text.js';
import {
  createPlanStreamParser,
  type Plan,
  type PlanStep,
  type PlanLimits,
  type ValidatedPlan,
} from '../plan/index.js';
import {
  createSideEffectLedger,
  createSpeculator,
  executePlan,
  type Predictor,
  type SpeculationMetrics,
  type SpeculationOptions,
  type Speculator,
  startStreamingExecution,
  type ExecutePlanOptions,
  type RunResult,
  type StepRecord,
  type StreamingExecution,
} from '../runtime/index.js';
import { createToolRegistry, type ToolSource } from '../tools/index.js';
import { createPlanner, type PlanOutputMode } from './create-planner.js';
import { DEFAULT_MAX_PROMPT_TOKENS } from './default-max-prompt-tokens.js';

export interface RunPlannedOptions {
  model: LanguageModelV3;
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
  output?: PlanOutputMode;
  limits?: Partial<PlanLimits>;
  execute?: Omit<ExecutePlanOptions, 'signal' | 'limits' | 'results'>;
  signal?: AbortSignal;
  /**
   * Most tokens (o200k) any prompt of the run may take (plan, correction, replan, resume,
   * answer). Results are cut first to fit; see `PlannedRun.promptReports`.
   * @default 16000
   */
  maxPromptTokens?: number;
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
   * are reported again); otherwise once the plan is complete and valid. Must not throw.
   */
  onPlanStep?: (step: PlanStep, index: number) => void;
  /** Called with the answer's text as it is written (a template's answer comes whole). */
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
}

/**
 * The compiler pattern end to end: one model call writes the plan, the executor runs it, and the
 * model is asked again only when it must be — to join results that need reasoning (or that the
 * answer template could not fill), or to replan around failed steps, reusing what finished.
 */
export async function runPlanned(options: RunPlannedOptions): Promise<PlannedRun> {
  const { model, query, signal } = options;
  const tools = createToolRegistry(options.tools);
  const maxReplans = options.maxReplans ?? 1;
  const maxPromptTokens = options.maxPromptTokens ?? DEFAULT_MAX_PROMPT_TOKENS;
  const earlier = options.earlier ?? {};
  const compress = options.compress ?? {};
  // Checked before anything is sent, not when the first large result arrives.
  resolveCompressOptions(compress);
  const planner = createPlanner({
    model,
    tools,
    maxPromptTokens,
    ...(options.output === undefined ? {} : { output: options.output }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const plans: Plan[] = [];
  const runs: RunResult[] = [];
  const results: Record<string, unknown> = {};
  const stream = options.stream ?? true;
  const maxResumes = options.maxResumes ?? 1;
  // One ledger for the plan and its replans: a side-effect call is never made twice.
  const sideEffects = options.execute?.sideEffects ?? createSideEffectLedger();
  const executeOptions = (): ExecutePlanOptions => ({
    ...options.execute,
    ...(speculation === undefined ? {} : { speculation }),
    sideEffects,
    results: { ...earlier, ...results },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(signal === undefined ? {} : { signal }),
  });
  const dispatchedEarly: string[] = [];
  let arrivals: Record<string, number> | undefined;
  const promptReports: PromptReport[] = [];
  const onPrompt = (report: PromptReport) => promptReports.push(report);
  const compressed = () => compressResults({ ...compress, tools, plans, results });
  let request: string | CompressibleText = options.request ?? query;
  let purpose: 'plan' | 'replan' | 'resume' = 'plan';
  let resumes = 0;
  const predictors = options.predictors ?? [];
  const speculator =
    predictors.length === 0
      ? undefined
      : createSpeculator({
          ...options.speculation,
          tools,
          predictors,
          ...(options.execute?.clock === undefined ? {} : { clock: options.execute.clock }),
          ...(options.execute?.cache === undefined ? {} : { cache: options.execute.cache }),
          ...(signal === undefined ? {} : { signal }),
        });
  // At time zero, before the planning request: the point is to overlap the planner's thinking.
  speculator?.start({ query, session: earlier });
  // Speculation serves the first plan only; a replan is a new trust boundary and a new guess.
  let speculation: Speculator | undefined = speculator;
  try {
    for (let round = 0; ; round += 1) {
      let execution: StreamingExecution | undefined;
      let plan: ValidatedPlan;
      try {
        ({ plan } = await planner.plan(request, {
          available: [...Object.keys(earlier), ...Object.keys(results)],
          onPrompt,
          purpose,
          ...(signal === undefined ? {} : { signal }),
          ...(stream
            ? {
                onAttempt: () => {
                  const current = startStreamingExecution(tools, executeOptions());
                  execution = current;
                  const parser = createPlanStreamParser({
                    onStep: (step, index) => {
                      // As the model wrote it: the whole plan is validated once complete.
                      options.onPlanStep?.(step as PlanStep, index);
                      current.offer(step, index);
                    },
                  });
                  return {
                    write: (delta: string) => parser.write(delta),
                    rejected: (error: unknown) => current.cancel(error),
                  };
                },
              }
            : {}),
        }));
      } catch (error) {
        const current = execution as StreamingExecution | undefined;
        if (error instanceof ModelCallError && current !== undefined && resumes < maxResumes) {
          // The plan broke off mid-stream: keep what its early steps finished, ask for the rest.
          resumes += 1;
          round -= 1;
          dispatchedEarly.push(...current.dispatched);
          Object.assign(results, await current.salvage());
          const partialPlan = error.partialText;
          purpose = 'resume';
          request = {
            ...compressed(),
            render: (finished) => renderResumeRequest({ query, partialPlan, finished }),
          };
          continue;
        }
        current?.cancel(error);
        throw error;
      }
      plans.push(plan.plan);
      speculation?.planComplete(plan, { ...earlier, ...results });
      const current = execution as StreamingExecution | undefined;
      if (current === undefined) {
        plan.plan.steps.forEach((step, index) => options.onPlanStep?.(step, index));
      }
      let run: RunResult;
      if (current === undefined) {
        run = await executePlan(plan, tools, executeOptions());
        arrivals = undefined;
      } else {
        run = await current.finish(plan);
        dispatchedEarly.push(...current.dispatched);
        arrivals = Object.fromEntries(current.arrivals);
      }
      runs.push(run);
      speculation?.finish();
      speculation = undefined;
      Object.assign(results, run.results);
      const failed = run.steps.filter((step) => step.status !== 'ok');
      if (failed.length > 0 && round < maxReplans) {
        const failures = Object.fromEntries(
          failed.map((step) => [step.id, step.error?.message ?? step.status]),
        );
        purpose = 'replan';
        request = {
          ...compressed(),
          render: (finished) => renderReplanRequest({ query, finished, failed: failures }),
        };
        continue;
      }
      const steps = runs.flatMap((each) => each.steps);
      const outcome = (answer: string, answeredBy: PlannedRun['answeredBy']): PlannedRun => ({
        answer,
        answeredBy,
        plans,
        results,
        steps,
        runs,
        ...(arrivals === undefined ? {} : { arrivals }),
        dispatchedEarly,
        promptReports,
        ...(speculator === undefined ? {} : { speculation: speculator.metrics() }),
      });
      if (run.answer !== undefined && plan.plan.needsReasoning !== true && failed.length === 0) {
        options.onAnswerDelta?.(run.answer);
        return outcome(run.answer, 'template');
      }
      const errors = Object.fromEntries(
        failed.map((step) => [step.id, step.error?.message ?? step.status]),
      );
      const { prompt, report } = fitPrompt({
        purpose: 'answer',
        budget: maxPromptTokens,
        text: {
          ...compressed(),
          render: (shown) => renderJoinRequest({ query, results: shown, errors }),
        },
        build: (text) => [
          stableSystemMessage(JOINER_SYSTEM_PROMPT),
          { role: 'user', content: [{ type: 'text', text }] },
        ],
      });
      onPrompt(report);
      const { text } = await streamModelText({
        model,
        purpose: 'answer',
        prompt,
        ...(options.onAnswerDelta === undefined ? {} : { onTextDelta: options.onAnswerDelta }),
        ...(signal === undefined ? {} : { signal }),
      });
      return outcome(text, 'joiner');
    }
  } finally {
    speculator?.finish();
  }
}
