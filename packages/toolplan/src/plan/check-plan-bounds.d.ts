import type { IssuePath, PlanIssue } from './plan-issue.js';
import type { PlanLimits } from './plan-limits.js';
export interface CheckPlanBoundsOptions {
    limits: Pick<PlanLimits, 'maxValueDepth' | 'maxReferences'>;
    /** Where `raw` stands in the plan: `[]` for a whole plan, `['steps', 3]` for one step. */
    path?: IssuePath;
}
/**
 * Checks a plan as written (a whole plan, or one step) against `maxValueDepth` and
 * `maxReferences` before anything recursive touches it: the walk keeps its own stack, visits each
 * value once and stops at the first excess, so its cost is linear in the plan and bounded by the
 * limits, whatever the plan holds. Returns the issue, or `undefined` when the plan is within both.
 */
export declare function checkPlanBounds(raw: unknown, options: CheckPlanBoundsOptions): PlanIssue | undefined;
