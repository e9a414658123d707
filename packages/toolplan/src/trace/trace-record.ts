// Plain data only: a trace must survive JSON, SQLite and a process boundary unchanged, so nothing
// here holds an Error, a Date or a function.

/** What the model cost during one run, summed over its calls (the shape of `UsageTotals`). */
export interface TraceUsage {
  llmCalls: number;
  /** All input tokens, cached ones included. */
  inputTokens: number;
  /** The part of `inputTokens` served from the provider's prompt cache. */
  cachedInputTokens: number;
  outputTokens: number;
}

export type TraceStepStatus = 'ok' | 'error' | 'skipped';

/** One tool call of a run (one plan step; a `forEach` step is one record for all its items). */
export interface TraceToolCall {
  /** The step's id in its plan. */
  stepId: string;
  tool: string;
  /**
   * Canonical JSON (sorted keys) of the arguments: as called when the caller knew them, otherwise
   * as written in the plan (references such as `"$user.id"` unresolved).
   */
  args: string;
  status: TraceStepStatus;
  /** Milliseconds since the run started. */
  startMs: number;
  endMs: number;
  /** Calls made, retries included (0 when the result came from the cache or a shared call). */
  attempts: number;
  /** A short JSON summary of the result (see `summarizeResult`), never the full result. */
  resultSummary?: string;
  /** Why the call failed or was skipped: `Name: message`. */
  error?: string;
}

export type TraceRunStatus = 'ok' | 'error';

/** One run of one strategy for one query, as the trace log keeps it. */
export interface TraceRun {
  /** Unique across the log; recording the same id again replaces the earlier record. */
  runId: string;
  /** The strategy that answered (`plan`, `loop-sequential`, a chain's name…). */
  strategy: string;
  query: string;
  /** When the run started, ISO 8601. */
  startedAt: string;
  wallMs: number;
  status: TraceRunStatus;
  /** The first plan executed, as JSON data, when the strategy planned. */
  plan?: unknown;
  /** Plans executed after the first (replans), in order. */
  replans?: unknown[];
  answer?: string;
  /** Why the run as a whole failed (a thrown error, not a failed step). */
  error?: string;
  usage?: TraceUsage;
  /** Predictive execution's figures, when the run speculated (issue #9). */
  speculation?: TraceSpeculation;
  /** Every tool call, in plan order (the order of the run's step records). */
  steps: TraceToolCall[];
}

/** What speculation did in one run (the counts of `SpeculationMetrics`, without its call log). */
export interface TraceSpeculation {
  /** Distinct calls the predictors proposed. */
  proposals: number;
  /** Speculative calls made. */
  started: number;
  /** Speculative calls a plan step used (taken finished, or joined in flight). */
  hits: number;
  /** Of the hits, those joined in flight. */
  joins: number;
  /** Speculative calls no step used. */
  wasted: number;
  /** Of the wasted, those cancelled in flight. */
  cancelled: number;
  /** How much earlier the served steps finished than had they called when dispatched. */
  savedMs: number;
}
