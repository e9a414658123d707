import { resolveValue, validatePlan } from 'toolplan/internal';
import { callKey } from 'toolplan/internal';
import { createToolRegistry } from 'toolplan/internal';
import type { BenchScenario } from './bench-scenario.js';
import { TEST_CONTEXT } from './scenario-checks.test-utils.js';

/**
 * For a scenario's first case: the keys of the calls its plan makes without needing another
 * step's result, and the keys of the calls its predictors propose (what a speculator would run).
 */
export async function predictedAndPlannedCalls(
  scenario: BenchScenario,
): Promise<{ planned: string[]; predicted: string[] }> {
  const opened = await scenario.open(TEST_CONTEXT);
  try {
    const [benchCase] = opened.cases;
    if (benchCase === undefined) throw new Error('no case');
    const tools = createToolRegistry(opened.toolsFor(benchCase));
    const plan = validatePlan(benchCase.script.plan, { tools });
    const results = new Map<string, unknown>();
    const keyOf = (tool: string, args: unknown) => {
      const checked = tools.get(tool)?.inputSchema.validate(args);
      if (checked?.success !== true) throw new Error(`invalid ${tool} call`);
      return callKey(tool, checked.value);
    };
    const planned = plan.steps
      .filter((step) => step.dependencies.length === 0)
      .flatMap((step) => {
        const items =
          step.forEach === undefined
            ? [undefined]
            : (resolveValue(step.forEach, { results }) as []);
        return items.map((item, index) =>
          keyOf(
            step.step.tool,
            resolveValue(step.args, {
              results,
              ...(step.forEach === undefined ? {} : { forEach: { item, index } }),
            }),
          ),
        );
      });
    const predicted = (scenario.predictors ?? []).flatMap((predictor) =>
      predictor
        .predict({ query: benchCase.query, results: [] })
        .map((call) => keyOf(call.tool, call.args)),
    );
    return { planned: planned.sort(), predicted: predicted.sort() };
  } finally {
    await opened.close();
  }
}
