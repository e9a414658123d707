import { parsePlanText } from './parse-plan-text.js';
import { validatePlan, type ValidatedPlan, type ValidatePlanOptions } from './validate-plan.js';

/** Reads a model's text into a validated plan: {@link parsePlanText}, then {@link validatePlan}. */
export function parsePlan(text: string, options: ValidatePlanOptions): ValidatedPlan {
  return validatePlan(parsePlanText(text), options);
}
