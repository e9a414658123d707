import type { IssuePath } from './plan-issue.js';
import { type CompiledValue, type Reference } from './reference.js';
/** What references can see: the finished steps' values, and the `forEach` binding if any. */
export interface ResolutionScope {
    results: ReadonlyMap<string, unknown>;
    forEach?: {
        item: unknown;
        index: number;
    };
    /** The step being resolved, for error messages. */
    stepId?: string;
}
/**
 * Replaces every reference in a compiled value with the value it names. A whole-string reference
 * keeps its value's type; an interpolated one becomes text. A path that does not exist in the
 * actual value throws a {@link PlanReferenceError}; it never yields `undefined`.
 */
export declare function resolveValue(compiled: CompiledValue, scope: ResolutionScope, location?: IssuePath): unknown;
/**
 * Deepest value a reference may insert into text. A result comes from a tool and may nest
 * arbitrarily; `JSON.stringify` overflows the stack at ~10,000 levels, so the depth is checked
 * first (without recursion) and an excess is an error of the step, not a crash.
 */
export declare const MAX_INTERPOLATED_DEPTH = 1000;
/** Resolves one reference against the scope. */
export declare function resolveReference(reference: Reference, scope: ResolutionScope, location?: IssuePath): unknown;
