import { isValidatedPlan, validatePlan, type Plan, type ValidatedPlan } from '../plan/index.js';
import { createToolRegistry, type ToolSource } from '../tools/index.js';
import { resolveExecuteOptions, type ExecutePlanOptions } from './execute-plan-options.js';
import { PlanRun } from './plan-run.js';
import type { RunResult } from './run-result.js';

/**
 * Executes a plan with its tools. The whole plan is validated first (a plan already returned by
 * `validatePlan` for the same registry is not validated again), so no tool — least of all one
 * with side effects — runs from a plan that fails validation: the promise rejects with
 * `PlanValidationError`. Untyped input (JSON from a file or a model) goes through `parsePlan`
 * first. Nothing is thrown synchronously: invalid options, tools or plans all reject.
 *
 * Steps then run as soon as the steps they depend on have finished, within the concurrency
 * limits. A failed step is a value in the result (`status: 'error'`), its dependents are
 * `skipped`, and independent branches finish. Aborting `options.signal` cancels everything in
 * flight and rejects with `RunAbortedError`, which carries the partial result.
 */
export function executePlan(
  plan: Plan | ValidatedPlan,
  tools: ToolSource,
  options: ExecutePlanOptions = {},
): Promise<RunResult> {
  try {
    const resolved = resolveExecuteOptions(options);
    const registry = createToolRegistry(tools);
    const validated =
      isValidatedPlan(plan) && plan.tools === registry
        ? plan
        : validatePlan(isValidatedPlan(plan) ? plan.plan : plan, {
            tools: registry,
            limits: resolved.limits,
            available: Object.keys(resolved.results),
          });
    const run = new PlanRun({ tools: registry, options: resolved, limits: validated.limits });
    run.add(validated.steps);
    run.seal(validated);
    return run.start();
  } catch (error) {
    // A caller awaiting the result must see every failure there, not as a throw from the call.
    return Promise.reject(error);
  }
}
