import type { ModelCallRecord } from 'toolplan/internal';
import type { BenchTimeline, TimelineModelCall, TimelineToolCall } from './bench-timeline.js';
import type { ToolCallRecord } from './instrument-tools.js';

/**
 * What a measured run keeps so that it can be drawn later: the meters' and the tools' own
 * records, by reference. Only the run picked to be drawn is turned into a `BenchTimeline`, so the
 * bench pays for one conversion per scenario × strategy, not one per run.
 */
export interface RunRecording {
  caseId: string;
  query: string;
  wallMs: number;
  /** Times in ms since the run started. */
  modelCalls: readonly ModelCallRecord[];
  /** Times in ms since the run started. */
  toolCalls: readonly ToolCallRecord[];
}

/** Turns one run's records into the timeline the HTML report draws. */
export function captureTimeline(options: {
  scenario: string;
  strategy: string;
  recording: RunRecording;
  /**
   * The model's decode time per output token. A call that was not streamed has no first token to
   * time: its decode is estimated as its output tokens at this rate (and marked as estimated).
   * @default none: such a call is drawn as all waiting
   */
  msPerOutputToken?: number;
}): BenchTimeline {
  const { msPerOutputToken } = options;
  if (
    msPerOutputToken !== undefined &&
    !(Number.isFinite(msPerOutputToken) && msPerOutputToken >= 0)
  ) {
    throw new TypeError(
      `Expected \`msPerOutputToken\` to be a non-negative number, got \`${String(msPerOutputToken)}\``,
    );
  }
  const { recording } = options;
  return {
    scenario: options.scenario,
    strategy: options.strategy,
    caseId: recording.caseId,
    query: recording.query,
    wallMs: recording.wallMs,
    // Each model has its own meter: calls are in start order only within one of them.
    modelCalls: recording.modelCalls
      .map((call) => toTimelineModelCall(call, msPerOutputToken))
      .sort(byStart),
    toolCalls: recording.toolCalls.map(toTimelineToolCall).sort(byStart),
  };
}

function toTimelineModelCall(
  call: ModelCallRecord,
  msPerOutputToken: number | undefined,
): TimelineModelCall {
  // A stream abandoned before its end never records one: draw it up to where it was last seen.
  const endMs = Math.max(call.startMs, call.endMs, call.firstTokenMs ?? 0);
  const outputTokens = call.usage?.outputTokens.total ?? 0;
  const estimated =
    call.firstTokenMs === undefined && call.error === undefined && msPerOutputToken !== undefined
      ? Math.max(call.startMs, endMs - outputTokens * msPerOutputToken)
      : undefined;
  return {
    startMs: call.startMs,
    ...(call.firstTokenMs === undefined ? {} : { firstTokenMs: call.firstTokenMs }),
    ...(estimated === undefined
      ? {}
      : { firstTokenMs: estimated, firstTokenEstimated: true as const }),
    endMs,
    inputTokens: call.usage?.inputTokens.total ?? 0,
    cachedInputTokens: call.usage?.inputTokens.cacheRead ?? 0,
    outputTokens,
    ...(call.error === undefined ? {} : { failed: true as const }),
  };
}

function toTimelineToolCall(call: ToolCallRecord): TimelineToolCall {
  return {
    tool: call.tool,
    startMs: call.startMs,
    endMs: Math.max(call.startMs, call.endMs),
    status: call.ok ? 'ok' : 'error',
    ...(call.batchSize === undefined ? {} : { batchSize: call.batchSize }),
  };
}

function byStart(left: { startMs: number }, right: { startMs: number }): number {
  return left.startMs - right.startMs;
}
