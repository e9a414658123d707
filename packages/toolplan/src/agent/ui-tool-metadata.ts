import type { UIMessageChunk } from 'ai';
import type { StepRecord } from '../runtime/index.js';

/**
 * What toolplan puts in the `toolMetadata` of a plan step's tool part (AI SDK `toolMetadata`; an
 * AI SDK before it was added ignores it).
 */
export interface ToolplanToolMetadata {
  /** The step's id in its plan. */
  stepId: string;
  /** Which plan of the run the step belongs to (see `AgentEvent`). */
  planAttempt: number;
  /**
   * A `forEach` step's list as the plan wrote it (a reference such as `$r`, or the literal list):
   * the step runs once per element, and its output is the list of their results.
   */
  forEach?: string | unknown[];
  /**
   * How the step ended, once it has: as `StepRecord['status']`, or `cancelled` when it was given
   * up without an outcome (its plan was rejected or cut off and replaced, or the run failed or
   * was aborted first). Every status but `ok` comes with `tool-output-error`.
   */
  status?: StepRecord['status'] | 'cancelled';
}

/** `ToolplanToolMetadata` as the AI SDK's chunks type `toolMetadata`: a JSON object. */
export type ToolMetadataJson = NonNullable<
  Extract<UIMessageChunk, { type: 'tool-input-available' }>['toolMetadata']
>;

/** The metadata in a chunk: it is JSON (a plan and its `forEach` list are, wherever they came from). */
export function toolMetadataJson(metadata: ToolplanToolMetadata): ToolMetadataJson {
  return metadata as unknown as ToolMetadataJson;
}
