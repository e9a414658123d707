import { type IssuePath, type PlanIssue } from './plan-issue.js';
import { ToolplanError } from './toolplan-error.js';
/** The model's text held no plan that could be read as JSON. */
export declare class PlanParseError extends ToolplanError {
    readonly text: string;
    readonly position: number | undefined;
    constructor(options: {
        message: string;
        text: string;
        position?: number;
        cause?: unknown;
    });
}
/**
 * A plan failed validation. Holds every issue found (validation never stops at the first), and its
 * message lists them in a form that can be sent back to the model for a corrected plan.
 */
export declare class PlanValidationError extends ToolplanError {
    readonly issues: readonly PlanIssue[];
    constructor(options: {
        issues: readonly PlanIssue[];
    });
}
/**
 * A reference could not be resolved against the actual results: the step it names has no value
 * yet, or the path does not exist in that value. Recorded as the error of the step that used it.
 */
export declare class PlanReferenceError extends ToolplanError {
    readonly reference: string;
    readonly stepId: string | undefined;
    /** Where in the step's arguments (or the answer template) the reference stands. */
    readonly location: IssuePath;
    /** The part of the reference's path that did exist, e.g. `$bos.forecast`. */
    readonly resolvedPrefix: string;
    constructor(options: {
        message: string;
        reference: string;
        stepId?: string;
        location: IssuePath;
        resolvedPrefix: string;
    });
}
