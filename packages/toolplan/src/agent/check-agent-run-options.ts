import { shareScopeProblem } from '../runtime/index.js';
import type { AgentRunOptions } from './create-agent.js';
import type { OptionProblems } from './option-problems.js';

/** Adds the problems of a run's options (`agent.run`, `agent.stream`, the UI streams) to `problems`. */
export function checkAgentRunOptions(options: AgentRunOptions, problems: OptionProblems): void {
  const { runId, shareScope } = options;
  if (runId !== undefined && (typeof runId !== 'string' || runId === ''))
    problems.add(`Expected \`runId\` to be a non-empty string, got \`${String(runId)}\``);
  const scopeProblem = shareScopeProblem(shareScope);
  if (scopeProblem !== undefined) problems.add(scopeProblem);
}
