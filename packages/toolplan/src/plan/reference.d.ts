import type { IssuePath } from './plan-issue.js';
/**
 * `[$index]` in a reference's path (`$p[$index]`): inside a `forEach` step, the index of the element
 * being run, so a step can pair its element with the element at the same position of another
 * step's array result (a zip). Typed like an index (`[0]`) wherever paths are typed.
 */
export interface ForEachIndexSegment {
    readonly forEachIndex: true;
}
/** The one {@link ForEachIndexSegment}; compare with {@link isForEachIndexSegment}, not `===`. */
export declare const FOR_EACH_INDEX_SEGMENT: ForEachIndexSegment;
/** One step of a reference's path: an object key, an array index, or `[$index]`. */
export type PathSegment = string | number | ForEachIndexSegment;
/** True for `[$index]` (also for a copy of it, e.g. after `structuredClone`). */
export declare function isForEachIndexSegment(segment: PathSegment): segment is ForEachIndexSegment;
/** A parsed `$id.path` or `${id.path}` reference. */
export interface Reference {
    /** The step id, or `item` / `index` inside a `forEach` step. */
    root: string;
    path: readonly PathSegment[];
    /** The reference as written, for messages: `$bos.temp`. */
    text: string;
}
/** Names bound inside a `forEach` step; no step may use them as its id. */
export declare const FOR_EACH_ITEM = "item";
export declare const FOR_EACH_INDEX = "index";
export declare const STEP_ID_PATTERN: RegExp;
/** Parses `$id.path` when the whole string is one reference; otherwise `undefined`. */
export declare function parseWholeReference(text: string): Reference | undefined;
/** Formats a reference root and path back into `$root.path` form. */
export declare function formatReference(root: string, path: readonly PathSegment[]): string;
/** One segment as it is written in a reference: `.key`, `[3]` or `[$index]`. */
export declare function formatPathSegment(segment: PathSegment): string;
/**
 * A plan value with its references located once, at validation, so that resolving it for each
 * call does no string scanning. Subtrees without references stay `literal` and are passed through
 * without copying.
 */
export type CompiledValue = {
    kind: 'literal';
    value: unknown;
} | {
    kind: 'reference';
    reference: Reference;
} | {
    kind: 'template';
    parts: ReadonlyArray<string | Reference>;
} | {
    kind: 'array';
    items: readonly CompiledValue[];
} | {
    kind: 'object';
    entries: ReadonlyArray<readonly [string, CompiledValue]>;
};
/** A reference found while compiling, with where it stands. */
export interface LocatedReference {
    reference: Reference;
    location: IssuePath;
    /** True when the reference is interpolated into a longer string (its value becomes text). */
    interpolated: boolean;
}
/** A malformed `${…}` found while compiling. */
export interface ReferenceSyntaxProblem {
    location: IssuePath;
    message: string;
}
export interface CompiledArgs {
    value: CompiledValue;
    references: LocatedReference[];
    problems: ReferenceSyntaxProblem[];
}
/** Locates every reference in a JSON value (a step's `args`, its `forEach`, or an answer). */
export declare function compileValue(value: unknown, location?: IssuePath): CompiledArgs;
