import type { UsageTotals } from '../model/index.js';
import type { AgentRun } from './run-optimized.js';

/**
 * The metadata toolplan gives the assistant message of a UI message stream (`message.metadata`
 * on the client): the run's id from the `start` chunk, and how the run went from `finish`.
 * Type `useChat` with it: `useChat<UIMessage<ToolplanMessageMetadata>>()`.
 */
export interface ToolplanMessageMetadata {
  /** The run's id (`AgentRun.runId`): pass it as `runId` to retry the request. */
  runId: string;
  /** What answered (once the run has finished): a chain, the plan cache, a template, the joiner. */
  answeredBy?: AgentRun['answeredBy'];
  /** The chain that answered, when one did. */
  chainName?: string;
  /** What the run spent on the model. */
  usage?: UsageTotals;
  /** The run's duration in ms. */
  wallMs?: number;
}

/** A finished run as the message metadata of its `finish` chunk. */
export function toMessageMetadata(run: AgentRun): ToolplanMessageMetadata {
  return {
    runId: run.runId,
    answeredBy: run.answeredBy,
    ...(run.chainName === undefined ? {} : { chainName: run.chainName }),
    usage: run.usage,
    wallMs: run.wallMs,
  };
}
