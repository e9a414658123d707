import { type ValidatedPlan, type ValidatePlanOptions } from './validate-plan.js';
/** Reads a model's text into a validated plan: {@link parsePlanText}, then {@link validatePlan}. */
export declare function parsePlan(text: string, options: ValidatePlanOptions): ValidatedPlan;
