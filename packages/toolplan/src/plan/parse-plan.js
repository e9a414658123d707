import { parsePlanText } from './parse-plan-text.js';
import { validatePlan } from './validate-plan.js';
/** Reads a model's text into a validated plan: {@link parsePlanText}, then {@link validatePlan}. */
export function parsePlan(text, options) {
    return validatePlan(parsePlanText(text), options);
}
