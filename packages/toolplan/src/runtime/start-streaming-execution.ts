import { stringify } from 'safe-stable-stringify';
import {
  isValidatedPlan,
  validatePlan,
  validatePlanStep,
  type PlanLimits,
  type ValidatedPlan,
} from '../plan/index.js';
import { createToolRegistry, type ToolSource } from '../tools/index.js';
import { resolveExecuteOptions, type ExecutePlanOptions } from './execute-plan-options.js';
import { resolvePlanLimits } from '../plan/index.js';
import { PlanRun } from './plan-run.js';
import { StreamingExecutionError } from './streaming-execution-error.js';
import type { RunResult } from './run-result.js';

/** What happened to a step offered while the plan was still streaming. */
export type OfferOutcome = 'dispatched' | 'held';

/**
 * An execution that starts before its plan is complete. See {@link startStreamingExecution}.
 *
 * States:
 *
 *     streaming ──finish(valid plan)──► running ──► done (result)
 *         │     ──finish(invalid)────► cancelled (PlanValidationError thrown)
 *         │     ──salvage()──────────► draining ──► done (what finished early)
 *         └─────cancel(reason)───────► cancelled
 */
export interface StreamingExecution {
  /**
   * A step has arrived (its JSON just closed). It starts at once when it is safe to: its tool
   * is `readOnly` without a `policy` of its own, it validates on its own, and every step it
   * references has itself started.
   * Anything else waits for the whole plan.
   */
  offer(step: unknown, index: number): OfferOutcome;
  /**
   * The whole plan has arrived. It is validated as a whole; if it is valid the run goes on with
   * every step and this resolves with the result. If not, the steps started early are cancelled,
   * their results are dropped, and the validation error is thrown.
   */
  finish(plan: unknown): Promise<RunResult>;
  /**
   * The plan will not be finished (its stream broke off): no further step starts, the steps
   * already running finish, and the values of those that succeeded are returned to be kept.
   */
  salvage(): Promise<Record<string, unknown>>;
  /** Cancels everything in flight. */
  cancel(reason: unknown): void;
  /** Ids of the steps started before the plan was complete, in the order they started. */
  readonly dispatched: readonly string[];
  /** When each offered step arrived, in ms since the execution started (for lower bounds). */
  readonly arrivals: ReadonlyMap<string, number>;
}

/**
 * Starts executing a plan that is still being written (issue #5: streaming partial execution).
 * Only read-only steps can start early; a tool with side effects never runs before the whole
 * plan has arrived and validated, and never from a plan that failed validation.
 */
export function startStreamingExecution(
  tools: ToolSource,
  options: ExecutePlanOptions = {},
): StreamingExecution {
  const resolved = resolveExecuteOptions(options);
  const registry = createToolRegistry(tools);
  const limits: PlanLimits = resolvePlanLimits(resolved.limits);
  const available = Object.keys(resolved.results);
  const run = new PlanRun({ tools: registry, options: resolved, limits });
  const settled = run.start();
  // The run may be cancelled before anyone awaits it; its rejection is reported through finish().
  settled.catch(() => undefined);
  const startedAt = resolved.clock.now();
  const known = new Set<string>();
  const started = new Set<string>();
  const earlySteps = new Map<string, string>();
  const dispatched: string[] = [];
  const arrivals = new Map<string, number>();
  let state: 'streaming' | 'running' | 'draining' | 'cancelled' = 'streaming';

  return {
    dispatched,
    arrivals,
    offer(step, index) {
      const id = (step as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !arrivals.has(id))
        arrivals.set(id, resolved.clock.now() - startedAt);
      const checked =
        state === 'streaming'
          ? validatePlanStep(step, { tools: registry, index, knownIds: known, available, limits })
          : undefined;
      if (typeof id === 'string') known.add(id);
      if (checked === undefined || !checked.ok) return 'held';
      const validated = checked.step;
      const tool = registry.get(validated.step.tool);
      const ready = validated.dependencies.every((dependency) => started.has(dependency));
      // A tool with a policy of its own is decided on (perhaps asked about) only once its plan
      // is known to be valid: nobody should approve a step of a plan that is then thrown away.
      if (tool?.readOnly !== true || tool.policy !== undefined || !ready) return 'held';
      run.add([validated]);
      started.add(validated.step.id);
      earlySteps.set(validated.step.id, stringify(validated.step) ?? '');
      dispatched.push(validated.step.id);
      return 'dispatched';
    },
    async finish(plan) {
      if (state !== 'streaming') throw new StreamingExecutionError({ state });
      let validated: ValidatedPlan;
      try {
        validated =
          isValidatedPlan(plan) && plan.tools === registry
            ? plan
            : validatePlan(isValidatedPlan(plan) ? plan.plan : plan, {
                tools: registry,
                limits,
                available,
              });
        for (const [id, early] of earlySteps) {
          const final = validated.stepsById.get(id);
          if (final === undefined || stringify(final.step) !== early) {
            throw new StreamingExecutionError({ stepId: id });
          }
        }
      } catch (error) {
        state = 'cancelled';
        run.cancel(error);
        throw error;
      }
      state = 'running';
      run.seal(validated);
      return settled;
    },
    async salvage() {
      if (state !== 'streaming') return {};
      state = 'draining';
      const partial = validatePlan(
        { steps: dispatched.map((id) => JSON.parse(earlySteps.get(id) as string) as unknown) },
        { tools: registry, limits, available },
      );
      run.seal(partial);
      const result = await settled;
      return result.results;
    },
    cancel(reason) {
      state = 'cancelled';
      run.cancel(reason);
    },
  };
}
