import type { IssuePath, PlanIssue } from './plan-issue.js';
import type { PlanStep } from './plan.js';
export interface ParseStepCallOptions {
    /**
     * Where the step stands in the plan, for the issue's path.
     * @default []
     */
    path?: IssuePath;
    /**
     * Deepest nesting of arrays and objects allowed in its values.
     * @default defaultPlanLimits.maxStepCallDepth (64)
     */
    maxDepth?: number;
}
export type ParseStepCallResult = {
    ok: true;
    step: PlanStep;
} | {
    ok: false;
    /** Code `invalid_step_call`, with the column and what was expected. */
    issue: PlanIssue;
};
/**
 * Reads a step written as a call string into the plan's canonical step:
 *
 *     w=get_weather(city=$item,date='2024-01-20') for ['Boston','New York'] after login
 *
 * is `{"id":"w","tool":"get_weather","args":{"city":"$item","date":"2024-01-20"},
 * "forEach":["Boston","New York"],"after":["login"]}`. A value is JSON (numbers, `true`, `false`,
 * `null`, `"strings"`, arrays, objects whose keys may also be bare identifiers), or a `'string'` in
 * single quotes, or a bare reference (`$w`, `$u.id`, `$p[$index]`). A quoted string and a bare
 * reference both mean exactly the canonical string with that text, so references, `${…}`
 * interpolation and `$$` mean what they mean in the canonical form. `for` takes a reference or a
 * literal array (`forEach`), `after` step ids; either may come first.
 *
 * Reads the text once, forward (linear time), and recurses once per level of nesting, at most
 * `maxDepth`. Stops at the first syntax error, reported as one issue at `path`, with the column
 * and what was expected.
 */
export declare function parseStepCall(text: string, options?: ParseStepCallOptions): ParseStepCallResult;
