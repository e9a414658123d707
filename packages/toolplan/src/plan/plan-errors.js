import { formatIssuePath } from './plan-issue.js';
import { ToolplanError } from './toolplan-error.js';
/** The model's text held no plan that could be read as JSON. */
export class PlanParseError extends ToolplanError {
    text;
    position;
    constructor(options) {
        super({ name: 'PlanParseError', message: options.message, cause: options.cause });
        this.text = options.text;
        this.position = options.position;
    }
}
/**
 * A plan failed validation. Holds every issue found (validation never stops at the first), and its
 * message lists them in a form that can be sent back to the model for a corrected plan.
 */
export class PlanValidationError extends ToolplanError {
    issues;
    constructor(options) {
        super({ name: 'PlanValidationError', message: describeIssues(options.issues) });
        this.issues = options.issues;
    }
}
function describeIssues(issues) {
    const lines = issues.map((issue) => `- ${formatIssuePath(issue.path)}: ${issue.message}`);
    const noun = issues.length === 1 ? 'problem' : 'problems';
    return `The plan has ${issues.length} ${noun}. Fix each and send the whole corrected plan:\n${lines.join('\n')}`;
}
/**
 * A reference could not be resolved against the actual results: the step it names has no value
 * yet, or the path does not exist in that value. Recorded as the error of the step that used it.
 */
export class PlanReferenceError extends ToolplanError {
    reference;
    stepId;
    /** Where in the step's arguments (or the answer template) the reference stands. */
    location;
    /** The part of the reference's path that did exist, e.g. `$bos.forecast`. */
    resolvedPrefix;
    constructor(options) {
        super({ name: 'PlanReferenceError', message: options.message });
        this.reference = options.reference;
        this.stepId = options.stepId;
        this.location = options.location;
        this.resolvedPrefix = options.resolvedPrefix;
    }
}
