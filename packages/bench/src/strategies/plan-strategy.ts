import { renderPlannerPrompt } from 'toolplan/internal';
import { countTokens } from 'toolplan/internal';
import { runPlanned } from 'toolplan/internal';
import type { Strategy } from './strategy.js';

function planningStrategy(options: {
  name: string;
  description: string;
  stream: boolean;
  /** Speculate the calls the context's predictors propose (issue #9). */
  predict?: boolean;
  /** Send every tool, however large the catalog (`toolSelection: false`), within this budget. */
  allTools?: { maxPromptTokens: number };
}): Strategy {
  return {
    name: options.name,
    description: options.description,
    async run({ query, tools, model, signal, predictors, policy }) {
      const run = await runPlanned({
        model: model(),
        tools,
        query,
        stream: options.stream,
        // As the loop baselines: one attempt per model call (a failed one is a transport error).
        maxRetries: 0,
        ...(signal === undefined ? {} : { signal }),
        ...(options.predict === true && predictors !== undefined ? { predictors } : {}),
        ...(policy === undefined ? {} : { execute: { policy } }),
        ...(options.allTools === undefined
          ? {}
          : { toolSelection: false, maxPromptTokens: options.allTools.maxPromptTokens }),
      });
      return {
        answer: run.answer,
        plans: run.plans,
        steps: run.steps,
        ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
        ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
        ...(run.toolSelection === undefined ? {} : { toolSelection: run.toolSelection }),
        // One prompt report per model call, made just before the call.
        modelCallPurposes: run.promptReports.map((report) => report.purpose),
      };
    },
    promptTokens: (tools) => countTokens(renderPlannerPrompt(tools)),
  };
}

/**
 * toolplan's compiler pattern: one planning call whose read-only steps start while the plan is
 * still streaming; parallel execution; the answer from the plan's template, or one join call.
 */
export const planStrategy: Strategy = planningStrategy({
  name: 'plan',
  description: 'toolplan: one streamed planning call, steps started as they arrive',
  stream: true,
});

/** The same without streaming dispatch: execution starts once the whole plan has arrived. */
export const planNoStreamStrategy: Strategy = planningStrategy({
  name: 'plan-nostream',
  description: 'toolplan: one planning call, executed once complete',
  stream: false,
});

/**
 * The streaming planner plus predictive execution (issue #9): the read-only calls the context's
 * predictors make likely start at time zero, before the planning request, within the default
 * budget; plan steps take or join them. Without predictors it is `plan`.
 */
export const planPredictStrategy: Strategy = planningStrategy({
  name: 'plan+predict',
  description: 'toolplan: plan, with likely read-only calls started while the planner thinks',
  stream: true,
  predict: true,
});

/**
 * The prompt budget of `plan-all-tools`: BFCL's 628 functions render in 43,940 tokens, over the
 * default budget (16,000); 64,000 is half of GPT-4o's context window (128,000 tokens).
 */
export const ALL_TOOLS_MAX_PROMPT_TOKENS = 64_000;

/**
 * `plan` sending every tool however large the catalog (`toolSelection: false`): the comparison for
 * tool selection, run by the scenarios with a large catalog (`big-catalog`) only.
 */
export const planAllToolsStrategy: Strategy = planningStrategy({
  name: 'plan-all-tools',
  description: 'toolplan: plan, sending the whole tool catalog (no tool selection)',
  stream: true,
  allTools: { maxPromptTokens: ALL_TOOLS_MAX_PROMPT_TOKENS },
});
