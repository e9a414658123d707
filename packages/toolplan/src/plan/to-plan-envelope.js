import { formatStepCall } from './format-step-call.js';
/**
 * Writes a canonical plan in the wire form, each step with {@link formatStepCall} (a step that is
 * a string already is kept as written): what a model following the planner's prompt writes for
 * this plan. `needsReasoning: true` becomes `"answer": null`, which means the same (the joiner
 * answers). Throws what `formatStepCall` throws.
 */
export function toPlanEnvelope(plan) {
    return {
        steps: plan.steps.map((step) => (typeof step === 'string' ? step : formatStepCall(step))),
        answer: plan.needsReasoning === true ? null : (plan.answer ?? null),
    };
}
