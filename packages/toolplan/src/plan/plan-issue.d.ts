/** A location inside a plan or a value, in the style of zod issue paths. */
export type IssuePath = ReadonlyArray<string | number>;
/** Every code a plan can be rejected with; stable, so programs may branch on it. */
export type PlanIssueCode = 'invalid_structure' | 'invalid_step_call' | 'invalid_step_id' | 'reserved_step_id' | 'duplicate_step_id' | 'unknown_tool' | 'invalid_arguments' | 'invalid_reference' | 'unknown_reference' | 'self_reference' | 'item_outside_for_each' | 'unknown_after' | 'invalid_for_each' | 'cycle' | 'too_many_steps' | 'for_each_too_wide' | 'too_deep' | 'too_many_references';
/** One problem found in a plan. `message` is written to be handed back to a model as is. */
export interface PlanIssue {
    code: PlanIssueCode;
    path: IssuePath;
    message: string;
    /** The step the issue belongs to, when it belongs to one. */
    stepId?: string;
}
/** Renders a path like `steps[2].args.city`. */
export declare function formatIssuePath(path: IssuePath): string;
