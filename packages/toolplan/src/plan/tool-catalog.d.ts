import type { IssuePath } from './plan-issue.js';
/** A problem with a tool's arguments, relative to the arguments object. */
export interface ArgumentIssue {
    path: IssuePath;
    message: string;
}
/**
 * What validation needs to know about tools. The plan layer knows no tool implementation; the
 * tools layer's registry provides this view.
 */
export interface ToolCatalog {
    has(name: string): boolean;
    names(): readonly string[];
    /** Issues with `args` against the tool's input schema; an empty array when they are valid. */
    checkArguments(name: string, args: unknown): readonly ArgumentIssue[];
}
