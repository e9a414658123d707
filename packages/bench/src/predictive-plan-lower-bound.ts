import type { ModelCallRecord } from 'toolplan/internal';
import type { Plan } from 'toolplan/internal';
import type { SpeculationMetrics, StepRecord } from 'toolplan/internal';
import { criticalPathMs, modelCallFloorMs } from './lower-bound.js';

/**
 * The lower bound of predictive execution (issue #9): the later of the moment the plan is
 * complete (its call's floor at the decode rate) and the tools' critical path started at time
 * zero, plus the floor of every model call after the plan. A step served by a speculative call
 * counts that call's whole latency (its own record only shows the part left when it asked).
 * Where a guess missed, the bound is still computed from time zero, so it is only reachable when
 * every guess hits.
 */
export function predictivePlanLowerBoundMs(options: {
  plan: Plan;
  steps: readonly StepRecord[];
  speculation: SpeculationMetrics;
  planCall: ModelCallRecord;
  laterModelCalls: readonly ModelCallRecord[];
  msPerOutputToken: number;
}): number {
  const speculativeMs = new Map<string, number>();
  for (const call of options.speculation.calls) {
    if (call.endMs === undefined) continue;
    for (const stepId of call.usedBy) {
      const latency = call.endMs - call.startMs;
      speculativeMs.set(stepId, Math.max(speculativeMs.get(stepId) ?? 0, latency));
    }
  }
  const steps = options.steps.map((step) => {
    const latency = speculativeMs.get(step.id);
    if (latency === undefined) return step;
    return { ...step, startMs: 0, endMs: Math.max(step.endMs - step.startMs, latency) };
  });
  const tools = criticalPathMs(options.plan, steps);
  const later = options.laterModelCalls.reduce(
    (sum, call) => sum + modelCallFloorMs(call, options),
    0,
  );
  return Math.max(tools, modelCallFloorMs(options.planCall, options)) + later;
}
