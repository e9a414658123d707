/** What names one step of one run: see `AgentEvent`'s `planAttempt`. */
export interface UIToolCallStep {
  runId: string;
  planAttempt: number;
  stepId: string;
}

/**
 * The `toolCallId` of a plan step's tool part in a UI message. The AI SDK finds a part by this id
 * to update it, so it must differ for every step of the message (a step id may come back in a
 * later plan of the run) and, since a chat sends its messages back, across runs: the run's id,
 * the plan's number, the step's id. A step id has no `:`, so the id reads back unambiguously from
 * its end, whatever the run's id holds.
 */
export function uiToolCallId({ runId, planAttempt, stepId }: UIToolCallStep): string {
  return `${runId}:${planAttempt}:${stepId}`;
}
