/**
 * Where a value the runtime holds came from (DESIGN.md, "Trust"). A step's arguments carry the
 * sources of every value in them; a step's result carries its own tool's source and every source
 * of the arguments it was called with, so provenance follows values through references,
 * interpolation, `forEach` items, batching, caches, single flight, speculation, chains and
 * sessions — by construction, from the plan's references, not from the values themselves.
 */
export type ValueSource = QuerySource | PlanLiteralSource | ToolResultSource | EarlierResultSource;

/** A literal of the plan that occurs in the user's query: the user chose it. Always trusted. */
export interface QuerySource {
  readonly kind: 'query';
  readonly trusted: true;
}

/**
 * A literal the planner wrote that does not occur in the query. Trusted when the plan was
 * written before the model read any untrusted tool output; untrusted in a plan marked
 * `plannedAfterUntrusted` (the model may have copied it from a tool's result).
 */
export interface PlanLiteralSource {
  readonly kind: 'plan';
  readonly trusted: boolean;
}

/** A tool's result (or a part of it). Trusted only when the tool is declared `trusted`. */
export interface ToolResultSource {
  readonly kind: 'tool';
  readonly tool: string;
  readonly stepId: string;
  readonly runId: string;
  /**
   * Which part of the result was read, as a reference path without the step id: `''` for the
   * whole result, `.sender`, `.emails[0].subject`; `[]` stands for a `forEach` item
   * (`.emails[].sender`).
   */
  readonly path: string;
  readonly trusted: boolean;
}

/**
 * A result given to the run from outside it (`executePlan`'s `results`, a session's earlier
 * turns) whose sources were not given with it. Untrusted: nothing says who wrote it.
 */
export interface EarlierResultSource {
  readonly kind: 'earlier';
  readonly stepId: string;
  readonly path: string;
  readonly trusted: false;
}
