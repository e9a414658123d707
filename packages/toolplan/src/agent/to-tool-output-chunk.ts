import type { UIMessageChunk } from 'ai';
import type { AgentEvent } from './run-optimized.js';
import { toolMetadataJson, type ToolplanToolMetadata } from './ui-tool-metadata.js';

/** A step that ended, as `agent.stream()` reports it. */
export type StepEndEvent = Extract<AgentEvent, { type: 'step-end' }>;

/** The chunk that ends a plan step's tool part. */
export type ToolOutputChunk = Extract<
  UIMessageChunk,
  { type: 'tool-output-available' | 'tool-output-error' }
>;

export interface ToolOutputChunkOptions {
  toolCallId: string;
  /** The part's metadata so far (from its input chunk): the output's carries it on, with `status`. */
  toolMetadata: ToolplanToolMetadata;
  /** The text a failed or skipped step's part shows. */
  errorText: (error: Error, step: StepEndEvent) => string;
}

/**
 * A step's end as its tool part's last chunk: `tool-output-available` with the step's result (a
 * `forEach` step's list of results), or `tool-output-error` with why it failed — or why it was
 * skipped (a step it depends on did not succeed, the run was aborted): a skipped step has no
 * output, and the AI SDK has no part state of its own for it; `toolMetadata.status` tells the two
 * apart.
 */
export function toToolOutputChunk(
  event: StepEndEvent,
  { toolCallId, toolMetadata, errorText }: ToolOutputChunkOptions,
): ToolOutputChunk {
  const metadata = toolMetadataJson({ ...toolMetadata, status: event.status });
  if (event.status === 'ok') {
    return {
      type: 'tool-output-available',
      toolCallId,
      output: event.value,
      toolMetadata: metadata,
    };
  }
  const error =
    event.error ?? new Error(`Step \`${event.stepId}\` (${event.tool}) ended: ${event.status}.`);
  return {
    type: 'tool-output-error',
    toolCallId,
    errorText: errorText(error, event),
    toolMetadata: metadata,
  };
}
