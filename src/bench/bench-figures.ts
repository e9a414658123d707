/** What one measured run (a query, or a turn of a conversation) cost and whether it was right. */
export interface RunMeasurement {
  latencyMs: number;
  llmCalls: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  correct: boolean;
  failure?: string;
}

/** One strategy's figures on one scenario: means over its runs (each case once, or repeated). */
export interface StrategyFigures {
  /** Wall time from query to answer, ms (mean per case). */
  latencyMs: number;
  llmCalls: number;
  /** All input tokens, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  /** Every case answered correctly (and, where a case names its calls, made them). */
  correct: boolean;
  /** Distinct cases of the scenario. */
  cases: number;
  /** Runs measured: every case once, or a small scenario's cases repeated up to `minRuns`. */
  runs: number;
  correctRuns: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  /**
   * Planning strategies: the least latency their plans allowed (model calls at the profile's
   * decode rate, plus each plan's critical path of actual tool latencies), mean per case.
   */
  lowerBoundMs?: number;
  /**
   * Streaming planning strategies: the lower bound also counting that the answer needs the whole
   * plan (the answer template follows the steps), mean per run.
   */
  completePlanBoundMs?: number;
  /** Tokens of the strategy's stable prompt (instructions and tools), mean per case. */
  promptTokens?: number;
  /**
   * Multi-turn scenarios: the figures of each turn (means over the runs), in turn order. The
   * strategy's own figures are then per conversation (the turns summed).
   */
  perTurn?: TurnFigures[];
  /** The first few reasons cases were wrong or failed. */
  failures?: string[];
}

/** One turn of a multi-turn scenario: means over the runs of its conversation. */
export interface TurnFigures {
  latencyMs: number;
  llmCalls: number;
  /** All input tokens of the turn's model calls, cached ones included. */
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  costUsd: number;
  toolCalls: number;
  /** Runs in which this turn's answer was right. */
  correctRuns: number;
}

/** What `toolplan bench --json` writes (its documented fields are a contract). */
export interface BenchReport {
  profile: string;
  speed: number;
  seed: number;
  scenarios: Record<string, Record<string, StrategyFigures>>;
}
