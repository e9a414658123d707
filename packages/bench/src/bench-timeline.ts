/** One model call of a run, in ms since the run started. */
export interface TimelineModelCall {
  /** What the call was for, where the strategy says (`plan`, `join`, …). */
  purpose?: string;
  startMs: number;
  /**
   * When the first content arrived: the wait before it is time to first token, the rest is
   * decode. Missing for a call that never streamed content (a failure, a non-streamed call).
   */
  firstTokenMs?: number;
  /**
   * The call was not streamed, so `firstTokenMs` is not measured: it is the end less the output
   * tokens at the profile's decode rate.
   */
  firstTokenEstimated?: true;
  endMs: number;
  /** All input tokens, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** The call failed. */
  failed?: true;
}

/** One tool request of a run (a batch request counts once), in ms since the run started. */
export interface TimelineToolCall {
  tool: string;
  /** The plan step it ran for, where known. */
  stepId?: string;
  startMs: number;
  endMs: number;
  status: 'ok' | 'error';
  /** How many inputs a `batch` request carried. */
  batchSize?: number;
  /** Started before the plan asked for it (speculation). */
  speculative?: true;
  /** A speculative call whose result no step used. */
  wasted?: true;
}

/**
 * One representative run of a strategy on a scenario, as it happened: what `toolplan bench
 * --report` draws as a timeline. The run is the one whose latency is nearest the strategy's
 * median latency on the scenario (the earliest such run on a tie).
 */
export interface BenchTimeline {
  scenario: string;
  strategy: string;
  /** The case (single-query scenarios) or conversation (multi-turn ones) that was run. */
  caseId: string;
  /** The question asked (a conversation's turns joined by ` ⏎ `). */
  query: string;
  /** Wall time of the run, ms. */
  wallMs: number;
  modelCalls: TimelineModelCall[];
  toolCalls: TimelineToolCall[];
}
