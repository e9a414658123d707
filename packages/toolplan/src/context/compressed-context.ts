/**
 * What a session sends the planner per turn instead of the history (the seed's
 * `CompressedContext`): a short task summary, the last turn's results as the model may see them,
 * and the names of the tools already called.
 */
export interface CompressedContext {
  /** Earlier questions and answers, cut short; `undefined` before the first turn. */
  task: string | undefined;
  /** The last turn's results, projected and compressed, by their session-wide id. */
  lastResults: Record<string, unknown>;
  /** Every tool called so far, in first-call order. */
  completed: string[];
}
