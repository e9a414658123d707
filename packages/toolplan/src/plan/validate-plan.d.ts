import type { PlanIssue } from './plan-issue.js';
import { type PlanLimits } from './plan-limits.js';
import { type Plan, type PlanStep } from './plan.js';
import { type CompiledValue, type LocatedReference } from './reference.js';
import type { ToolCatalog } from './tool-catalog.js';
/** A step that passed validation, with what the executor needs precomputed. */
export interface ValidatedStep {
    readonly step: PlanStep;
    readonly index: number;
    readonly args: CompiledValue;
    /** Where the step's arguments hold references (relative to `args`). */
    readonly argumentReferences: readonly LocatedReference[];
    /** The compiled `forEach`, when the step has one: a reference or a (possibly dynamic) array. */
    readonly forEach: CompiledValue | undefined;
    /** Ids of the steps this one waits for: its references' steps and its `after`, deduplicated. */
    readonly dependencies: readonly string[];
}
/** A plan that passed validation. Only such a plan is ever executed. */
export interface ValidatedPlan {
    readonly plan: Plan;
    readonly steps: readonly ValidatedStep[];
    readonly stepsById: ReadonlyMap<string, ValidatedStep>;
    readonly answer: CompiledValue | undefined;
    /** The limits it was validated against; run-time checks (a referenced `forEach`) use them too. */
    readonly limits: PlanLimits;
    /** The tools it was validated against: a plan is only valid for those. */
    readonly tools: ToolCatalog;
}
/** True for a value returned by {@link validatePlan} (not a look-alike object). */
export declare function isValidatedPlan(value: unknown): value is ValidatedPlan;
export interface ValidatePlanOptions {
    tools: ToolCatalog;
    limits?: Partial<PlanLimits>;
    /**
     * Ids of results that exist already (a replan reuses what an earlier plan finished): references
     * to them are valid and wait for nothing; a step may not take one of these ids.
     */
    available?: Iterable<string>;
}
/**
 * Checks a plan (already parsed from JSON; the seed's `parallel_groups` form is accepted too)
 * against the tools and limits. A step may be an object or a call string (`parseStepCall`), in
 * any mix; the validated plan holds canonical steps only, and no `answer` for `"answer": null`. Collects every issue and throws one {@link PlanValidationError}
 * holding all of them, or returns the validated plan.
 */
export declare function validatePlan(raw: unknown, options: ValidatePlanOptions): ValidatedPlan;
export interface ValidatePlanStepOptions {
    tools: ToolCatalog;
    /** The step's position in the plan (for issue paths). */
    index: number;
    /** Ids of the steps known so far (for a streamed plan: those that arrived before this one). */
    knownIds: ReadonlySet<string>;
    available?: Iterable<string>;
    limits?: Partial<PlanLimits>;
}
/**
 * Validates one step on its own (an object or a call string), as far as the steps known so far allow: its shape, its tool,
 * its literal arguments, and that each reference names a known step (or an available result).
 * Streaming dispatch uses it to decide whether a step that has just arrived may start before
 * the rest of the plan exists. A step that passes here still belongs to a plan that must pass
 * {@link validatePlan} as a whole.
 */
export declare function validatePlanStep(raw: unknown, options: ValidatePlanStepOptions): {
    ok: true;
    step: ValidatedStep;
} | {
    ok: false;
    issues: PlanIssue[];
};
