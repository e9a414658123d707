import type { UIMessageChunk } from 'ai';
import type { AgentEvent } from './run-optimized.js';
import { uiToolCallId } from './ui-tool-call-id.js';
import { toolMetadataJson, type ToolplanToolMetadata } from './ui-tool-metadata.js';

/** A plan step announced to a UI: its tool part's first chunk. */
export type ToolInputChunk = Extract<UIMessageChunk, { type: 'tool-input-available' }>;

/**
 * A plan step as its tool part's `tool-input-available` chunk: the step's tool, and its arguments
 * as the plan wrote them (references such as `$w.city` unresolved: the step is announced before
 * the steps it depends on have run; a `forEach` step's `$item` likewise, its list in
 * `toolMetadata.forEach`). `undefined` for a step too malformed to show (a streamed step is
 * announced before validation): no id or no tool.
 */
export function toToolInputChunk(
  event: Extract<AgentEvent, { type: 'plan-step' }>,
  runId: string,
): ToolInputChunk | undefined {
  const step: unknown = event.step;
  if (!isRecord(step) || typeof step['id'] !== 'string' || typeof step['tool'] !== 'string')
    return undefined;
  const { id: stepId, tool, args, forEach } = step;
  const metadata: ToolplanToolMetadata = {
    stepId,
    planAttempt: event.planAttempt,
    ...(typeof forEach === 'string' || Array.isArray(forEach) ? { forEach } : {}),
  };
  return {
    type: 'tool-input-available',
    toolCallId: uiToolCallId({ runId, planAttempt: event.planAttempt, stepId }),
    toolName: tool,
    input: isRecord(args) ? args : {},
    toolMetadata: toolMetadataJson(metadata),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
