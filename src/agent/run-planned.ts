import type { LanguageModelV3 } from '@ai-sdk/provider';
import { projectResult } from '../context/index.js';
import {
  JOINER_SYSTEM_PROMPT,
  renderJoinRequest,
  renderReplanRequest,
  renderResumeRequest,
} from '../model/joiner-prompt.js';
import { ModelCallError } from '../model/model-call-error.js';
import { streamModelText } from '../model/stream-model-text.js';
import {
  createPlanStreamParser,
  type Plan,
  type PlanLimits,
  type ValidatedPlan,
} from '../plan/index.js';
import {
  executePlan,
  startStreamingExecution,
  type ExecutePlanOptions,
  type RunResult,
  type StepRecord,
  type StreamingExecution,
} from '../runtime/index.js';
import { createToolRegistry, type ToolRegistry, type ToolSource } from '../tools/index.js';
import { createPlanner, type PlanOutputMode } from './create-planner.js';

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
  const planner = createPlanner({
    model,
    tools,
    ...(options.output === undefined ? {} : { output: options.output }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  const plans: Plan[] = [];
  const runs: RunResult[] = [];
  const results: Record<string, unknown> = {};
  const stream = options.stream ?? true;
  const maxResumes = options.maxResumes ?? 1;
  const executeOptions = (): ExecutePlanOptions => ({
    ...options.execute,
    results: { ...results },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(signal === undefined ? {} : { signal }),
  });
  const dispatchedEarly: string[] = [];
  let arrivals: Record<string, number> | undefined;
  let request = query;
  let resumes = 0;
  for (let round = 0; ; round += 1) {
    let execution: StreamingExecution | undefined;
    let plan: ValidatedPlan;
    try {
      ({ plan } = await planner.plan(request, {
        available: Object.keys(results),
        ...(signal === undefined ? {} : { signal }),
        ...(stream
          ? {
              onAttempt: () => {
                const current = startStreamingExecution(tools, executeOptions());
                execution = current;
                const parser = createPlanStreamParser({
                  onStep: (step, index) => current.offer(step, index),
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
        request = renderResumeRequest({
          query,
          partialPlan: error.partialText,
          finished: projectAll(tools, plans, results),
        });
        continue;
      }
      current?.cancel(error);
      throw error;
    }
    plans.push(plan.plan);
    const current = execution as StreamingExecution | undefined;
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
    Object.assign(results, run.results);
    const failed = run.steps.filter((step) => step.status !== 'ok');
    if (failed.length > 0 && round < maxReplans) {
      request = renderReplanRequest({
        query,
        finished: projectAll(tools, plans, results),
        failed: Object.fromEntries(
          failed.map((step) => [step.id, step.error?.message ?? step.status]),
        ),
      });
      continue;
    }
    const steps = runs.flatMap((each) => each.steps);
    if (run.answer !== undefined && plan.plan.needsReasoning !== true && failed.length === 0) {
      return {
        answer: run.answer,
        answeredBy: 'template',
        plans,
        results,
        steps,
        runs,
        ...(arrivals === undefined ? {} : { arrivals }),
        dispatchedEarly,
      };
    }
    const { text } = await streamModelText({
      model,
      purpose: 'answer',
      prompt: [
        { role: 'system', content: JOINER_SYSTEM_PROMPT },
        {
          role: 'user',
          content: [
            {
              type: 'text',
              text: renderJoinRequest({
                query,
                results: projectAll(tools, plans, results),
                errors: Object.fromEntries(
                  failed.map((step) => [step.id, step.error?.message ?? step.status]),
                ),
              }),
            },
          ],
        },
      ],
      ...(signal === undefined ? {} : { signal }),
    });
    return {
      answer: text,
      answeredBy: 'joiner',
      plans,
      results,
      steps,
      runs,
      ...(arrivals === undefined ? {} : { arrivals }),
      dispatchedEarly,
    };
  }
}

/** Every finished result as the model may see it: through its tool's `project` / `reasoningFields`. */
function projectAll(
  tools: ToolRegistry,
  plans: readonly Plan[],
  results: Record<string, unknown>,
): Record<string, unknown> {
  const stepsById = new Map(
    plans.flatMap((plan) => plan.steps.map((step) => [step.id, step] as const)),
  );
  return Object.fromEntries(
    Object.entries(results).map(([id, value]) => {
      const step = stepsById.get(id);
      return [
        id,
        projectResult(step && tools.get(step.tool), value, {
          forEach: step?.forEach !== undefined,
        }),
      ];
    }),
  );
}
