import { renderPlannerPrompt } from '../model/planner-prompt.js';
import { countTokens } from '../tools/index.js';
import { runPlanned } from './run-planned.js';
import type { Strategy } from './strategy.js';

/** toolplan's compiler pattern: one planning call, parallel execution, a join only when needed. */
export const planStrategy: Strategy = {
  name: 'plan',
  description: 'toolplan: one planned call, executed as a DAG; answer template or one join call',
  async run({ query, tools, model, signal }) {
    const run = await runPlanned({
      model: model(),
      tools,
      query,
      ...(signal === undefined ? {} : { signal }),
    });
    return { answer: run.answer, plans: run.plans, steps: run.steps };
  },
  promptTokens: (tools) => countTokens(renderPlannerPrompt(tools)),
};
