import type { LanguageModelV3 } from '@ai-sdk/provider';
import { projectResult } from '../context/index.js';
import {
  JOINER_SYSTEM_PROMPT,
  renderJoinRequest,
  renderReplanRequest,
} from '../model/joiner-prompt.js';
import { streamModelText } from '../model/stream-model-text.js';
import type { Plan, PlanLimits } from '../plan/index.js';
import {
  executePlan,
  type ExecutePlanOptions,
  type RunResult,
  type StepRecord,
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
  let request = query;
  for (let round = 0; ; round += 1) {
    const { plan } = await planner.plan(request, {
      available: Object.keys(results),
      ...(signal === undefined ? {} : { signal }),
    });
    plans.push(plan.plan);
    const run = await executePlan(plan, tools, {
      ...options.execute,
      results,
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      ...(signal === undefined ? {} : { signal }),
    });
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
      return { answer: run.answer, answeredBy: 'template', plans, results, steps, runs };
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
    return { answer: text, answeredBy: 'joiner', plans, results, steps, runs };
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
