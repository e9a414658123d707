/** What a run's recording says about when its model and tool calls happened (ms from its start). */
export interface CallTimes {
  modelCalls: ReadonlyArray<{ startMs: number }>;
  toolCalls: ReadonlyArray<{ endMs: number }>;
}

/**
 * The tool calls a run wasted on a plan it did not know, as a stream scenario counts them:
 *
 * - a run answered with no model call whose answer was wrong: every tool call it made (a learned
 *   plan ran for a query it did not fit, and its answer was wrong);
 * - a run that made model calls: the tool calls that ended before its first model call started.
 *   Only a compiled plan (a chain or the plan cache, tried before any model call) runs tools then;
 *   if it had answered there would have been no model call, so it failed and the run fell
 *   through to the planner, its calls spent for nothing. A planner's own steps and speculative
 *   calls start with or after the planning call, and a tool loop calls tools only once the model
 *   has asked, so neither is counted.
 *
 * A right answer without a model call wastes nothing, nor does a planned run's own work (even a
 * wrong one: that is the model's mistake, not a mismatched memory).
 */
export function countWastedToolCalls(options: { correct: boolean; calls: CallTimes }): number {
  const { modelCalls, toolCalls } = options.calls;
  if (modelCalls.length === 0) return options.correct ? 0 : toolCalls.length;
  const firstModelCall = Math.min(...modelCalls.map((call) => call.startMs));
  return toolCalls.filter((call) => call.endMs <= firstModelCall).length;
}
