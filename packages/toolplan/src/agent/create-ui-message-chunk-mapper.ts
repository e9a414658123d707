import type { UIMessageChunk } from 'ai';
import type { AgentEvent, AgentRun } from './run-optimized.js';
import { toMessageMetadata } from './ui-message-metadata.js';
import { toToolInputChunk } from './to-tool-input-chunk.js';
import { toToolOutputChunk, type StepEndEvent } from './to-tool-output-chunk.js';
import { uiToolCallId } from './ui-tool-call-id.js';
import { toolMetadataJson, type ToolplanToolMetadata } from './ui-tool-metadata.js';

export interface UIMessageChunkMapperOptions {
  /** The run's id: in every `toolCallId`, and in the message metadata. */
  runId: string;
  /** The assistant message's id, sent with `start`; without one the client names the message. */
  messageId: string | undefined;
  /** See `AgentUIMessageStreamOptions.messageMetadata`. */
  messageMetadata: boolean | ((run: AgentRun) => unknown);
  /** The text a failed or skipped step's tool part shows. */
  stepErrorText: (error: Error, step: StepEndEvent) => string;
}

/**
 * Turns one run's events into the AI SDK's UI message chunks, one event at a time: pure (it only
 * keeps which parts are open), so that the stream around it only moves chunks.
 */
export interface UIMessageChunkMapper {
  /** The first chunk, before any event. */
  start(): UIMessageChunk[];
  /** The chunks of one event (none for a step's start: a tool part has no running state). */
  map(event: AgentEvent): UIMessageChunk[];
  /** The run failed: open parts end, then `error` with `errorText`, then `finish`. */
  fail(errorText: string): UIMessageChunk[];
  /** The run was aborted: open parts end, then `abort`. */
  abort(reason: string | undefined): UIMessageChunk[];
}

/** The text the part of a step that never ended shows, by what ended it. */
export const NOT_RUN_TEXT = {
  replaced: 'Not run: its plan was given up for another (rejected, cut off or replanned).',
  finished: 'Not run: the run ended without it.',
  failed: 'Not run: the run failed.',
  aborted: 'Cancelled: the run was aborted.',
} as const;

const TEXT_ID = 'answer';

/**
 * The mapping of `agent.toUIMessageStream()`:
 *
 * - `start` (with `{ runId }` as metadata), then for each plan step, as soon as it is announced
 *   (while the plan still streams), a tool part: `tool-input-available`, then at the step's end
 *   `tool-output-available` or `tool-output-error` (see `toToolOutputChunk`).
 * - A step that never ends (its plan was given up, the run failed or was aborted) gets a
 *   `tool-output-error` with `toolMetadata.status: 'cancelled'` when its plan is replaced or the
 *   run ends, so that no part is left waiting.
 * - The answer as one text part (`text-start`, `text-delta`s, `text-end`), then `finish` with the
 *   run's metadata (`ToolplanMessageMetadata`).
 */
export function createUIMessageChunkMapper(
  options: UIMessageChunkMapperOptions,
): UIMessageChunkMapper {
  const { runId, messageId, messageMetadata, stepErrorText } = options;
  // Parts shown but not ended, by toolCallId, with their metadata.
  const open = new Map<string, ToolplanToolMetadata>();
  const shown = new Set<string>();
  let planAttempt = 0;
  let textOpen = false;
  let over = false;

  const closeOpen = (errorText: string): UIMessageChunk[] => {
    const chunks: UIMessageChunk[] = [];
    for (const [toolCallId, metadata] of open) {
      chunks.push({
        type: 'tool-output-error',
        toolCallId,
        errorText,
        toolMetadata: toolMetadataJson({ ...metadata, status: 'cancelled' }),
      });
    }
    open.clear();
    return chunks;
  };

  const closeText = (): UIMessageChunk[] => {
    if (!textOpen) return [];
    textOpen = false;
    return [{ type: 'text-end', id: TEXT_ID }];
  };

  /** The part of a step whose start or end came without its announcement: shown then. */
  const ensureShown = (event: { stepId: string; tool: string; planAttempt: number }) => {
    const { stepId, planAttempt: attempt } = event;
    const toolCallId = uiToolCallId({ runId, planAttempt: attempt, stepId });
    if (shown.has(toolCallId)) return { toolCallId, chunks: [] };
    const metadata: ToolplanToolMetadata = { stepId, planAttempt: attempt };
    shown.add(toolCallId);
    open.set(toolCallId, metadata);
    const chunk: UIMessageChunk = {
      type: 'tool-input-available',
      toolCallId,
      toolName: event.tool,
      input: {},
      toolMetadata: toolMetadataJson(metadata),
    };
    return { toolCallId, chunks: [chunk] };
  };

  const map = (event: AgentEvent): UIMessageChunk[] => {
    switch (event.type) {
      case 'plan-step': {
        const chunks =
          event.planAttempt > planAttempt
            ? closeOpen(NOT_RUN_TEXT.replaced)
            : ([] as UIMessageChunk[]);
        planAttempt = Math.max(planAttempt, event.planAttempt);
        const input = toToolInputChunk(event, runId);
        // A step id written twice in one plan (which validation then rejects) keeps its first part.
        if (input === undefined || shown.has(input.toolCallId)) return chunks;
        shown.add(input.toolCallId);
        // Set from a ToolplanToolMetadata by toToolInputChunk.
        open.set(input.toolCallId, input.toolMetadata as unknown as ToolplanToolMetadata);
        return [...chunks, input];
      }
      case 'step-start':
        return ensureShown(event).chunks;
      case 'step-end': {
        const { toolCallId, chunks } = ensureShown(event);
        const toolMetadata = open.get(toolCallId);
        // Ended already: a step ends once.
        if (toolMetadata === undefined) return chunks;
        open.delete(toolCallId);
        return [
          ...chunks,
          toToolOutputChunk(event, { toolCallId, toolMetadata, errorText: stepErrorText }),
        ];
      }
      case 'answer-delta': {
        if (event.delta === '') return [];
        const chunks: UIMessageChunk[] = textOpen ? [] : [{ type: 'text-start', id: TEXT_ID }];
        textOpen = true;
        chunks.push({ type: 'text-delta', id: TEXT_ID, delta: event.delta });
        return chunks;
      }
      case 'finish': {
        over = true;
        const metadata =
          messageMetadata === false
            ? undefined
            : messageMetadata === true
              ? toMessageMetadata(event.result)
              : messageMetadata(event.result);
        return [
          ...closeOpen(NOT_RUN_TEXT.finished),
          ...closeText(),
          {
            type: 'finish',
            finishReason: 'stop',
            ...(metadata === undefined ? {} : { messageMetadata: metadata }),
          },
        ];
      }
    }
  };

  return {
    start: () => [
      {
        type: 'start',
        ...(messageId === undefined ? {} : { messageId }),
        ...(messageMetadata === true ? { messageMetadata: { runId } } : {}),
      },
    ],
    map: (event) => (over ? [] : map(event)),
    fail(errorText) {
      if (over) return [];
      over = true;
      return [
        ...closeOpen(NOT_RUN_TEXT.failed),
        ...closeText(),
        { type: 'error', errorText },
        { type: 'finish', finishReason: 'error' },
      ];
    },
    abort(reason) {
      if (over) return [];
      over = true;
      return [
        ...closeOpen(NOT_RUN_TEXT.aborted),
        ...closeText(),
        { type: 'abort', ...(reason === undefined ? {} : { reason }) },
      ];
    },
  };
}
