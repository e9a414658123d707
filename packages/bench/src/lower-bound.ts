import type { ModelCallRecord } from 'toolplan/internal';
import { compileValue, FOR_EACH_INDEX, FOR_EACH_ITEM, type Plan } from 'toolplan/internal';
import type { StepRecord } from 'toolplan/internal';

/**
 * The longest chain of step durations through a plan's DAG: the least time its tools need with
 * unlimited parallelism, given how long each step actually took in this run.
 */
export function criticalPathMs(
  plan: Plan,
  steps: readonly StepRecord[],
  /** The earliest moment each step could start (streaming: when its JSON closed); 0 if absent. */
  earliest: Readonly<Record<string, number>> = {},
): number {
  const durations = new Map(steps.map((step) => [step.id, Math.max(0, step.endMs - step.startMs)]));
  const ids = new Set(plan.steps.map((step) => step.id));
  const dependencies = new Map(
    plan.steps.map((step) => {
      const references = [
        ...compileValue(step.args).references,
        ...(step.forEach === undefined ? [] : compileValue(step.forEach).references),
      ].map(({ reference }) => reference.root);
      const roots = [...references, ...(step.after ?? [])].filter(
        (root) =>
          root !== FOR_EACH_ITEM && root !== FOR_EACH_INDEX && ids.has(root) && root !== step.id,
      );
      return [step.id, [...new Set(roots)]] as const;
    }),
  );
  const finish = new Map<string, number>();
  // Plans are acyclic (validated), so this memoised walk ends; iterative to spare the stack.
  const finishOf = (start: string): number => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack[stack.length - 1] as string;
      if (finish.has(id)) {
        stack.pop();
        continue;
      }
      const pending = (dependencies.get(id) ?? []).filter((dependency) => !finish.has(dependency));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      const ready = Math.max(
        earliest[id] ?? 0,
        ...(dependencies.get(id) ?? []).map((dependency) => finish.get(dependency) as number),
      );
      finish.set(id, ready + (durations.get(id) ?? 0));
      stack.pop();
    }
    return finish.get(start) as number;
  };
  return Math.max(0, ...plan.steps.map((step) => finishOf(step.id)));
}

/**
 * The least time a model call can take on this profile: its measured time to first token, then
 * its output tokens at the profile's decode rate (scaled by the run's speed).
 */
export function modelCallFloorMs(
  call: ModelCallRecord,
  options: { msPerOutputToken: number },
): number {
  const firstToken = (call.firstTokenMs ?? call.endMs) - call.startMs;
  const outputTokens = call.usage?.outputTokens.total ?? 0;
  return firstToken + Math.max(0, outputTokens - 1) * options.msPerOutputToken;
}

/**
 * The lower bound of a planning strategy's latency for one query (issue #4): every model call's
 * floor, plus each executed plan's critical path, in sequence — no overlap between generating a
 * plan and running its tools (the non-streaming bound).
 */
export function planLowerBoundMs(options: {
  modelCalls: readonly ModelCallRecord[];
  plans: readonly Plan[];
  steps: readonly StepRecord[];
  msPerOutputToken: number;
}): number {
  const model = options.modelCalls.reduce((sum, call) => sum + modelCallFloorMs(call, options), 0);
  const tools = options.plans.reduce((sum, plan) => sum + criticalPathMs(plan, options.steps), 0);
  return model + tools;
}

/**
 * The lower bound of a streaming planning strategy (issue #5): a step can start no earlier than
 * the moment its JSON closed in the stream, or its inputs were ready if later, and then takes
 * its own latency — carried along the DAG; plus the floor of every model call after the plan
 * (a joiner's). Times are from the planning request's start.
 */
export function streamingPlanLowerBoundMs(options: {
  plan: Plan;
  steps: readonly StepRecord[];
  arrivals: Readonly<Record<string, number>>;
  laterModelCalls: readonly ModelCallRecord[];
  msPerOutputToken: number;
}): number {
  const tools = criticalPathMs(options.plan, options.steps, options.arrivals);
  return tools + laterCallsFloorMs(options);
}

/**
 * The same bound, also counting that an answer needs the whole plan: its last token (the end of
 * the answer template, which follows the steps) at the decode rate. Never below
 * {@link streamingPlanLowerBoundMs}; the two differ by the part of the plan written after its
 * last step's tools could have finished.
 */
export function streamingPlanCompleteBoundMs(options: {
  plan: Plan;
  steps: readonly StepRecord[];
  arrivals: Readonly<Record<string, number>>;
  planCall: ModelCallRecord;
  laterModelCalls: readonly ModelCallRecord[];
  msPerOutputToken: number;
}): number {
  const tools = criticalPathMs(options.plan, options.steps, options.arrivals);
  return Math.max(tools, modelCallFloorMs(options.planCall, options)) + laterCallsFloorMs(options);
}

function laterCallsFloorMs(options: {
  laterModelCalls: readonly ModelCallRecord[];
  msPerOutputToken: number;
}): number {
  return options.laterModelCalls.reduce((sum, call) => sum + modelCallFloorMs(call, options), 0);
}
