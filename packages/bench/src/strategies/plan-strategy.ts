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
      });
      return {
        answer: run.answer,
        plans: run.plans,
        steps: run.steps,
        ...(run.arrivals === undefined ? {} : { arrivals: run.arrivals }),
        ...(run.speculation === undefined ? {} : { speculation: run.speculation }),
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
