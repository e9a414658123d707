import type { Plan, PlanStep } from './plan.js';
/**
 * A plan as models are asked to write it (the planner's structured output, see
 * `planJsonSchema`): each step a call string, and the answer template, or `null` when the results
 * need reasoning (the joiner then writes the answer). Both keys are always there, as strict
 * structured outputs require.
 */
export interface PlanEnvelope {
    steps: string[];
    answer: string | null;
}
/**
 * Writes a canonical plan in the wire form, each step with {@link formatStepCall} (a step that is
 * a string already is kept as written): what a model following the planner's prompt writes for
 * this plan. `needsReasoning: true` becomes `"answer": null`, which means the same (the joiner
 * answers). Throws what `formatStepCall` throws.
 */
export declare function toPlanEnvelope(plan: Omit<Plan, 'steps'> & {
    steps: ReadonlyArray<PlanStep | string>;
}): PlanEnvelope;
